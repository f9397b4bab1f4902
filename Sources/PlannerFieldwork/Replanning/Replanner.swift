import PlannerCore
import PlannerOptimization

/// Re-plans the work left from an as-of date: the day-pattern model over the remaining units with a cost for
/// every previous day-trip dropped, solved by GLPK from the previous plan (or the LP dive's plan) and, unless GLPK
/// proved its gap, improved by the neighbourhood search; then routes that keep previous visits on their enumerator
/// and date wherever the solution allows.
///
/// The solver is a parameter, as for `FieldworkPlanner`.
public struct Replanner: Sendable {
    /// Per-enumerator trip options above which the re-plan pools interchangeable enumerators
    /// (`PooledStableAssignmentModel`, one-site days merged after the solve) instead of pricing day patterns per
    /// enumerator (measured in `PooledAssignmentModel.oneSiteThreshold`); tests lower it to pool small instances.
    var poolingThreshold = PooledAssignmentModel.oneSiteThreshold

    public init() {}

    /// Branch-and-bound nodes of the re-plan MIP over the whole model, so that a re-plan ends by its own rule and
    /// the same inputs give the same new plan on any machine; the time limit is a safety net. Measured on the
    /// default-sized re-plan as of 5 October with every second enumerator gone (`benchmarks/fieldwork/scaled_replan.sh … 1`, a machine
    /// busy with a test run): 200 nodes 11,349.0 in 4.1 s; **1,000 nodes 9,491.3 in 10.6 s**; 2,000 nodes 9,346.7
    /// in 26.6 s; 60 s of search 9,291.0. The old default, 4 s by the clock, stopped at 11,349.0. The search asks
    /// for the incumbent (`SearchFocus.incumbent`): 9,336.1 in 7.2 s on a quiet machine, and with three of every
    /// five enumerators gone 9,462.1 in 8.8 s instead of 9,392.2 in 32.3 s with GLPK's defaults.
    static let stableNodeLimit = 1_000

    /// Nodes without a better incumbent after which the re-plan MIP stops (`SolverOptions.stallNodeLimit`), leaving
    /// the rest to the neighbourhood search. Where the previous plan still nearly fits, GLPK proves its gap in a few
    /// nodes; where many enumerators are gone its nodes are slow and find little: with three of every five gone
    /// (as of 5 October) the 1,000 nodes took 17 s and kept the start, 200 stalled ones 10 s, 50 about 5 s, and
    /// the search after them found the same plan (docs/replanning.md, "The search around the start").
    static let stableStallNodeLimit = 50

    /// Re-plans the request.
    ///
    /// The survey's buffer days are kept free when the remaining work fits before them: work on the last days has
    /// no day left for a re-visit or a released reserve if it fails (docs/replanning.md, "The buffer stays free
    /// while the work fits"). So the re-plan is first made on the window without them, with
    /// `bufferedShareOfLimit` of the time limit (unless counting working minutes alone proves that window too
    /// short), and only when that plan leaves units unserved is it made again on the whole window, in the time
    /// left.
    ///
    /// A request that no longer fits the window is not an error: the plan comes back incomplete with a
    /// diagnosis (enumerator-days and minutes lacking, and what would close the gap).
    /// - Throws: `FieldworkInputError` for a request that cannot be planned; the solver's errors when it breaks.
    public func plan(_ request: ReplanRequest, solver: some MIPSolver,
                     progress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> ReplanResult {
        let start = ContinuousClock.now
        let limit = request.solverOptions.timeLimitSeconds
        if request.bufferDaysToKeep > 0 {
            var buffered = request
            buffered.keptBufferDays = request.bufferDaysToKeep
            buffered.solverOptions.timeLimitSeconds = limit * Self.bufferedShareOfLimit
            let fieldworkRequest = buffered.fieldworkRequest
            let instance = try AssignmentInstance(request: fieldworkRequest)
            if instance.unservedByCapacity == 0 {
                let result = try planWindow(buffered, fieldworkRequest: fieldworkRequest, instance: instance,
                                            start: start, solver: solver, progress: progress)
                if result.plan.isComplete { return result }
            }
        }
        var wholeWindow = request
        wholeWindow.keptBufferDays = 0
        wholeWindow.solverOptions.timeLimitSeconds = max(0, limit - FieldworkPlanner.seconds(since: start))
        let restart = ContinuousClock.now
        let fieldworkRequest = wholeWindow.fieldworkRequest
        var result = try planWindow(wholeWindow, fieldworkRequest: fieldworkRequest,
                                    instance: AssignmentInstance(request: fieldworkRequest),
                                    start: restart, solver: solver, progress: progress)
        result.plan.solver.seconds = FieldworkPlanner.seconds(since: start)
        return result
    }

    /// Share of the time limit for the re-plan that keeps the buffer free; the one that uses it gets the rest (at
    /// least 18 s of the default 60 s; without the buffer kept, three of every five enumerators gone re-planned in
    /// 13.5 s). Half was too little: with three of every five gone (as of 5 October,
    /// `benchmarks/fieldwork/scaled_replan.sh`) the re-plan keeping the buffer ends by its own rules in 17–28 s,
    /// and reached 30 s while a test suite ran beside it.
    static let bufferedShareOfLimit = 0.7

    /// One re-plan of the request's window (`ReplanRequest.planningDataset`).
    ///
    /// - Parameters:
    ///   - fieldworkRequest: `request.fieldworkRequest`, and `instance` the instance built from it: the caller
    ///     needs both before it plans, so neither is built twice.
    ///   - start: when the step began (its instance built), for its seconds and its time limit.
    func planWindow(_ request: ReplanRequest, fieldworkRequest: FieldworkRequest, instance: AssignmentInstance,
                    start: ContinuousClock.Instant, solver: some MIPSolver,
                    progress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> ReplanResult {
        if instance.options.count > poolingThreshold {
            return try pooledPlan(request, instance: instance, fieldworkRequest: fieldworkRequest, start: start,
                                  solver: solver, progress: progress)
        }
        let plain = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        // Multi-site and mixed-work day patterns from the LP duals, as for a first plan (pooled sizes have none).
        var generation: PatternGeneration.Outcome?
        var patternGeneration = PatternGeneration(instance: instance,
                                                  balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        if !plain.model.variables.isEmpty {
            patternGeneration.pricesDuringDive = false
            generation = try patternGeneration
                .generate(solver: solver, timeLimitSeconds: request.solverOptions.timeLimitSeconds * 0.3,
                          progress: progress)
        }
        // The previous plan's days still ahead are offered as columns, so that the model can keep a two-site day
        // as the day it was, and are what the keep rows count.
        let previousDays = PreviousDays(instance: instance, visits: request.previousVisits)
        let (base, previousPatterns) = previousDays.offered(in: generation?.assignment ?? plain)
        let previous = Self.previousTrips(instance: instance, visits: request.previousVisits)
        let stable = StableAssignmentModel(base: base, instance: instance, previousDays: previousDays,
                                           changedTripMinutes: request.changedTripMinutes)
        // The solver's start: the previous plan's days completed greedily, or the dive's plan on the pattern LP
        // (its unserved units offered to free days) when it is cheaper for the re-plan's objective — when the
        // previous plan no longer fits, the dive serves more (docs/replanning.md).
        var warmStart = Self.warmStart(instance: instance, trips: previousDays.trips, patterns: base.patterns,
                                       patternCounts: previousPatterns)
        var warmObjective = stable.objective(of: warmStart.trips, patterns: warmStart.patterns)
        if let dive = generation?.dive.flatMap({ dive in
            base.filledStart((dive.trips, dive.patterns + Array(repeating: 0, count: base.patterns.count - dive.patterns.count)))
        }) {
            let objective = stable.objective(of: dive.trips, patterns: dive.patterns)
            if objective < warmObjective - 1e-6 {
                warmStart = dive
                warmObjective = objective
            }
        }

        var chosen = warmStart
        var chosenObjective = warmObjective
        var statistics: SolverStatistics
        if stable.model.variables.isEmpty {
            statistics = .notSolvedEmpty(backend: solver.identity, objective: warmObjective)
        } else {
            // GLPK over the whole model from the start, ended by its gap, its node limit, or once
            // `stableStallNodeLimit` nodes have found nothing better.
            var options = request.solverOptions
            options.timeLimitSeconds = max(0, options.timeLimitSeconds - FieldworkPlanner.seconds(since: start))
            options.nodeLimit = Self.stableNodeLimit
            options.stallNodeLimit = Self.stableStallNodeLimit
            options.focus = .incumbent
            let solution = try solver.solve(stable.model, options: options,
                                            warmStart: stable.solutionVector(trips: warmStart.trips,
                                                                             patterns: warmStart.patterns),
                                            progress: progress)
            let result = solution.result
            var source = SolverStatistics.Source.heuristic
            if result.status.hasSolution, result.values.count == stable.model.variables.count {
                let solverTrips = base.trips(from: result.values)
                let solverPatterns = base.patternCounts(from: result.values)
                let objective = stable.objective(of: solverTrips, patterns: solverPatterns)
                if base.respectsBoundsAndDays(solverTrips, patterns: solverPatterns), objective <= warmObjective + 1e-6 {
                    chosen = (solverTrips, solverPatterns)
                    chosenObjective = objective
                    source = .solver
                }
            }
            // Unless GLPK proved its gap: small MIPs around its plan, each freeing a few neighbouring enumerators, as
            // for a first plan, on the re-plan's own objective (changes to the previous plan included). Where many
            // enumerators are gone, GLPK's nodes over the whole model find little and the pieces much
            // (docs/replanning.md, "The search around the start").
            var search: NeighbourhoodSearch.Outcome?
            if result.status != .optimal, result.status != .feasible(.gapLimit) {
                search = try NeighbourhoodSearch(instance: instance, stable: stable)
                    .improve(trips: chosen.trips, patterns: chosen.patterns, solver: solver,
                             timeLimitSeconds: max(0, request.solverOptions.timeLimitSeconds * 0.95
                                                      - FieldworkPlanner.seconds(since: start)),
                             bound: nil, progress: progress)
            }
            if let search, search.improvements > 0 {
                chosen = (search.trips, search.patterns)
                chosenObjective = stable.objective(of: chosen.trips, patterns: chosen.patterns)
                source = .solver
            }
            statistics = SolverStatistics(solution: solution, backend: solver.identity, heuristicObjective: warmObjective,
                                          chosenObjective: chosenObjective, source: source)
            if let search, search.improvements > 0 { statistics.statusName = FieldworkPlanner.neighbourhoodStatus }
            statistics.stoppedByTimeLimit = result.status.stoppedAtTimeLimit || search?.stoppedByTimeLimit == true
        }

        // The bound, tightened by cuts in the time left, as for a first plan (it changes no plan).
        var tightening = PatternGeneration.Tightening()
        if let generation, request.tightensBound {
            tightening = try patternGeneration.tightenBound(
                of: generation.assignment, solver: solver,
                timeLimitSeconds: max(0, request.solverOptions.timeLimitSeconds - FieldworkPlanner.seconds(since: start)),
                incumbent: chosenObjective, progress: progress)
        }
        let schedule = ReplanScheduler(instance: instance, previousVisits: request.previousVisits)
            .schedule(trips: chosen.trips, patterns: base.patterns, patternCounts: chosen.patterns)
        statistics.patternColumns = base.patterns.count
        statistics.generationRounds = generation?.rounds ?? 0
        statistics.unservedLowerBound = instance.unservedLowerBound(
            provenByLP: tightening.unservedLowerBound(or: generation))
        // The pattern LP's bound prices travel, balance and unserved units but not changes to the previous plan,
        // so it holds for the re-plan's printed objective too (which leaves changes out as well); the gap then
        // includes what keeping the plan stable costs.
        statistics.lowerBound = tightening.lowerBound(or: generation)
            .map { min($0, base.objective(trips: chosen.trips, patterns: chosen.patterns)) }
        statistics.printedObjective = FieldworkPlanner.printedObjective(of: schedule, instance: instance, model: base)
        statistics.seconds = FieldworkPlanner.seconds(since: start)
        statistics.stoppedByTimeLimit = generation?.stoppedByTimeLimit == true || statistics.stoppedByTimeLimit == true
            || tightening.stoppedByTimeLimit
        let plan = FieldworkPlanner.plan(from: schedule, instance: instance, request: fieldworkRequest,
                                         statistics: statistics, model: stable.model)
        return ReplanResult(plan: plan, request: request, instance: instance, previousTrips: previous)
    }

    /// The previous plan's day-trips still possible, per option: for each enumerator-day on a usable day, the
    /// visits of each demand it made, in trips of the option's size (a merged day can hold two trips).
    static func previousTrips(instance: AssignmentInstance, visits: [VisitAssignment]) -> [Int] {
        let lookup = InstanceIndex(instance)
        var trips = Array(repeating: 0, count: instance.options.count)
        for day in lookup.plannedDays(of: visits, in: instance) {
            for (demand, count) in day.visits {
                let option = lookup.option(worker: day.worker, demand: demand)!
                let perTrip = instance.options[option].visitsPerTrip
                trips[option] += (count + perTrip - 1) / perTrip
            }
        }
        for index in trips.indices { trips[index] = min(trips[index], instance.options[index].maximumTrips) }
        return trips
    }

    /// The previous plan's days — trips per option and counts of the model's `patterns` — cut to each enumerator's
    /// usable days (trips first), then the uncovered work given to the cheapest trips with days left: feasible for
    /// the model by construction.
    static func warmStart(instance: AssignmentInstance, trips previousTrips: [Int], patterns dayPatterns: [DayPattern] = [],
                          patternCounts: [Int] = []) -> (trips: [Int], patterns: [Int]) {
        var trips = previousTrips
        var patterns = patternCounts + Array(repeating: 0, count: max(0, dayPatterns.count - patternCounts.count))
        var daysUsed = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in trips.enumerated() { daysUsed[instance.options[option].workerIndex] += count }
        for (index, count) in patterns.enumerated() { daysUsed[dayPatterns[index].workerIndex] += count }
        for worker in instance.workers.indices {
            for option in instance.optionsOfWorker[worker].reversed()
            where daysUsed[worker] > instance.workers[worker].usableDays.count {
                let cut = min(trips[option], daysUsed[worker] - instance.workers[worker].usableDays.count)
                trips[option] -= cut
                daysUsed[worker] -= cut
            }
        }
        for index in patterns.indices.reversed() {
            let worker = dayPatterns[index].workerIndex
            let cut = min(patterns[index], max(0, daysUsed[worker] - instance.workers[worker].usableDays.count))
            patterns[index] -= cut
            daysUsed[worker] -= cut
        }
        var patternVisits = Array(repeating: 0, count: instance.demands.count)
        for (index, count) in patterns.enumerated() where count > 0 {
            for visits in dayPatterns[index].visits { patternVisits[visits.demand] += count * visits.visits }
        }
        for (demandIndex, demand) in instance.demands.enumerated() {
            var covered = instance.optionsOfDemand[demandIndex].reduce(patternVisits[demandIndex]) {
                $0 + trips[$1] * instance.options[$1].visitsPerTrip
            }
            while covered < demand.count {
                let open = instance.optionsOfDemand[demandIndex].filter { option in
                    let chosen = instance.options[option]
                    return trips[option] < chosen.maximumTrips
                        && daysUsed[chosen.workerIndex] < instance.workers[chosen.workerIndex].usableDays.count
                }
                guard let cheapest = open.min(by: { lhs, rhs in
                    let left = instance.options[lhs].roundTripMinutes, right = instance.options[rhs].roundTripMinutes
                    return left != right ? left < right : lhs < rhs
                }) else { break }
                trips[cheapest] += 1
                daysUsed[instance.options[cheapest].workerIndex] += 1
                covered += instance.options[cheapest].visitsPerTrip
            }
        }
        return (trips, patterns)
    }
}
