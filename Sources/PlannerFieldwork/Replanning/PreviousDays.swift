import PlannerCore

/// The previous plan's enumerator-days still ahead, as the re-plan's model sees them: each day is kept by a column
/// of its enumerator that visits exactly the same demands (its one-site day-trip, or a day pattern of the same
/// sites and kinds), whatever the visit counts.
///
/// Counting whole days, not the trips of each demand apart, is what lets a re-plan keep a two-site day as one day:
/// a model whose keep rows count one-site trips charges that day as two dropped trips when the new plan serves it
/// as a pattern, and one whose rows credit a demand to any pattern visiting it lets the solver swap partners between
/// an enumerator's days for free, which moves visits to other dates even when nothing changed (13 of 84 visits,
/// measured). See docs/replanning.md, "What a re-plan keeps".
struct PreviousDays {
    /// Previous days of one enumerator that visit the same demands.
    struct Group {
        var workerIndex: Int
        /// Demand indices, ascending.
        var demands: [Int]
        /// The option of a one-demand group; nil for a group of several demands (kept by patterns).
        var option: Int?
        /// Columns of the group needed to keep every one of its days: one per day, or for a one-site day more
        /// visits than one trip of its option holds, as many trips as that takes.
        var days: Int
    }

    private(set) var groups: [Group] = []
    /// The days of several demands as day patterns, filled with as many visits as still fit them (`filled`;
    /// identical days counted together), for the model to offer and the warm start to use.
    private(set) var patterns: [DayPattern] = []
    private(set) var patternCounts: [Int] = []
    /// The one-site days as trips per option, as `Replanner.previousTrips` would count them for those days alone.
    private(set) var trips: [Int]

    /// - Parameter visits: the previous plan's visits; only those of units still to visit, by an enumerator still
    ///   working that day, count. A several-demand day that no longer fits a working day (or exceeds
    ///   `maxCommunesPerDay`) counts as one-site days of its demands.
    init(instance: AssignmentInstance, visits: [VisitAssignment]) {
        let lookup = InstanceIndex(instance)
        trips = Array(repeating: 0, count: instance.options.count)
        var tally = DayPatternTally()
        var groupIndex: [[Int]: Int] = [:]
        func addDays(worker: Int, demands: [Int], option: Int?, days: Int) {
            let key = [worker] + demands
            if let index = groupIndex[key] {
                groups[index].days += days
            } else {
                groupIndex[key] = groups.count
                groups.append(Group(workerIndex: worker, demands: demands, option: option, days: days))
            }
        }
        let routing = TripScheduler(instance: instance)
        for planned in lookup.plannedDays(of: visits, in: instance) {
            let counts = planned.visits
            let demands = counts.keys.sorted()
            // A pattern never holds more visits of a demand than its enumerator's one-site day-trip there
            // (docs/model.md, "Day patterns"), nor more than the demand still has.
            let trips = demands.map { demand in
                let option = lookup.option(worker: planned.worker, demand: demand)!
                return TripScheduler.Trip(demand: demand, visits: min(counts[demand]!, instance.options[option].visitsPerTrip))
            }
            if demands.count > 1 {
                var day = routing.evaluate(trips, worker: planned.worker)
                if day.fits, day.siteOrder.count <= instance.parameters.maxCommunesPerDay {
                    day = Self.filled(day, routing: routing, lookup: lookup)
                    tally.add(DayPattern(workerIndex: planned.worker,
                                         visits: day.trips.map { DayPattern.Visits(demand: $0.demand, visits: $0.visits) },
                                         siteOrder: day.siteOrder, travelMinutes: day.travelMinutes))
                    addDays(worker: planned.worker, demands: demands, option: nil, days: 1)
                    continue
                }
            }
            for demand in demands {
                let option = lookup.option(worker: planned.worker, demand: demand)!
                let perTrip = instance.options[option].visitsPerTrip
                let needed = (counts[demand]! + perTrip - 1) / perTrip
                self.trips[option] += needed
                addDays(worker: planned.worker, demands: [demand], option: option, days: needed)
            }
        }
        for index in self.trips.indices { self.trips[index] = min(self.trips[index], instance.options[index].maximumTrips) }
        for index in groups.indices {
            if let option = groups[index].option { groups[index].days = self.trips[option] }
        }
        patterns = tally.patterns
        patternCounts = tally.counts
    }

    /// A previous day with as many more visits of its demands as still fit it (one at a time, each demand in turn,
    /// up to the demand's units and the enumerator's one-site trip there), on the same sites. A one-site trip holds
    /// all the visits a day of it can make; the previous day as it was holds only those it made, so new work at its
    /// sites — re-visits, released reserves — would need a day of its own where the day itself has room.
    private static func filled(_ day: TripScheduler.Day, routing: TripScheduler, lookup: InstanceIndex) -> TripScheduler.Day {
        let instance = routing.instance
        var day = day
        var growing = true
        while growing {
            growing = false
            for position in day.trips.indices {
                let demand = day.trips[position].demand
                let option = lookup.option(worker: day.worker, demand: demand)!
                guard day.trips[position].visits < min(instance.demands[demand].count,
                                                       instance.options[option].visitsPerTrip) else { continue }
                var trips = day.trips
                trips[position].visits += 1
                let larger = routing.evaluate(trips, worker: day.worker)
                guard larger.fits, larger.siteOrder.count <= instance.parameters.maxCommunesPerDay else { continue }
                day = larger
                growing = true
            }
        }
        return day
    }

    /// The model with the previous several-demand days among its patterns (those it does not hold already), and
    /// their counts by the model's pattern indices.
    func offered(in model: AssignmentModel) -> (model: AssignmentModel, patternCounts: [Int]) {
        var model = model
        var indexOf: [DayPattern: Int] = [:]
        for (index, pattern) in model.patterns.enumerated() where indexOf[pattern] == nil { indexOf[pattern] = index }
        var counts = Array(repeating: 0, count: model.patterns.count)
        for (pattern, count) in zip(patterns, patternCounts) {
            if let index = indexOf[pattern] {
                counts[index] += count
            } else {
                indexOf[pattern] = model.patterns.count
                model.append(pattern)
                counts.append(count)
            }
        }
        return (model, counts)
    }
}
