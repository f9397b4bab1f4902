extension AssignmentModel {
    /// The plan with its unserved units given, one day-trip at a time, to enumerators' free days: each step adds
    /// the trip with the least road minutes per unit it serves (an option with trips and its enumerator with
    /// days to spare), until no unit is left or no free day can take one.
    ///
    /// Issue 10 asks that every free enumerator-day be offered to the units left over before a plan is called
    /// incomplete. The schedule does so after the solve (`TripScheduler.offerFreeRoom`); doing it in the model,
    /// before the neighbourhood search, lets the search start from the plan with more units served and spend its
    /// pieces on travel. Serving a unit always lowers the objective (the penalty dominates travel and balance),
    /// so the filled plan is never dearer. Measured: tight variant 24,621.2 → 24,602.9; with 30 of 42
    /// household-only enumerators removed the plan is unchanged: its open units sit where every eligible
    /// enumerator's days are full, and only a trade of days between enumerators (the search's pieces) serves them.
    func fillingFreeDays(trips: [Int], patterns patternCounts: [Int]) -> [Int] {
        var trips = trips
        let values = solutionVector(trips: trips, patterns: patternCounts)
        var open = unservedVariables.map { Int(values[$0.index].rounded()) }
        guard open.contains(where: { $0 > 0 }) else { return trips }
        var daysUsed = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in trips.enumerated() { daysUsed[instance.options[option].workerIndex] += count }
        for (pattern, count) in patternCounts.enumerated() { daysUsed[patterns[pattern].workerIndex] += count }
        while true {
            var best: (option: Int, minutesPerUnit: Double)?
            for (demand, units) in open.enumerated() where units > 0 {
                for option in instance.optionsOfDemand[demand] {
                    let trip = instance.options[option]
                    guard trips[option] < trip.maximumTrips,
                          daysUsed[trip.workerIndex] < instance.workers[trip.workerIndex].usableDays.count
                    else { continue }
                    let perUnit = trip.roundTripMinutes / Double(min(units, trip.visitsPerTrip))
                    if best == nil || perUnit < best!.minutesPerUnit { best = (option, perUnit) }
                }
            }
            guard let chosen = best?.option else { return trips }
            let trip = instance.options[chosen]
            trips[chosen] += 1
            daysUsed[trip.workerIndex] += 1
            open[trip.demandIndex] = max(0, open[trip.demandIndex] - trip.visitsPerTrip)
        }
    }

    /// A start for the solver from a heuristic's plan (the merged start, the dive's plan, the one-site plan): its
    /// unserved units offered to free days (`fillingFreeDays`); nil when it breaks a column bound or an
    /// enumerator's days, which no start may.
    func filledStart(_ plan: (trips: [Int], patterns: [Int])) -> (trips: [Int], patterns: [Int])? {
        let filled = (trips: fillingFreeDays(trips: plan.trips, patterns: plan.patterns), patterns: plan.patterns)
        return respectsBoundsAndDays(filled.trips, patterns: filled.patterns) ? filled : nil
    }
}
