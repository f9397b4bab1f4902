import PlannerCore

/// Turns a re-plan's chosen day-trips into dated routes that change the previous plan as little as possible.
///
/// Steps, each deterministic:
/// 1. Keep: every previous visit stays with its enumerator on its date when the unit still needs a visit, the
///    enumerator still works that day, and the chosen trips still give that enumerator that work (a kept
///    day that no longer fits its budget gives back its last visits).
/// 2. Share the rest of each demand among the options with trips left over, cheapest round trip first, in
///    chunks of one day-trip's visits.
/// 3. Place each chunk on one of the enumerator's days where it fits and saves travel (the most first), else
///    on the enumerator's earliest free usable day (buffer days are the last ones), else on any day where it
///    fits, else visit by visit; what fits nowhere is unscheduled.
/// 4. Order and time each day as `TripScheduler` does.
///
/// Steps 2–3 re-pack the chosen work greedily around the kept visits, not day by day as the solution chose it, so
/// when nearly every day is full (many enumerators gone) they can leave units over that the solution's own days
/// serve. Then the solution's days are scheduled as a first plan's are (`TripScheduler`: allocated, merged, free
/// room offered), but dated where they repeat the most previous visits and with each day taking back the units it
/// held (`TripScheduler.schedule(_:keeping:)`), and that schedule is taken if it leaves fewer units unserved:
/// serving comes before keeping previous dates, and an incomplete re-plan must be one the model cannot complete,
/// not one the re-packing could not.
struct ReplanScheduler {
    let instance: AssignmentInstance
    let previousVisits: [VisitAssignment]

    private struct DayKey: Hashable, Comparable {
        var worker: Int
        var date: CalendarDate
        static func < (lhs: DayKey, rhs: DayKey) -> Bool { (lhs.worker, lhs.date) < (rhs.worker, rhs.date) }
    }

    private struct Placed {
        var unit: FieldworkUnit
        var demand: Int
    }

    /// - Parameters:
    ///   - chosen: day-trips per option.
    ///   - patterns, patternCounts: the day patterns the solution chose; their visits join the work of their
    ///     enumerator (placed like the rest, on days where they fit and save travel).
    func schedule(trips chosen: [Int], patterns: [DayPattern] = [], patternCounts: [Int] = []) -> TripScheduler.Schedule {
        let stable = stableSchedule(trips: chosen, patterns: patterns, patternCounts: patternCounts)
        guard !stable.unscheduledUnitIDs.isEmpty else { return stable }
        let routing = TripScheduler(instance: instance)
        let days = routing.chosenDays(trips: chosen, patterns: patterns, patternCounts: patternCounts)
        let own = routing.schedule(days, keeping: previousVisits)
        return own.unscheduledUnitIDs.count < stable.unscheduledUnitIDs.count ? own : stable
    }

    /// Steps 1–4: the chosen work around the previous plan's kept visits.
    func stableSchedule(trips chosen: [Int], patterns: [DayPattern] = [],
                        patternCounts: [Int] = []) -> TripScheduler.Schedule {
        let routing = TripScheduler(instance: instance)
        let lookup = InstanceIndex(instance)
        let demandOfUnit = lookup.demandOfUnit, unitsByID = lookup.unitsByID
        let workerOfEnumerator = lookup.workerOfEnumerator
        func option(worker: Int, demand: Int) -> Int? { lookup.option(worker: worker, demand: demand) }
        let usable = instance.workers.map { Set($0.usableDays) }

        func trips(_ placed: [Placed]) -> [TripScheduler.Trip] {
            var counts: [Int: Int] = [:]
            for entry in placed { counts[entry.demand, default: 0] += 1 }
            return counts.keys.sorted().map { TripScheduler.Trip(demand: $0, visits: counts[$0]!) }
        }
        func evaluate(_ placed: [Placed], worker: Int) -> TripScheduler.Day {
            routing.evaluate(trips(placed), worker: worker)
        }
        func fits(_ day: TripScheduler.Day, worker: Int) -> Bool {
            day.siteOrder.count <= instance.parameters.maxCommunesPerDay && day.fits
        }
        /// A demand's options, cheapest round trip first (ties: enumerator ID).
        func cheapestFirst(_ options: [Int]) -> [Int] {
            options.sorted { lhs, rhs in
                let left = instance.options[lhs], right = instance.options[rhs]
                if left.roundTripMinutes != right.roundTripMinutes { return left.roundTripMinutes < right.roundTripMinutes }
                return instance.workers[left.workerIndex].enumerator.id < instance.workers[right.workerIndex].enumerator.id
            }
        }

        // 1. Keep.
        var capacity = chosen.enumerated().map { $0.element * instance.options[$0.offset].visitsPerTrip }
        for (pattern, count) in zip(patterns, patternCounts) where count > 0 {
            for visits in pattern.visits {
                if let index = option(worker: pattern.workerIndex, demand: visits.demand) {
                    capacity[index] += count * visits.visits
                }
            }
        }
        var days: [DayKey: [Placed]] = [:]
        var placedIDs = Set<String>()
        let ordered = previousVisits.sorted {
            ($0.date, $0.enumeratorID, $0.visitOrder, $0.unitID) < ($1.date, $1.enumeratorID, $1.visitOrder, $1.unitID)
        }
        for visit in ordered {
            guard let demand = demandOfUnit[visit.unitID], !placedIDs.contains(visit.unitID),
                  let worker = workerOfEnumerator[visit.enumeratorID], usable[worker].contains(visit.date),
                  let kept = option(worker: worker, demand: demand), capacity[kept] > 0 else { continue }
            days[DayKey(worker: worker, date: visit.date), default: []]
                .append(Placed(unit: unitsByID[visit.unitID]!, demand: demand))
            capacity[kept] -= 1
            placedIDs.insert(visit.unitID)
        }
        for key in days.keys.sorted() {
            while let placed = days[key], !placed.isEmpty, !fits(evaluate(placed, worker: key.worker), worker: key.worker) {
                let last = days[key]!.removeLast()
                capacity[option(worker: key.worker, demand: last.demand)!] += 1
                placedIDs.remove(last.unit.id)
            }
            if days[key]?.isEmpty == true { days[key] = nil }
        }

        // 2. Chunks of the rest.
        var chunks: [(worker: Int, demand: Int, units: [FieldworkUnit])] = []
        var unscheduled: [String] = []
        for (demandIndex, demand) in instance.demands.enumerated() {
            var pending = demand.units.filter { !placedIDs.contains($0.id) }
            let candidates = cheapestFirst(instance.optionsOfDemand[demandIndex].filter { capacity[$0] > 0 })
            for candidate in candidates where !pending.isEmpty {
                let taken = Array(pending.prefix(capacity[candidate]))
                pending.removeFirst(taken.count)
                let perTrip = instance.options[candidate].visitsPerTrip
                for start in stride(from: 0, to: taken.count, by: perTrip) {
                    chunks.append((instance.options[candidate].workerIndex, demandIndex,
                                   Array(taken[start..<min(start + perTrip, taken.count)])))
                }
            }
            unscheduled += pending.map(\.id)
        }

        // 3. Place the chunks: on the worker's day that takes them with the least added travel when that adds no
        // more than a day of their own would travel, else on a free usable day, else on that cheapest day.
        func place(_ units: [Placed], worker: Int) -> Bool {
            let own = days.keys.filter { $0.worker == worker }.sorted()
            let alone = evaluate(units, worker: worker)
            let cheapest = routing.cheapestDay(adding: trips(units), worker: worker,
                                               days: own.enumerated().map { ($0.offset, evaluate(days[$0.element]!, worker: worker)) })
            if let cheapest, cheapest.addedTravel <= alone.travelMinutes + 1e-9 {
                days[own[cheapest.position]]! += units
                return true
            }
            if let free = routing.firstFreeDay(of: worker, taken: Set(own.map(\.date))), fits(alone, worker: worker) {
                days[DayKey(worker: worker, date: free)] = units
                return true
            }
            if let cheapest {
                days[own[cheapest.position]]! += units
                return true
            }
            return false
        }
        for chunk in chunks {
            let units = chunk.units.map { Placed(unit: $0, demand: chunk.demand) }
            if place(units, worker: chunk.worker) { continue }
            for unit in units where !place([unit], worker: chunk.worker) {
                unscheduled.append(unit.unit.id)
            }
        }

        // 3b. Before a unit is left unserved, every eligible enumerator's room is offered to it, cheapest round
        // trip first, by the placing of step 3 (`TripScheduler.cheapestDay` and `firstFreeDay`, the rule
        // `TripScheduler.offerFreeRoom` offers room by).
        var leftOver: [String] = []
        for id in unscheduled.sorted() {
            guard let demand = demandOfUnit[id], let unit = unitsByID[id] else {
                leftOver.append(id)
                continue
            }
            var placed = false
            for candidate in cheapestFirst(instance.optionsOfDemand[demand]) where !placed {
                placed = place([Placed(unit: unit, demand: demand)], worker: instance.options[candidate].workerIndex)
            }
            if !placed { leftOver.append(id) }
        }
        unscheduled = leftOver

        // 4. Routes.
        var routes: [DayRoute] = []
        var visits: [VisitAssignment] = []
        for key in days.keys.sorted() {
            let placed = days[key]!
            let day = evaluate(placed, worker: key.worker)
            let (route, dayVisits) = routing.makeRoute(day, date: key.date, units: placed.map(\.unit))
            routes.append(route)
            visits += dayVisits
        }
        routes.sort { ($0.enumeratorID, $0.date) < ($1.enumeratorID, $1.date) }
        visits.sort { ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder) }
        let modelTravel = chosen.enumerated().reduce(0.0) {
            $0 + Double($1.element) * instance.options[$1.offset].roundTripMinutes
        } + zip(patterns, patternCounts).reduce(0.0) { $0 + Double($1.1) * $1.0.travelMinutes }
        return TripScheduler.Schedule(routes: routes, visits: visits, unscheduledUnitIDs: unscheduled.sorted(),
                                      dayTrips: chosen.reduce(0, +) + patternCounts.reduce(0, +),
                                      modelTravelMinutes: modelTravel)
    }
}
