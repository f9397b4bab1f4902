import PlannerOptimization

/// The first stage of a plan: one-site day-trips only, from the greedy warm start (with the LP dive and the
/// repair sub-MIP near full capacity), solved by the MIP solver — the model measured to be easy for GLPK.
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

    func solve(solver: some MIPSolver, options requested: SolverOptions,
               progress: (@Sendable (SolveProgress) -> Void)?) throws -> (trips: [Int], statistics: SolverStatistics) {
        let heuristic = GreedyAssignment(instance: instance, costs: costs)
        var heuristicTrips = heuristic.solve()
        var heuristicObjective = heuristic.objective(of: heuristicTrips)
        let solved = model.model

        // Near full capacity the greedy may leave units unserved that a complete plan would serve: then the LP
        // relaxation rounded down and completed by the greedy is tried too, and the better start kept. Its time
        // comes out of the solver's limit.
        var solverOptions = requested
        let start = ContinuousClock.now
        let greedyLeftUnserved = !solved.variables.isEmpty && heuristic.unservedUnits(of: heuristicTrips) > 0
        if greedyLeftUnserved {
            let rounding = RelaxationRounding(instance: instance, solved: model, greedy: heuristic)
            var roundingOptions = solverOptions
            roundingOptions.timeLimitSeconds = solverOptions.timeLimitSeconds / 2
            if let rounded = try rounding.solve(solver: solver, options: roundingOptions) {
                let roundedObjective = heuristic.objective(of: rounded)
                if roundedObjective < heuristicObjective - 1e-6 {
                    heuristicTrips = rounded
                    heuristicObjective = roundedObjective
                }
            }
            solverOptions.timeLimitSeconds = max(0, solverOptions.timeLimitSeconds - FieldworkPlanner.seconds(since: start))
            // Half of what is left is kept for the repair below, should the solver leave units unserved too.
            if model.pooled == nil { solverOptions.timeLimitSeconds /= 2 }
        }

        guard !solved.variables.isEmpty else {
            return (heuristicTrips, SolverStatistics(
                statusName: "not_solved_empty", mipObjective: nil, bestBound: nil, relativeGap: nil, seconds: 0,
                backend: solver.identity, warmStartAccepted: nil,
                heuristicObjective: heuristicObjective, chosenObjective: heuristicObjective, source: .empty))
        }
        var chosen = heuristicTrips
        let warmStart = model.solutionVector(trips: heuristicTrips)
        let solution = try solver.solve(solved, options: solverOptions, warmStart: warmStart, progress: progress)
        let result = solution.result
        var source = SolverStatistics.Source.heuristic
        if result.status.hasSolution, result.values.count == solved.variables.count {
            let solverTrips = model.trips(from: result.values)
            if instance.respectsBoundsAndDays(solverTrips),
               heuristic.objective(of: solverTrips) <= heuristicObjective + 1e-6 {
                chosen = solverTrips
                source = .solver
            }
        }
        // Still short near full capacity: the MIP again with the enumerators far from the unserved units fixed.
        if greedyLeftUnserved, case .perEnumerator(let assignment) = model, heuristic.unservedUnits(of: chosen) > 0 {
            var repairOptions = requested
            repairOptions.timeLimitSeconds = max(0, requested.timeLimitSeconds - FieldworkPlanner.seconds(since: start))
            let repair = UnservedRepair(instance: instance, assignment: assignment, greedy: heuristic)
            if repairOptions.timeLimitSeconds > 0,
               let repaired = try repair.solve(trips: chosen, solver: solver, options: repairOptions),
               heuristic.objective(of: repaired) < heuristic.objective(of: chosen) - 1e-6 {
                chosen = repaired
                source = .solver
            }
        }
        var statistics = SolverStatistics(
            statusName: result.status.name, mipObjective: result.objective, bestBound: result.bestBound,
            relativeGap: result.relativeGap, seconds: result.seconds, backend: solver.identity,
            warmStartAccepted: solution.warmStartAccepted, heuristicObjective: heuristicObjective,
            chosenObjective: heuristic.objective(of: chosen), source: source)
        statistics.stoppedByTimeLimit = result.status.stoppedAtTimeLimit
        return (chosen, statistics)
    }
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
