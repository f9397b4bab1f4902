import PlannerCore

/// Turns chosen day-trips into dated, ordered routes with concrete units.
///
/// Steps, each deterministic: (1) share each demand's units among its trips, cheapest round trip first, so the
/// one partial trip is the dearest; (2) merge an enumerator's trips into one day while the merged day fits
/// the budget and `maxCommunesPerDay` and travels no more than the trips did apart; (3) date the days on the
/// enumerator's usable days, earliest first, in site order; (4) hand out units by ID; (5) order each day's
/// sites and, inside a site, its visits (see `TourOrdering`), and time every visit from `dayStartMinutes`.
struct TripScheduler {
    let instance: AssignmentInstance
    let dayStartMinutes: Int

    /// A day-trip with the number of visits it makes.
    struct Trip {
        var option: Int
        var visits: Int
    }

    /// One enumerator-day before dating: its trips, its sites in visiting order and its minutes.
    struct Day {
        var worker: Int
        var trips: [Trip]
        var siteOrder: [Int]
        var travelMinutes: Double
        var usedMinutes: Double
    }

    struct Schedule {
        var routes: [DayRoute]
        var visits: [VisitAssignment]
        var unscheduledUnitIDs: [String]
        var dayTrips: Int
        var modelTravelMinutes: Double
    }

    func schedule(trips chosen: [Int]) -> Schedule {
        let trips = allocate(chosen)
        var days: [(day: Day, date: CalendarDate)] = []
        for worker in instance.workers.indices {
            let merged = merge(trips.filter { instance.options[$0.option].workerIndex == worker }, worker: worker)
            let usable = instance.workers[worker].usableDays
            precondition(merged.count <= usable.count, "the model's day rows bound the trips of each enumerator")
            for (day, date) in zip(merged, usable) { days.append((day, date)) }
        }

        // Units by ID, to trips by date then enumerator.
        var unitsOfTrip: [[[FieldworkUnit]]] = days.map { entry in entry.day.trips.map { _ in [] } }
        var unscheduled: [String] = []
        for (demandIndex, demand) in instance.demands.enumerated() {
            var slots: [(day: Int, trip: Int)] = []
            for (dayIndex, entry) in days.enumerated() {
                for (tripIndex, trip) in entry.day.trips.enumerated()
                where instance.options[trip.option].demandIndex == demandIndex {
                    slots.append((dayIndex, tripIndex))
                }
            }
            slots.sort { lhs, rhs in
                let left = days[lhs.day], right = days[rhs.day]
                if left.date != right.date { return left.date < right.date }
                let leftID = instance.workers[left.day.worker].enumerator.id
                let rightID = instance.workers[right.day.worker].enumerator.id
                return leftID != rightID ? leftID < rightID : lhs.trip < rhs.trip
            }
            var next = 0
            for slot in slots {
                let count = days[slot.day].day.trips[slot.trip].visits
                unitsOfTrip[slot.day][slot.trip] = Array(demand.units[next..<(next + count)])
                next += count
            }
            unscheduled += demand.units[next...].map(\.id)
        }

        var routes: [DayRoute] = []
        var visits: [VisitAssignment] = []
        for (dayIndex, entry) in days.enumerated() {
            let (route, dayVisits) = makeRoute(entry.day, date: entry.date, units: unitsOfTrip[dayIndex].flatMap { $0 })
            routes.append(route)
            visits += dayVisits
        }
        routes.sort { ($0.enumeratorID, $0.date) < ($1.enumeratorID, $1.date) }
        visits.sort { ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder) }
        return Schedule(routes: routes, visits: visits, unscheduledUnitIDs: unscheduled.sorted(), dayTrips: trips.count,
                        modelTravelMinutes: trips.reduce(0) { $0 + instance.options[$1.option].roundTripMinutes })
    }

    /// Visits per trip: each demand's units fill its trips in order of round trip (then enumerator ID); trips
    /// left empty are dropped.
    func allocate(_ chosen: [Int]) -> [Trip] {
        var trips: [Trip] = []
        for (demandIndex, demand) in instance.demands.enumerated() {
            let ordered = instance.optionsOfDemand[demandIndex].filter { chosen[$0] > 0 }.sorted { lhs, rhs in
                let left = instance.options[lhs], right = instance.options[rhs]
                if left.roundTripMinutes != right.roundTripMinutes { return left.roundTripMinutes < right.roundTripMinutes }
                return instance.workers[left.workerIndex].enumerator.id < instance.workers[right.workerIndex].enumerator.id
            }
            var remaining = demand.count
            for option in ordered {
                for _ in 0..<chosen[option] where remaining > 0 {
                    let visits = min(instance.options[option].visitsPerTrip, remaining)
                    trips.append(Trip(option: option, visits: visits))
                    remaining -= visits
                }
            }
        }
        return trips
    }

    /// Greedily merges the pair of days that saves the most travel until no pair can merge.
    func merge(_ trips: [Trip], worker: Int) -> [Day] {
        var days = trips.map { evaluate([$0], worker: worker) }
        let budget = Double(instance.workers[worker].enumerator.dailyMinutes)
        while true {
            var best: (first: Int, second: Int, day: Day, saving: Double)?
            for first in days.indices {
                for second in days.indices where second > first {
                    let sites = Set(days[first].siteOrder + days[second].siteOrder)
                    guard sites.count <= instance.parameters.maxCommunesPerDay else { continue }
                    let merged = evaluate(days[first].trips + days[second].trips, worker: worker)
                    guard merged.usedMinutes <= budget + 1e-9 else { continue }
                    let saving = days[first].travelMinutes + days[second].travelMinutes - merged.travelMinutes
                    guard saving >= -1e-9, saving > (best?.saving ?? -.infinity) + 1e-9 else { continue }
                    best = (first, second, merged, saving)
                }
            }
            guard let best else { break }
            days[best.first] = best.day
            days.remove(at: best.second)
        }
        return days.sorted { lhs, rhs in
            let left = lhs.trips.map { key(of: $0) }.sorted(by: <), right = rhs.trips.map { key(of: $0) }.sorted(by: <)
            return left.lexicographicallyPrecedes(right, by: <)
        }
    }

    private func key(of trip: Trip) -> SortKey {
        let demand = instance.demands[instance.options[trip.option].demandIndex]
        return SortKey(site: demand.siteIndex, kind: demand.kind, visits: -trip.visits)
    }

    private struct SortKey: Comparable {
        var site: Int
        var kind: FieldworkUnit.Kind
        var visits: Int
        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.site, lhs.kind, lhs.visits) < (rhs.site, rhs.kind, rhs.visits)
        }
    }

    /// A day's best site order and minutes.
    func evaluate(_ trips: [Trip], worker: Int) -> Day {
        let base = instance.workers[worker].base
        let sites = Array(Set(trips.map { instance.demands[instance.options[$0.option].demandIndex].siteIndex })).sorted()
        let places = sites.map { instance.sites[$0].place }
        let order = TourOrdering.bestOrder(count: sites.count) { from, to in
            instance.travel.minutes(from: from.map { places[$0] } ?? base, to: to.map { places[$0] } ?? base)
        }
        let siteOrder = order.map { sites[$0] }
        let travel = instance.travel.tourMinutes(base: base, through: siteOrder.map { instance.sites[$0].place })
        var used = travel
        for site in sites {
            let atSite = trips.filter { instance.demands[instance.options[$0.option].demandIndex].siteIndex == site }
            let visits = atSite.reduce(0) { $0 + $1.visits }
            used += Double(max(0, visits - 1) * instance.parameters.withinCommuneMoveMinutes)
            for trip in atSite {
                used += Double(trip.visits * instance.interviewMinutes(instance.demands[instance.options[trip.option].demandIndex].kind))
            }
        }
        return Day(worker: worker, trips: trips, siteOrder: siteOrder, travelMinutes: travel, usedMinutes: used)
    }

    func makeRoute(_ day: Day, date: CalendarDate, units: [FieldworkUnit]) -> (DayRoute, [VisitAssignment]) {
        let worker = instance.workers[day.worker]
        let move = Double(instance.parameters.withinCommuneMoveMinutes)
        var clock = Double(dayStartMinutes)
        var previous = worker.base
        var travelTotal = 0.0, moveTotal = 0.0
        var interviewTotal = 0
        var visits: [VisitAssignment] = []
        var siteIDs: [String] = []
        for siteIndex in day.siteOrder {
            let site = instance.sites[siteIndex]
            let atSite = units.filter { unitSiteMatches($0, site) }
            guard !atSite.isEmpty else { continue }
            siteIDs.append(site.id)
            let leg = instance.travel.minutes(from: previous, to: site.place)
            travelTotal += leg
            for (position, unit) in VisitSequence.order(atSite, entry: site.location).enumerated() {
                let before = position == 0 ? leg : move
                if position > 0 { moveTotal += move }
                clock += before
                let interview = instance.interviewMinutes(unit.kind)
                visits.append(VisitAssignment(
                    unitID: unit.id, unitKind: unit.kind, label: unit.label, enumeratorID: worker.enumerator.id,
                    date: date, visitOrder: visits.count + 1, siteID: site.id,
                    plannedStartMinutes: Int(clock.rounded()), travelMinutes: before, interviewMinutes: interview))
                clock += Double(interview)
                interviewTotal += interview
            }
            previous = site.place
        }
        let back = instance.travel.minutes(from: previous, to: worker.base)
        travelTotal += back
        let route = DayRoute(enumeratorID: worker.enumerator.id, date: date, baseCommune: worker.baseCommune,
                             siteIDs: siteIDs, unitIDs: visits.map(\.unitID), travelMinutes: travelTotal,
                             returnTravelMinutes: back, moveMinutes: moveTotal, interviewMinutes: interviewTotal,
                             budgetMinutes: worker.enumerator.dailyMinutes, startMinutes: dayStartMinutes)
        return (route, visits)
    }

    private func unitSiteMatches(_ unit: FieldworkUnit, _ site: FieldworkSite) -> Bool {
        switch site.kind {
        case .zone: return unit.zoneID?.rawValue == site.id
        case .commune: return unit.zoneID == nil && unit.communeCode == site.communeCode
        }
    }
}
