import PlannerCore

/// Turns the model's chosen columns (one-site day-trips and multi-site day patterns) into dated, ordered,
/// timed routes with concrete units.
///
/// Steps, each deterministic: (1) every chosen column is one enumerator-day with room for so many visits of
/// each demand; each demand's units fill those rooms cheapest day first (travel per visit of room), so that
/// only the dearest days are partial — a site left with no visit is dropped from its day, and a day left
/// empty is dropped: both only lower the travel; (2) merge two days of an enumerator while the merged day
/// fits (`DayTimeline`) and `maxCommunesPerDay`, and travels less than the two apart — an improvement after
/// the solve, re-costed and reported as such; (3) date the days on the enumerator's usable days, earliest
/// first, in site order; (4) hand out units by ID; (5) order each day's sites and, inside a site, its visits
/// (enterprises first, then households; see `TourOrdering`), and time them with `DayTimeline`.
struct TripScheduler {
    let instance: AssignmentInstance

    /// Visits of one demand in one day.
    struct Trip: Hashable {
        var demand: Int
        var visits: Int
    }

    /// One enumerator-day before dating: its trips, its sites in visiting order, its minutes and its timing
    /// (nil when it does not fit a working day).
    struct Day {
        var worker: Int
        var trips: [Trip]
        var siteOrder: [Int]
        var travelMinutes: Double
        var usedMinutes: Double
        var timeline: DayTimeline?
        var fits: Bool { timeline != nil }
    }

    /// A chosen model column: an enumerator-day with room for `room` visits per demand, at `travelMinutes`.
    struct ChosenDay {
        var worker: Int
        var room: [Trip]
        var travelMinutes: Double
    }

    struct Schedule {
        var routes: [DayRoute]
        var visits: [VisitAssignment]
        var unscheduledUnitIDs: [String]
        /// Enumerator-days the model chose (columns with their multiplicity).
        var dayTrips: Int
        /// Travel of the chosen columns, as the model prices them.
        var modelTravelMinutes: Double
        /// Visits placed after the solve on room the solution left free (`offerFreeRoom`).
        var visitsAddedAfterSolve: Int = 0
    }

    /// The chosen columns of a solution: `trips` per option, `patternCounts` per pattern.
    func chosenDays(trips: [Int], patterns: [DayPattern] = [], patternCounts: [Int] = []) -> [ChosenDay] {
        var days: [ChosenDay] = []
        for (option, count) in trips.enumerated() where count > 0 {
            let chosen = instance.options[option]
            for _ in 0..<count {
                days.append(ChosenDay(worker: chosen.workerIndex,
                                      room: [Trip(demand: chosen.demandIndex, visits: chosen.visitsPerTrip)],
                                      travelMinutes: chosen.roundTripMinutes))
            }
        }
        for (pattern, count) in zip(patterns, patternCounts) where count > 0 {
            for _ in 0..<count {
                days.append(ChosenDay(worker: pattern.workerIndex,
                                      room: pattern.visits.map { Trip(demand: $0.demand, visits: $0.visits) },
                                      travelMinutes: pattern.travelMinutes))
            }
        }
        return days
    }

    func schedule(trips chosen: [Int]) -> Schedule {
        schedule(chosenDays(trips: chosen))
    }

    /// - Parameter previous: a re-plan's previous visits from its first day. Given, the days keep the model's
    ///   enumerator for each day (no evening out among colleagues), each enumerator's days are dated where they
    ///   repeat the most of its previous visits (`PreviousVisits.dates`), and each demand's units go first to the
    ///   day that held them before: the solution's own days, changed as little as dates allow.
    func schedule(_ chosen: [ChosenDay], keeping previous: [VisitAssignment]? = nil) -> Schedule {
        let filled = allocate(chosen)
        let perWorker = instance.workers.indices.map { worker in
            let own = filled.filter { $0.worker == worker }
            return own.isEmpty ? [] : merge(own, worker: worker)
        }
        let held = previous.map { PreviousVisits($0, instance: instance) }
        let merged = held == nil ? evened(perWorker) : perWorker
        var days: [(day: Day, date: CalendarDate)] = []
        for (worker, own) in merged.enumerated() {
            let usable = instance.workers[worker].usableDays
            precondition(own.count <= usable.count, "the model's day rows bound the days of each enumerator")
            let dates = held?.dates(for: own, worker: worker, usable: usable) ?? Array(usable.prefix(own.count))
            for (day, date) in zip(own, dates) { days.append((day, date)) }
        }
        let offered = offerFreeRoom(&days)

        // Units by ID, to trips by date then enumerator.
        var unitsOfTrip: [[[FieldworkUnit]]] = days.map { entry in entry.day.trips.map { _ in [] } }
        var unscheduled: [String] = []
        for (demandIndex, demand) in instance.demands.enumerated() {
            var slots: [(day: Int, trip: Int)] = []
            for (dayIndex, entry) in days.enumerated() {
                for (tripIndex, trip) in entry.day.trips.enumerated() where trip.demand == demandIndex {
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
            if let held {
                // Each day takes back the units it held before, then the rest fill the room left, by ID.
                var placed = Set<String>()
                for slot in slots {
                    let entry = days[slot.day]
                    let own = held.units(of: demandIndex, worker: entry.day.worker, date: entry.date)
                        .filter { !placed.contains($0.id) }.prefix(entry.day.trips[slot.trip].visits)
                    unitsOfTrip[slot.day][slot.trip] = Array(own)
                    placed.formUnion(own.map(\.id))
                }
                var rest = demand.units.filter { !placed.contains($0.id) }[...]
                for slot in slots {
                    let room = days[slot.day].day.trips[slot.trip].visits - unitsOfTrip[slot.day][slot.trip].count
                    unitsOfTrip[slot.day][slot.trip] += rest.prefix(room)
                    rest = rest.dropFirst(room)
                }
                unscheduled += rest.map(\.id)
                continue
            }
            var next = 0
            for slot in slots {
                let count = min(days[slot.day].day.trips[slot.trip].visits, demand.count - next)
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
        return Schedule(routes: routes, visits: visits, unscheduledUnitIDs: unscheduled.sorted(), dayTrips: chosen.count,
                        modelTravelMinutes: chosen.reduce(0) { $0 + $1.travelMinutes }, visitsAddedAfterSolve: offered)
    }

    /// Each group of interchangeable enumerators' days (`AssignmentInstance.interchangeableGroups`: same base,
    /// skills, daily minutes and usable days) dealt out evenly among its members: ⌊T/n⌋ days each and one more for
    /// the first T mod n by ID, in the order the members held them.
    ///
    /// The model charges only days above a fair share, so it is indifferent between colleagues at or below it:
    /// on the default dataset four household enumerators of the Trần Đề office had 6, 0, 0 and 1 days. Their days
    /// are the same routes from the same base on the same dates, so dealing them out changes no day's travel and
    /// no rule, and never raises the days above the fair share (each member has at most ⌈T/n⌉). Done after merging,
    /// so no pair of days that merging joined is split again.
    func evened(_ daysOfWorker: [[Day]]) -> [[Day]] {
        var evened = daysOfWorker
        for group in instance.interchangeableGroups() where group.count > 1 {
            let pooled = group.flatMap { daysOfWorker[$0] }
            var next = 0
            for (position, worker) in group.enumerated() {
                let count = pooled.count / group.count + (position < pooled.count % group.count ? 1 : 0)
                evened[worker] = pooled[next..<(next + count)].map { day in
                    var day = day
                    day.worker = worker
                    return day
                }
                next += count
            }
        }
        return evened
    }

    /// Before any unit is left unserved, every eligible enumerator's room is offered to it: a visit added to
    /// one of its days that still fits (at a site already visited, or a new one within `maxCommunesPerDay`),
    /// or a new day on one of its free usable days — whichever adds the least travel per visit. Returns the
    /// visits so added. The model already minimises unserved units first; this catches what a time-limited
    /// solve left behind.
    func offerFreeRoom(_ days: inout [(day: Day, date: CalendarDate)]) -> Int {
        var leftover = instance.demands.map(\.count)
        for entry in days { for trip in entry.day.trips { leftover[trip.demand] -= trip.visits } }
        var added = 0
        for demand in instance.demands.indices where leftover[demand] > 0 {
            while leftover[demand] > 0 {
                var best: (perVisit: Double, day: Int?, worker: Int, date: CalendarDate, result: Day, visits: Int)?
                for option in instance.optionsOfDemand[demand] {
                    let worker = instance.options[option].workerIndex
                    let own = days.indices.filter { days[$0].day.worker == worker }
                    if let found = cheapestDay(adding: [Trip(demand: demand, visits: 1)], worker: worker,
                                               days: own.map { ($0, days[$0].day) }, below: best?.perVisit ?? .infinity) {
                        best = (found.addedTravel, found.position, worker, days[found.position].date, found.result, 1)
                    }
                    guard let free = firstFreeDay(of: worker, taken: Set(own.map { days[$0].date })) else { continue }
                    let visits = min(leftover[demand], instance.options[option].visitsPerTrip)
                    let fresh = evaluate([Trip(demand: demand, visits: visits)], worker: worker)
                    guard fresh.fits else { continue }
                    let perVisit = fresh.travelMinutes / Double(visits)
                    if perVisit < (best?.perVisit ?? .infinity) - 1e-9 {
                        best = (perVisit, nil, worker, free, fresh, visits)
                    }
                }
                guard let best else { break }
                if let index = best.day {
                    days[index].day = best.result
                } else {
                    days.append((best.result, best.date))
                }
                leftover[demand] -= best.visits
                added += best.visits
            }
        }
        days.sort { lhs, rhs in
            let left = instance.workers[lhs.day.worker].enumerator.id, right = instance.workers[rhs.day.worker].enumerator.id
            return left != right ? left < right : lhs.date < rhs.date
        }
        return added
    }

    /// The day among `days` (the worker's, with their positions, in date order) that can take `extra` as well
    /// and still fits the working day and `maxCommunesPerDay`, adding the least travel — and less than `bar` by
    /// more than rounding; the first of equals wins. The one rule by which both schedulers give a worker more
    /// work on a day it already has (`offerFreeRoom`, `ReplanScheduler`'s placing).
    func cheapestDay(adding extra: [Trip], worker: Int, days: [(position: Int, day: Day)],
                     below bar: Double = .infinity) -> (position: Int, result: Day, addedTravel: Double)? {
        var best: (position: Int, result: Day, addedTravel: Double)?
        for (position, day) in days {
            let merged = evaluate(combine(day.trips, extra), worker: worker)
            guard merged.fits, merged.siteOrder.count <= instance.parameters.maxCommunesPerDay else { continue }
            let added = merged.travelMinutes - day.travelMinutes
            if added < (best?.addedTravel ?? bar) - 1e-9 { best = (position, merged, added) }
        }
        return best
    }

    /// The worker's earliest usable day not in `taken`: where a new day of work goes.
    func firstFreeDay(of worker: Int, taken: Set<CalendarDate>) -> CalendarDate? {
        instance.workers[worker].usableDays.first { !taken.contains($0) }
    }

    /// Visits per chosen day: each demand's units fill the rooms of the days that offer it, cheapest day first
    /// (travel per visit of room, then enumerator ID, then column order); sites and days left empty are dropped.
    func allocate(_ chosen: [ChosenDay]) -> [Day] {
        var filled = chosen.map { _ in [Trip]() }
        var roomsOfDemand = Array(repeating: [(day: Int, visits: Int)](), count: instance.demands.count)
        for (index, day) in chosen.enumerated() {
            for room in day.room { roomsOfDemand[room.demand].append((index, room.visits)) }
        }
        func costPerVisit(_ day: ChosenDay) -> Double {
            day.travelMinutes / Double(max(1, day.room.reduce(0) { $0 + $1.visits }))
        }
        for (demandIndex, demand) in instance.demands.enumerated() {
            let ordered = roomsOfDemand[demandIndex].sorted { lhs, rhs in
                let left = chosen[lhs.day], right = chosen[rhs.day]
                let leftCost = costPerVisit(left), rightCost = costPerVisit(right)
                if leftCost != rightCost { return leftCost < rightCost }
                let leftID = instance.workers[left.worker].enumerator.id
                let rightID = instance.workers[right.worker].enumerator.id
                return leftID != rightID ? leftID < rightID : lhs.day < rhs.day
            }
            var remaining = demand.count
            for room in ordered where remaining > 0 {
                let visits = min(room.visits, remaining)
                filled[room.day].append(Trip(demand: demandIndex, visits: visits))
                remaining -= visits
            }
        }
        return zip(chosen, filled).compactMap { day, trips in
            trips.isEmpty ? nil : evaluate(trips.sorted { $0.demand < $1.demand }, worker: day.worker)
        }
    }

    /// Greedily merges the pair of days that saves the most travel until no pair can merge.
    func merge(_ initial: [Day], worker: Int) -> [Day] {
        var days = initial
        while true {
            var best: (first: Int, second: Int, day: Day, saving: Double)?
            for first in days.indices {
                for second in days.indices where second > first {
                    let sites = Set(days[first].siteOrder + days[second].siteOrder)
                    guard sites.count <= instance.parameters.maxCommunesPerDay else { continue }
                    let merged = evaluate(combine(days[first].trips, days[second].trips), worker: worker)
                    guard merged.fits else { continue }
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

    /// Two days' trips as one day's: visits of the same demand added up.
    func combine(_ first: [Trip], _ second: [Trip]) -> [Trip] {
        var visits: [Int: Int] = [:]
        for trip in first + second { visits[trip.demand, default: 0] += trip.visits }
        return visits.keys.sorted().map { Trip(demand: $0, visits: visits[$0]!) }
    }

    private func key(of trip: Trip) -> SortKey {
        let demand = instance.demands[trip.demand]
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

    /// A day's site order and minutes: the shortest order whose timing fits, else the shortest order (and the
    /// day does not fit).
    func evaluate(_ trips: [Trip], worker: Int) -> Day {
        let base = instance.workers[worker].base
        let sites = Array(Set(trips.map { instance.demands[$0.demand].siteIndex })).sorted()
        let places = sites.map { instance.sites[$0].place }
        var counts = Array(repeating: (households: 0, enterprises: 0), count: sites.count)
        for trip in trips {
            let position = sites.firstIndex(of: instance.demands[trip.demand].siteIndex)!
            if instance.demands[trip.demand].kind == .household { counts[position].households += trip.visits }
            else { counts[position].enterprises += trip.visits }
        }
        func cost(_ from: Int?, _ to: Int?) -> Double {
            instance.travel.minutes(from: from.map { places[$0] } ?? base, to: to.map { places[$0] } ?? base)
        }
        let shortest = TourOrdering.bestOrder(count: sites.count, cost: cost)
        var orders = [shortest]
        if sites.count > 1, sites.count <= 4 {
            orders += TourOrdering.allOrders(count: sites.count)
                .filter { $0 != shortest }
                .map { ($0, TourOrdering.tourCost($0, cost: cost)) }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.lexicographicallyPrecedes($1.0) }
                .map(\.0)
        }
        let interviews = counts.reduce(0) {
            $0 + $1.households * instance.parameters.householdInterviewMinutes
                + $1.enterprises * instance.parameters.enterpriseInterviewMinutes
        }
        let moves = counts.reduce(0) { $0 + max(0, $1.households + $1.enterprises - 1) }
            * instance.parameters.withinCommuneMoveMinutes
        var chosen: (order: [Int], timeline: DayTimeline?)?
        for order in orders {
            let timeline = self.timeline(worker: worker, siteOrder: order.map { sites[$0] },
                                         counts: order.map { counts[$0] })
            if timeline != nil || chosen == nil { chosen = (order, timeline) }
            if timeline != nil { break }
        }
        let order = chosen!.order
        let travel = TourOrdering.tourCost(order, cost: cost)
        return Day(worker: worker, trips: trips, siteOrder: order.map { sites[$0] }, travelMinutes: travel,
                   usedMinutes: travel + Double(moves + interviews), timeline: chosen!.timeline)
    }

    /// The timing of a day that visits `siteOrder` with so many households and enterprises at each site
    /// (enterprises first at each site, inside office hours).
    func timeline(worker: Int, siteOrder: [Int], counts: [(households: Int, enterprises: Int)]) -> DayTimeline? {
        let steps = DayTimeline.steps(legs: legs(worker: worker, siteOrder: siteOrder),
                                      interviews: counts.map { interviewSteps(households: $0.households,
                                                                              enterprises: $0.enterprises) },
                                      moveMinutes: Double(instance.parameters.withinCommuneMoveMinutes))
        return DayTimeline.time(steps, day: instance.parameters.workingDay,
                                workBudgetMinutes: instance.workers[worker].enumerator.dailyMinutes)
    }

    /// Road legs base → first site → … → last site → base.
    func legs(worker: Int, siteOrder: [Int]) -> [Double] {
        let base = instance.workers[worker].base
        let places = [base] + siteOrder.map { instance.sites[$0].place } + [base]
        return zip(places, places.dropFirst()).map { instance.travel.minutes(from: $0, to: $1) }
    }

    func interviewSteps(households: Int, enterprises: Int) -> [DayTimeline.Step] {
        Array(repeating: .interview(minutes: instance.parameters.enterpriseInterviewMinutes, withinOfficeHours: true),
              count: enterprises)
            + Array(repeating: .interview(minutes: instance.parameters.householdInterviewMinutes,
                                          withinOfficeHours: false), count: households)
    }

    /// The dated route of a day and its timed visits (also used by `ManualBaseline`, so both price days alike).
    ///
    /// A day that does not fit (only the manual baseline can make one) is timed back to back from the day's
    /// start, without the break, so that its overload shows.
    func makeRoute(_ day: Day, date: CalendarDate, units: [FieldworkUnit]) -> (DayRoute, [VisitAssignment]) {
        let worker = instance.workers[day.worker]
        let parameters = instance.parameters
        let move = Double(parameters.withinCommuneMoveMinutes)
        var orderedUnits: [(site: FieldworkSite, units: [FieldworkUnit])] = []
        for siteIndex in day.siteOrder {
            let site = instance.sites[siteIndex]
            let atSite = units.filter { unitSiteMatches($0, site) }
            guard !atSite.isEmpty else { continue }
            let enterprises = VisitSequence.order(atSite.filter { $0.kind == .enterprise }, entry: site.location)
            let households = VisitSequence.order(atSite.filter { $0.kind == .household }, entry: site.location)
            orderedUnits.append((site, enterprises + households))
        }
        var places = [worker.base] + orderedUnits.map(\.site.place) + [worker.base]
        if orderedUnits.isEmpty { places = [] }
        let legs = zip(places, places.dropFirst()).map { instance.travel.minutes(from: $0, to: $1) }
        let steps = DayTimeline.steps(legs: legs, interviews: orderedUnits.map { entry in
            entry.units.map { unit in
                DayTimeline.Step.interview(minutes: instance.interviewMinutes(unit.kind),
                                           withinOfficeHours: unit.kind == .enterprise)
            }
        }, moveMinutes: move)
        let timing = DayTimeline.time(steps, day: parameters.workingDay, workBudgetMinutes: worker.enumerator.dailyMinutes)
            ?? Self.backToBack(steps, start: parameters.workingDay.startMinutes)

        var visits: [VisitAssignment] = []
        var stepIndex = 0
        var moveTotal = 0.0, interviewTotal = 0
        for (siteNumber, entry) in orderedUnits.enumerated() {
            let leg = legs[siteNumber]
            stepIndex += 1  // the road leg
            for (position, unit) in entry.units.enumerated() {
                if position > 0 {
                    moveTotal += move
                    stepIndex += 1
                }
                let interview = instance.interviewMinutes(unit.kind)
                visits.append(VisitAssignment(
                    unitID: unit.id, unitKind: unit.kind, label: unit.label, enumeratorID: worker.enumerator.id,
                    date: date, visitOrder: visits.count + 1, siteID: entry.site.id,
                    plannedStartMinutes: Int(timing.stepStarts[stepIndex].rounded()),
                    travelMinutes: position == 0 ? leg : move, interviewMinutes: interview))
                interviewTotal += interview
                stepIndex += 1
            }
        }
        let travelTotal = legs.reduce(0, +)
        let route = DayRoute(enumeratorID: worker.enumerator.id, date: date, baseCommune: worker.baseCommune,
                             siteIDs: orderedUnits.map(\.site.id), unitIDs: visits.map(\.unitID),
                             travelMinutes: travelTotal, returnTravelMinutes: legs.last ?? 0, moveMinutes: moveTotal,
                             interviewMinutes: interviewTotal, budgetMinutes: worker.enumerator.dailyMinutes,
                             startMinutes: parameters.workingDay.startMinutes,
                             endMinutes: Int(timing.end.rounded()),
                             breakStartMinutes: timing.breakStart.map { Int($0.rounded()) },
                             breakMinutes: parameters.workingDay.breakMinutes, waitingMinutes: timing.waitingMinutes)
        return (route, visits)
    }

    /// Steps one after the other from `start`, with no break, window or budget.
    private static func backToBack(_ steps: [DayTimeline.Step], start: Int) -> DayTimeline {
        var clock = Double(start)
        var starts: [Double] = []
        for step in steps {
            starts.append(clock)
            clock += step.minutes
        }
        return DayTimeline(stepStarts: starts, breakStart: nil, end: clock, workMinutes: clock - Double(start),
                           waitingMinutes: 0)
    }

    private func unitSiteMatches(_ unit: FieldworkUnit, _ site: FieldworkSite) -> Bool {
        switch site.kind {
        case .zone: return unit.zoneID?.rawValue == site.id
        case .commune: return unit.zoneID == nil && unit.communeCode == site.communeCode
        }
    }
}
