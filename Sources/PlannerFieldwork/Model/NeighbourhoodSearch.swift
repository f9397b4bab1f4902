import PlannerOptimization

/// Improves an integer plan of the day-pattern model by solving small MIPs around it (fix-and-optimise).
///
/// GLPK 5.0 has no improvement heuristic of its own that works on this model: over the whole master (thousands
/// of pattern columns) it did not improve the dive's plan in 30 s, even restricted to the columns any LP used
/// (docs/model.md). Around a plan, though, the problem falls apart by place: enumerators based near each other
/// compete for the same sites, the others' days are settled. So for each enumerator, the plan's days of every
/// enumerator but it and its nearest neighbours are fixed, and GLPK solves the rest — a few hundred columns,
/// from the plan as warm start, under a node limit (the same on every run, so plans are reproducible). A better
/// answer is kept and the search goes on from it.
struct NeighbourhoodSearch {
    let instance: AssignmentInstance
    let assignment: AssignmentModel

    /// Enumerators freed together: one and its nearest by road between bases.
    static let groupSize = 4
    /// Branch-and-bound nodes per neighbourhood.
    static let nodeLimit = 200

    struct Outcome {
        var trips: [Int]
        var patterns: [Int]
        /// Neighbourhoods solved, and those that gave a cheaper plan.
        var neighbourhoods: Int
        var improvements: Int
        /// Neighbourhoods were skipped, or a piece was cut short, by the clock rather than the node limit.
        var stoppedByTimeLimit = false
    }

    /// The groups of enumerators freed together, in the order they are searched, each group once:
    /// 1. **colleagues**: each enumerator with options and its `groupSize − 1` nearest (by road from base to base;
    ///    ties by position). Staff of one post office share a base, so on real staff lists these are colleagues,
    ///    who can only trade days among themselves;
    /// 2. **neighbouring offices**: each enumerator with one enumerator of each of the `groupSize − 1` nearest
    ///    other bases — the one at its own position in that office's list, so the members of an office meet
    ///    different people there. A site between two offices, or an office short of days while its neighbour
    ///    has some free, needs a group that spans both.
    /// Measured on the default dataset, where every post office has 4–10 enumerators: colleagues alone left the plan at
    /// 10,837 (every group lay inside one office); both families reach 10,750, the tight variant 25,678 instead of
    /// 28,616 (docs/model.md).
    func neighbourhoods() -> [[Int]] {
        let workers = instance.workers.indices.filter { !instance.optionsOfWorker[$0].isEmpty }
        var seen = Set<[Int]>()
        var groups: [[Int]] = []
        func add(_ group: [Int]) {
            let sorted = group.sorted()
            if seen.insert(sorted).inserted { groups.append(sorted) }
        }
        func minutes(_ from: Int, _ to: Int) -> Double {
            instance.travel.minutes(from: instance.workers[from].base, to: instance.workers[to].base)
        }
        for worker in workers {
            let others = workers.filter { $0 != worker }
                .map { (worker: $0, minutes: minutes(worker, $0)) }
                .sorted { $0.minutes != $1.minutes ? $0.minutes < $1.minutes : $0.worker < $1.worker }
            add([worker] + others.prefix(Self.groupSize - 1).map(\.worker))
        }
        // Offices: the enumerators of each base, in order of first appearance.
        var offices: [[Int]] = []
        var officeOfBase: [TravelPlace: Int] = [:]
        for worker in workers {
            let base = instance.workers[worker].base
            if let office = officeOfBase[base] {
                offices[office].append(worker)
            } else {
                officeOfBase[base] = offices.count
                offices.append([worker])
            }
        }
        for (own, members) in offices.enumerated() {
            let nearest = offices.indices.filter { $0 != own }
                .map { (office: $0, minutes: minutes(members[0], offices[$0][0])) }
                .sorted { $0.minutes != $1.minutes ? $0.minutes < $1.minutes : $0.office < $1.office }
                .prefix(Self.groupSize - 1)
            for (position, worker) in members.enumerated() {
                add([worker] + nearest.map { offices[$0.office][position % offices[$0.office].count] })
            }
        }
        return groups
    }

    /// - Parameters:
    ///   - start: an integer plan (trips per option, days per pattern) within every bound and day row.
    ///   - timeLimitSeconds: for the whole search; neighbourhoods not reached by then are skipped.
    ///   - progress: told after every neighbourhood.
    func improve(trips: [Int], patterns: [Int], solver: some MIPSolver, timeLimitSeconds: Double, bound: Double?,
                 progress: (@Sendable (SolveProgress) -> Void)?) throws -> Outcome {
        let start = ContinuousClock.now
        var outcome = Outcome(trips: trips, patterns: patterns, neighbourhoods: 0, improvements: 0)
        var objective = assignment.objective(trips: trips, patterns: patterns)
        // The enumerator each column belongs to; nil for the unserved columns, which stay free in every search.
        var owner = [Int?](repeating: nil, count: assignment.model.variables.count)
        for (option, variable) in assignment.tripVariables.enumerated() {
            owner[variable.index] = instance.options[option].workerIndex
        }
        for (pattern, variable) in assignment.patternVariables.enumerated() {
            owner[variable.index] = assignment.patterns[pattern].workerIndex
        }
        for (worker, variable) in assignment.excessVariables.enumerated() {
            if let variable { owner[variable.index] = worker }
        }
        let groups = neighbourhoods()
        for group in groups {
            let remaining = timeLimitSeconds - FieldworkPlanner.seconds(since: start)
            guard remaining > 0 else {
                outcome.stoppedByTimeLimit = true
                break
            }
            let values = assignment.solutionVector(trips: outcome.trips, patterns: outcome.patterns)
            let fixed = values.indices.map { index in
                owner[index].map { group.contains($0) ? nil : values[index] } ?? nil
            }
            let (sub, free) = assignment.model.fixing(fixed)
            // The node limit ends each piece; the only clock is the search's whole budget. (A fixed 5 s per piece
            // made plans differ when the process ran 3–5 times slower: pieces stopped on time, not on nodes.)
            let options = SolverOptions(timeLimitSeconds: remaining,
                                        relativeGap: 1e-4, nodeLimit: Self.nodeLimit)
            let solution = try solver.solve(sub, options: options, warmStart: free.map { values[$0.index] },
                                            progress: nil)
            outcome.neighbourhoods += 1
            if solution.result.status.stoppedAtTimeLimit { outcome.stoppedByTimeLimit = true }
            if solution.result.status.hasSolution, solution.result.values.count == free.count {
                var candidate = values
                for (position, variable) in free.enumerated() { candidate[variable.index] = solution.result.values[position] }
                let newTrips = assignment.trips(from: candidate)
                let newPatterns = assignment.patternCounts(from: candidate)
                let newObjective = assignment.objective(trips: newTrips, patterns: newPatterns)
                if newObjective < objective - 1e-6, assignment.respectsBoundsAndDays(newTrips, patterns: newPatterns) {
                    outcome.trips = newTrips
                    outcome.patterns = newPatterns
                    objective = newObjective
                    outcome.improvements += 1
                }
            }
            progress?(SolveProgress(
                incumbent: objective, bestBound: bound,
                relativeGap: bound.map { max(0, objective - $0) / max(abs(objective), 1e-9) },
                elapsedSeconds: FieldworkPlanner.seconds(since: start), openNodes: 0,
                activity: "neighbourhood \(outcome.neighbourhoods) of \(groups.count)"))
        }
        return outcome
    }
}
