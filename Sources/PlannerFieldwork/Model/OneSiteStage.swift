import PlannerOptimization

/// The first stage of a plan: one-site day-trips only, from the greedy warm start (with the LP dive near full
/// capacity), solved by the MIP solver — the model measured to be easy for GLPK. Pooled models dive first, and
/// end there when the dive's start is within the gap of their LP's optimum.
///
/// Its solution, merged, is the warm start of the day-pattern stage; on pooled (large) instances it is the plan.
struct OneSiteStage {
    let instance: AssignmentInstance
    let costs: AssignmentCosts
    let model: OneSiteModel

    init(instance: AssignmentInstance, assignment: AssignmentModel) {
        self.instance = instance
        self.costs = assignment.costs
        self.model = .perEnumerator(assignment)
    }

    init(instance: AssignmentInstance, costs: AssignmentCosts, model: OneSiteModel) {
        self.instance = instance
        self.costs = costs
        self.model = model
    }

    /// Share of the stage's time limit the greedy (construction and local search) may take; the rest is the
    /// solver's (and the LP dive's). Measured at ×20 (1,140 enumerators): its local search alone ran 17 s of
    /// CPU, so under a 30 s limit GLPK got no time at all.
    static let greedyShareOfLimit = 0.15

    /// Solves the stage within `options.timeLimitSeconds`, greedy and LP dive included: `watch` carries the
    /// planning step's clock and where to report the greedy's phases.
    ///
    /// - Parameter seedsDayPatterns: the stage only gives the day-pattern stage its start. Then, when the greedy
    ///   leaves units unserved (near full capacity), the better of it and the LP dive is the start, and the
    ///   one-site MIP is not solved: the pattern model
    ///   holds every one-site plan and more, and its own search (the dive, neighbourhoods that keep the unserved
    ///   columns free, the master MIP while units stay unserved) takes up the coverage. Measured (docs/model.md):
    ///   the tight variant came out the same in 21.7 s instead of 39.6 s; with 30 of 42 household-only
    ///   enumerators removed, the one-site MIP ran into the time limit and left a dearer plan (21,659.5 against
    ///   20,668.3), which differed from run to run.
    func solve(solver: some MIPSolver, options requested: SolverOptions, watch: PlanningWatch = .unlimited,
               seedsDayPatterns: Bool = false,
               progress: (@Sendable (SolveProgress) -> Void)?) throws -> (trips: [Int], statistics: SolverStatistics) {
        let start = ContinuousClock.now
        func secondsLeft() -> Double { max(0, requested.timeLimitSeconds - FieldworkPlanner.seconds(since: start)) }
        // On a pooled model the greedy works on its pools too (`GreedyAssignment.init(pooled:instance:costs:)`), so
        // its plans and the dive's (which it completes) are dealt to the members as GLPK's pool solutions are: the
        // greedy's own dealing on the members' columns merged worse (×10 printed 117,936.8 against 117,741.1 from
        // the dive's start, and 143,213.6 against 137,456.5 from the greedy's at `--time-limit 4`).
        let heuristic = model.pooled.map { GreedyAssignment(pooled: $0, instance: instance, costs: costs) }
            ?? GreedyAssignment(instance: instance, costs: costs)
        let solved = model.model
        let rounding = RelaxationRounding(instance: instance, solved: model, greedy: heuristic)
        /// The LP dive within `seconds`, reported as the stage's activity.
        func dive(seconds: Double) throws -> (start: RelaxationRounding.Start?, expired: Bool) {
            var roundingOptions = requested
            roundingOptions.timeLimitSeconds = seconds
            var roundingWatch = watch.until(PlanningWatch.deadline(after: .now, seconds: roundingOptions.timeLimitSeconds))
            roundingWatch.report("LP dive from the relaxation")
            let dived = try rounding.start(solver: solver, options: roundingOptions, watch: &roundingWatch)
            return (dived, roundingWatch.expired)
        }

        // Pooled (large) models dive first: their LP is nearly integral, and when the dive's start is within the
        // requested gap of the LP's optimum, that optimum proves it and neither the greedy nor GLPK's search can
        // give more than the user asked for. Measured at ×10: the greedy took 2.3 s and GLPK 3.4 s (its root LP
        // again, then the gap test on the dive's start) of 12.3 s of planning, and changed nothing.
        var dived: RelaxationRounding.Start?
        var stoppedByTimeLimit = false
        let divesFirst = model.pooled != nil && !solved.variables.isEmpty && requested.timeLimitSeconds > 0
        if divesFirst {
            // All the time but the greedy's share: a dive cut before its first LP ends gives nothing, and GLPK's
            // search would need that LP too. (With half of it, ×10 at `--time-limit 8` printed 117,921.8, now 117,664.9.)
            let first = try dive(seconds: max(secondsLeft() / 2,
                                              secondsLeft() - requested.timeLimitSeconds * Self.greedyShareOfLimit))
            dived = first.start
            stoppedByTimeLimit = first.expired
            if let dived, let proven = Self.provenWithinGap(dived, objective: heuristic.objective(of: dived.trips),
                                                            gap: requested.relativeGap, backend: solver.identity) {
                var statistics = proven
                statistics.stoppedByTimeLimit = stoppedByTimeLimit
                return (dived.trips, statistics)
            }
        }

        // The greedy's share runs from now: after a pooled model's dive it is still the greedy's.
        var greedyWatch = watch.until(PlanningWatch.deadline(
            after: .now, seconds: min(secondsLeft(), requested.timeLimitSeconds * Self.greedyShareOfLimit)))
        var heuristicTrips = heuristic.solve(watch: &greedyWatch)
        stoppedByTimeLimit = stoppedByTimeLimit || greedyWatch.expired
        var heuristicObjective = heuristic.objective(of: heuristicTrips)

        // Near full capacity the greedy may leave units unserved that a complete plan would serve: then the LP
        // relaxation rounded down and completed by the greedy is tried too, and the better start kept. Its time
        // comes out of the solver's limit. On pooled (large) models always (above): from the greedy's start GLPK's
        // search took most of the time finding a plan within the gap (RelaxationRounding).
        var solverOptions = requested
        solverOptions.timeLimitSeconds = secondsLeft()
        let greedyLeftUnserved = !solved.variables.isEmpty && heuristic.unservedUnits(of: heuristicTrips) > 0
        if !divesFirst, greedyLeftUnserved, solverOptions.timeLimitSeconds > 0 {
            let second = try dive(seconds: secondsLeft() / 2)
            dived = second.start
            stoppedByTimeLimit = stoppedByTimeLimit || second.expired
        }
        // Where the start came from: the greedy, or the dive when it was cheaper.
        var startSource = SolverStatistics.Source.heuristic
        if let dived {
            let roundedObjective = heuristic.objective(of: dived.trips)
            if roundedObjective < heuristicObjective - 1e-6 {
                heuristicTrips = dived.trips
                heuristicObjective = roundedObjective
                startSource = .lpDive
            }
            solverOptions.timeLimitSeconds = secondsLeft()
        }

        // The stage's answer when the solver is not called: the heuristic start, under `status`.
        func unsolved(_ status: String, source: SolverStatistics.Source? = nil,
                      stoppedByTimeLimit: Bool? = nil) -> (trips: [Int], statistics: SolverStatistics) {
            var statistics = SolverStatistics(
                statusName: status, mipObjective: nil, bestBound: nil, relativeGap: nil, seconds: 0,
                backend: solver.identity, warmStartAccepted: nil, heuristicObjective: heuristicObjective,
                chosenObjective: heuristicObjective, source: source ?? startSource)
            statistics.stoppedByTimeLimit = stoppedByTimeLimit
            return (heuristicTrips, statistics)
        }
        guard !solved.variables.isEmpty else { return unsolved("not_solved_empty", source: .empty) }
        if seedsDayPatterns, greedyLeftUnserved {
            return unsolved(Self.leftToPatternsStatus, stoppedByTimeLimit: stoppedByTimeLimit)
        }
        guard solverOptions.timeLimitSeconds > 0 else { return unsolved(Self.noTimeLeftStatus, stoppedByTimeLimit: true) }
        var chosen = heuristicTrips
        let warmStart = model.solutionVector(trips: heuristicTrips)
        // The solver reports nothing until its root LP is solved (half a minute at ×20): say what it is doing,
        // so that the line does not keep showing the greedy's last phase.
        var solverWatch = watch
        solverWatch.report("\(solver.identity.name): root LP of \(solved.variables.count) columns, "
                           + (startSource == .lpDive ? "the LP dive's start " : "greedy start ")
                           + "\((heuristicObjective * 10).rounded() / 10)")
        let solution = try solver.solve(solved, options: solverOptions, warmStart: warmStart, progress: progress)
        let result = solution.result
        var source = startSource
        if result.status.hasSolution, result.values.count == solved.variables.count {
            let solverTrips = model.trips(from: result.values)
            if instance.respectsBoundsAndDays(solverTrips),
               heuristic.objective(of: solverTrips) <= heuristicObjective + 1e-6 {
                chosen = solverTrips
                source = .solver
            }
        }
        var statistics = SolverStatistics(solution: solution, backend: solver.identity,
                                          heuristicObjective: heuristicObjective,
                                          chosenObjective: heuristic.objective(of: chosen), source: source)
        statistics.stoppedByTimeLimit = stoppedByTimeLimit || result.status.stoppedAtTimeLimit
        return (chosen, statistics)
    }

    /// The stage's answer when a dive's start is within `gap` of its LP's optimum (GLPK's relative gap,
    /// |objective − bound| / (|objective| + ε)), stated as GLPK states a search stopped at its gap limit; nil
    /// otherwise.
    static func provenWithinGap(_ dived: RelaxationRounding.Start, objective: Double, gap: Double,
                                backend: SolverIdentity) -> SolverStatistics? {
        let bound = min(dived.relaxationBound, objective)
        let relativeGap = abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
        guard relativeGap <= gap else { return nil }
        return SolverStatistics(statusName: TerminationStatus.feasible(.gapLimit).name, mipObjective: objective,
                                bestBound: bound, relativeGap: relativeGap, seconds: 0, backend: backend,
                                warmStartAccepted: nil, heuristicObjective: objective, chosenObjective: objective,
                                source: .lpDive)
    }

    /// The status of a stage that only seeds the day-pattern stage and left the unserved units to it (never a
    /// plan's status: the pattern stage gives its own).
    static let leftToPatternsStatus = "not_solved_left_to_patterns"

    /// The status of a plan whose time limit ran out before the solver could start: the greedy's plan.
    static let noTimeLeftStatus = "not_solved_time_limit"
}

/// The one-site model a stage solves: one column per enumerator and demand, or, on large instances, one per pool
/// of interchangeable enumerators (then the per-enumerator model is never built).
enum OneSiteModel: Sendable {
    case perEnumerator(AssignmentModel)
    case pooled(PooledAssignmentModel)

    var model: MIPModel {
        switch self {
        case .perEnumerator(let assignment): assignment.model
        case .pooled(let pooled): pooled.model
        }
    }

    var pooled: PooledAssignmentModel? {
        if case .pooled(let pooled) = self { pooled } else { nil }
    }

    /// The warm start of per-enumerator trips in this model's columns.
    func solutionVector(trips: [Int]) -> [Double] {
        switch self {
        case .perEnumerator(let assignment): assignment.solutionVector(trips: trips)
        case .pooled(let pooled): pooled.solutionVector(trips: trips)
        }
    }

    /// Per-enumerator trips from this model's column values.
    func trips(from values: [Double]) -> [Int] {
        switch self {
        case .perEnumerator(let assignment): assignment.trips(from: values)
        case .pooled(let pooled): pooled.trips(from: values)
        }
    }
}
