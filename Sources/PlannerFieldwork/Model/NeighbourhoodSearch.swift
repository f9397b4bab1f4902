import Dispatch
import PlannerOptimization
import Synchronization

/// Improves an integer plan of the day-pattern model by solving small MIPs around it (fix-and-optimise).
///
/// GLPK 5.0 has no improvement heuristic of its own that works on this model: over the whole master (thousands
/// of pattern columns) it did not improve the dive's plan in 30 s, even restricted to the columns any LP used
/// (docs/model.md). Around a plan, though, the problem falls apart by place: enumerators based near each other
/// compete for the same sites, the others' days are settled. So for each enumerator, the plan's days of every
/// enumerator but it and its nearest neighbours are fixed, and GLPK solves the rest — a few hundred columns,
/// from the plan as warm start, under a node limit (the same on every run, so plans are reproducible). A better
/// answer is kept and the search goes on from it.
///
/// Groups are solved `batchSize` at a time, side by side on the machine's cores, each from the same plan: their
/// enumerators are disjoint, so the improving pieces together are one plan, kept when it beats each of them
/// (else the best alone). A second pass re-solves the groups around which the plan changed after they were
/// solved. Measured against one group at a time, one pass (docs/model.md): default 10,749.7 in 13.1 s →
/// 10,588.7 in 15.0 s; sample seed 7 10,804.8 → 10,726.2; tight variant 25,677.9 → 24,621.2 in about the same
/// time; 30 of 42 household-only enumerators removed 20,668.3 → 19,329.5.
///
/// A piece never proves anything in its nodes (its LP bound is as weak as the master's), so it asks the solver to
/// search for the incumbent (`SearchFocus.incumbent`): with GLPK's defaults the default plan was 10,599.7 in 14.1 s,
/// with pseudocost branching and the best projection next 10,407.2 in 8.2 s (docs/model.md).
struct NeighbourhoodSearch {
    let instance: AssignmentInstance
    let assignment: AssignmentModel
    /// The model the pieces are cut from: `assignment.model`, or a re-plan's `StableAssignmentModel`, whose first
    /// columns are `assignment.model`'s and whose own columns (previous days dropped) belong to the enumerator whose
    /// days they count.
    private let searched: MIPModel
    /// Enumerators freed together (`groupSize`, or `slackGroupSize` for a first plan with room to spare).
    let groupSize: Int
    /// The enumerator each column of `searched` belongs to; nil for the unserved columns, which stay free in every
    /// piece.
    private let owner: [Int?]
    /// The column vector of `searched` for a plan, and the plan's objective in it.
    private let vector: @Sendable ([Int], [Int]) -> [Double]
    private let objectiveOf: @Sendable ([Int], [Int]) -> Double

    /// A search of the day-pattern model itself (a first plan), freeing `groupSize` enumerators at a time.
    init(instance: AssignmentInstance, assignment: AssignmentModel, groupSize: Int = Self.groupSize) {
        self.instance = instance
        self.assignment = assignment
        self.groupSize = groupSize
        searched = assignment.model
        owner = Self.owners(instance: instance, assignment: assignment)
        vector = { assignment.solutionVector(trips: $0, patterns: $1) }
        objectiveOf = { assignment.objective(trips: $0, patterns: $1) }
    }

    /// A search of a re-plan's model: travel, balance and unserved units as in `stable.base`, plus what dropping
    /// previous days costs (each `dropped` column belongs to the enumerator whose days it counts).
    init(instance: AssignmentInstance, stable: StableAssignmentModel) {
        self.instance = instance
        assignment = stable.base
        groupSize = Self.groupSize
        searched = stable.model
        var owner = Self.owners(instance: instance, assignment: stable.base)
        owner += Array(repeating: nil, count: stable.model.variables.count - owner.count)
        for keep in stable.keeps { owner[keep.dropped.index] = keep.workerIndex }
        self.owner = owner
        vector = { stable.solutionVector(trips: $0, patterns: $1) }
        objectiveOf = { stable.objective(of: $0, patterns: $1) }
    }

    private static func owners(instance: AssignmentInstance, assignment: AssignmentModel) -> [Int?] {
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
        return owner
    }

    /// Enumerators freed together: one and its nearest by road between bases (re-plans, and first plans near full
    /// capacity).
    static let groupSize = 4
    /// Enumerators freed together when the plan searched leaves room to spare (its days at most `slackLoad` of the
    /// usable days of the enumerators with options). There a cheaper plan mostly pairs sites differently or hands a
    /// day to a colleague, which three enumerators can do, and pieces of three end their search in fewer nodes
    /// than pieces of four; near full capacity work has to move along more enumerators. Measured on first plans
    /// (`--time-limit 60`, one machine, one run after the other; objective and seconds of planning, four against
    /// three, docs/model.md): on the default dataset (about 0.4 of the usable days), six samples, 0.4 % cheaper on
    /// average (−1.5 % to +0.2 %) in 24 % less time (default 10,073.0 in 18.2 s → 10,019.9 in 14.7 s); on the tight
    /// variant and the window to 16 October (about 0.87), 1.6–3.6 % dearer on five samples of six: they keep four.
    static let slackGroupSize = 3
    static let slackLoad = 0.6

    /// The group size for a first plan whose start uses `days` of the `usableDays` of the enumerators with options.
    static func groupSize(forPlanDays days: Int, usableDays: Int) -> Int {
        usableDays > 0 && Double(days) <= slackLoad * Double(usableDays) ? slackGroupSize : groupSize
    }

    /// The group size for a first plan of `instance` whose start uses `planDays` enumerator-days.
    static func groupSize(for instance: AssignmentInstance, planDays: Int) -> Int {
        let usableDays = instance.workers.indices.reduce(0) { total, worker in
            total + (instance.optionsOfWorker[worker].isEmpty ? 0 : instance.workers[worker].usableDays.count)
        }
        return groupSize(forPlanDays: planDays, usableDays: usableDays)
    }
    /// Branch-and-bound nodes per neighbourhood.
    static let nodeLimit = 200
    /// Groups solved side by side from one plan. With 2 they took 11.5 s of wall time for 13.9 s of CPU on
    /// 2 cores (one piece of a pair often takes far longer than the other); with 4, 9.6 s for a whole pass.
    static let batchSize = 4
    /// Passes over the groups; the second only over those around which the plan changed (a third gained 0.1 %
    /// on the default dataset for 4 s more).
    static let passes = 2

    struct Outcome {
        var trips: [Int]
        var patterns: [Int]
        /// Neighbourhoods solved, and those that gave a cheaper plan.
        var neighbourhoods: Int
        var improvements: Int
        /// Neighbourhoods were skipped, or a piece was cut short, by the clock rather than the node limit.
        var stoppedByTimeLimit = false
    }

    /// The groups of enumerators freed together, in the order batches take them (`batch`), each group once:
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
            add([worker] + others.prefix(groupSize - 1).map(\.worker))
        }
        // Offices: the enumerators of each base, in order of first appearance.
        let offices = workers.groupedInOrder { instance.workers[$0].base }
        for (own, members) in offices.enumerated() {
            let nearest = offices.indices.filter { $0 != own }
                .map { (office: $0, minutes: minutes(members[0], offices[$0][0])) }
                .sorted { $0.minutes != $1.minutes ? $0.minutes < $1.minutes : $0.office < $1.office }
                .prefix(groupSize - 1)
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
        var objective = objectiveOf(trips, patterns)
        let groups = neighbourhoods()
        func report(objective: Double, activity: String) {
            progress?(SolveProgress(
                incumbent: objective, bestBound: bound,
                relativeGap: bound.map { max(0, objective - $0) / max(abs(objective), 1e-9) },
                elapsedSeconds: FieldworkPlanner.seconds(since: start), openNodes: 0, activity: activity))
        }
        // Batch numbers: when each group was last solved, and when each enumerator's days last changed.
        var solvedAt = Array(repeating: -1, count: groups.count)
        var changedAt = Array(repeating: -1, count: instance.workers.count)
        var batchNumber = 0
        passes: for pass in 0..<Self.passes {
            // After the first pass, only groups with an enumerator whose days changed after the group was solved:
            // the others would start from the same plan around them and end where they did.
            var done = groups.indices.map { group in
                pass > 0 && !groups[group].contains { changedAt[$0] > solvedAt[group] }
            }
            while let first = done.firstIndex(of: false) {
                let remaining = timeLimitSeconds - FieldworkPlanner.seconds(since: start)
                guard remaining > 0 else {
                    outcome.stoppedByTimeLimit = true
                    break passes
                }
                let batch = Self.batch(startingAt: first, of: groups, done: done)
                for index in batch {
                    done[index] = true
                    solvedAt[index] = batchNumber
                }
                // The node limit ends each piece; the only clock is the search's whole budget. (A fixed 5 s per
                // piece made plans differ when the process ran 3–5 times slower: pieces stopped on time.)
                let values = vector(outcome.trips, outcome.patterns)
                // Said before the batch too: its pieces can take seconds, and the line would still name the step before.
                report(objective: objective, activity: pass == 0
                    ? "neighbourhoods \(outcome.neighbourhoods + 1)–\(outcome.neighbourhoods + batch.count) of \(groups.count)"
                    : "neighbourhoods \(outcome.neighbourhoods + 1)–\(outcome.neighbourhoods + batch.count), pass \(pass + 1)")
                let pieces = try solvePieces(batch.map { groups[$0] }, values: values, solver: solver,
                                             timeLimitSeconds: remaining)
                outcome.neighbourhoods += batch.count
                if pieces.contains(where: \.stoppedAtTimeLimit) { outcome.stoppedByTimeLimit = true }
                if let best = bestOf(pieces, groups: batch.map { groups[$0] }, objective: objective) {
                    for (option, count) in best.trips.enumerated() where count != outcome.trips[option] {
                        changedAt[instance.options[option].workerIndex] = batchNumber
                    }
                    for (pattern, count) in best.patterns.enumerated() where count != outcome.patterns[pattern] {
                        changedAt[assignment.patterns[pattern].workerIndex] = batchNumber
                    }
                    outcome.trips = best.trips
                    outcome.patterns = best.patterns
                    objective = best.objective
                    outcome.improvements += 1
                }
                report(objective: objective, activity: pass == 0 ? "neighbourhood \(outcome.neighbourhoods) of \(groups.count)"
                        : "neighbourhood \(outcome.neighbourhoods), pass \(pass + 1)")
                batchNumber += 1
            }
        }
        return outcome
    }

    /// Groups solved side by side: the first not yet done, then, in list order, each later one not yet done that
    /// shares no enumerator with those already taken, up to `batchSize` (a piece fixes everyone outside its group,
    /// so disjoint pieces leave each other's columns as they were). The batch depends on the list only, so the
    /// search is the same on any number of cores.
    static func batch(startingAt first: Int, of groups: [[Int]], done: [Bool]) -> [Int] {
        var members = Set(groups[first])
        var batch = [first]
        for index in groups.indices.dropFirst(first + 1) where batch.count < batchSize {
            guard !done[index], groups[index].allSatisfy({ !members.contains($0) }) else { continue }
            batch.append(index)
            members.formUnion(groups[index])
        }
        return batch
    }

    /// What one piece gave: a cheaper plan, if any.
    struct Piece: Sendable {
        var candidate: (trips: [Int], patterns: [Int], objective: Double)?
        var stoppedAtTimeLimit = false
    }

    /// Solves each group's piece from `values`, on its own thread when there are two.
    private func solvePieces(_ groups: [[Int]], values: [Double], solver: some MIPSolver,
                             timeLimitSeconds: Double) throws -> [Piece] {
        let results = Mutex([Result<Piece, any Error>?](repeating: nil, count: groups.count))
        let search = self
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let result = Result { try search.solvePiece(groups[index], values: values, solver: solver,
                                                        timeLimitSeconds: timeLimitSeconds) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// One group's piece: everyone else's columns fixed at `values`, GLPK on the rest from `values`.
    private func solvePiece(_ group: [Int], values: [Double], solver: some MIPSolver,
                            timeLimitSeconds: Double) throws -> Piece {
        let fixed = values.indices.map { index in
            owner[index].map { group.contains($0) ? nil : values[index] } ?? nil
        }
        let (sub, free) = searched.fixing(fixed)
        let options = SolverOptions(timeLimitSeconds: timeLimitSeconds, relativeGap: 1e-4, nodeLimit: Self.nodeLimit,
                                    focus: .incumbent)
        let solution = try solver.solve(sub, options: options, warmStart: free.map { values[$0.index] }, progress: nil)
        var piece = Piece(stoppedAtTimeLimit: solution.result.status.stoppedAtTimeLimit)
        guard solution.result.status.hasSolution, solution.result.values.count == free.count else { return piece }
        var candidate = values
        for (position, variable) in free.enumerated() { candidate[variable.index] = solution.result.values[position] }
        let newTrips = assignment.trips(from: candidate)
        let newPatterns = assignment.patternCounts(from: candidate)
        if assignment.respectsBoundsAndDays(newTrips, patterns: newPatterns) {
            piece.candidate = (newTrips, newPatterns, objectiveOf(newTrips, newPatterns))
        }
        return piece
    }

    /// The cheapest of the pieces that beat `objective` and of their union (their enumerators are disjoint, so
    /// the union is one plan; its objective, unserved units included, decides); nil when none beats it.
    private func bestOf(_ pieces: [Piece], groups: [[Int]], objective: Double)
        -> (trips: [Int], patterns: [Int], objective: Double)? {
        let improving = zip(groups, pieces).compactMap { group, piece in
            piece.candidate.flatMap { $0.objective < objective - 1e-6 ? (group: group, candidate: $0) : nil }
        }
        var candidates = improving.map(\.candidate)
        if improving.count >= 2 {
            var merged = (trips: improving[0].candidate.trips, patterns: improving[0].candidate.patterns)
            for other in improving.dropFirst() {
                merged = Self.union(merged, (other.candidate.trips, other.candidate.patterns),
                                    secondGroup: other.group, assignment: assignment, instance: instance)
            }
            if assignment.respectsBoundsAndDays(merged.trips, patterns: merged.patterns) {
                candidates.append((merged.trips, merged.patterns, objectiveOf(merged.trips, merged.patterns)))
            }
        }
        return candidates.min { $0.objective < $1.objective }
    }

    /// The first piece's plan with the second group's enumerators' trips and patterns taken from the second.
    static func union(_ first: (trips: [Int], patterns: [Int]),
                      _ second: (trips: [Int], patterns: [Int]),
                      secondGroup group: [Int], assignment: AssignmentModel,
                      instance: AssignmentInstance) -> (trips: [Int], patterns: [Int]) {
        let secondGroup = Set(group)
        var trips = first.trips, patterns = first.patterns
        for (option, chosen) in instance.options.enumerated() where secondGroup.contains(chosen.workerIndex) {
            trips[option] = second.trips[option]
        }
        for (index, pattern) in assignment.patterns.enumerated() where secondGroup.contains(pattern.workerIndex) {
            patterns[index] = second.patterns[index]
        }
        return (trips, patterns)
    }
}
