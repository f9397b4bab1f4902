import PlannerCore
import PlannerOptimization

/// Plans fieldwork: builds the aggregated day-trip MIP, solves it from a greedy warm start, and turns the
/// day-trips into dated, ordered routes.
///
/// The solver is a parameter so that this module never links a particular backend; the command line chooses it.
public struct FieldworkPlanner: Sendable {
    public init() {}

    /// Plans the request.
    ///
    /// An overloaded request is not an error: the plan comes back incomplete with a diagnosis.
    /// - Throws: `FieldworkInputError` for a request that cannot be planned; the solver's errors when it breaks.
    public func plan(_ request: FieldworkRequest, solver: some MIPSolver,
                     progress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> FieldworkPlan {
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance,
                                         balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let heuristic = GreedyAssignment(instance: instance, model: assignment)
        var heuristicTrips = heuristic.solve()
        var heuristicObjective = heuristic.objective(of: heuristicTrips)

        // Large instances are solved with interchangeable enumerators pooled (exact; see PooledAssignmentModel).
        let pooled = instance.options.count > PooledAssignmentModel.optionThreshold
            ? PooledAssignmentModel(instance: instance, base: assignment) : nil
        let solved = pooled?.model ?? assignment.model

        // Near full capacity the greedy may leave units unserved that a complete plan would serve: then the LP
        // relaxation rounded down and completed by the greedy is tried too, and the better start kept. Its time
        // comes out of the solver's limit.
        var solverOptions = request.solverOptions
        let start = ContinuousClock.now
        let greedyLeftUnserved = !solved.variables.isEmpty && heuristic.unservedUnits(of: heuristicTrips) > 0
        if greedyLeftUnserved {
            let rounding = RelaxationRounding(instance: instance, assignment: assignment, pooled: pooled, greedy: heuristic)
            var roundingOptions = solverOptions
            roundingOptions.timeLimitSeconds = solverOptions.timeLimitSeconds / 2
            if let rounded = try rounding.solve(solver: solver, options: roundingOptions) {
                let roundedObjective = heuristic.objective(of: rounded)
                if roundedObjective < heuristicObjective - 1e-6 {
                    heuristicTrips = rounded
                    heuristicObjective = roundedObjective
                }
            }
            solverOptions.timeLimitSeconds = max(0, solverOptions.timeLimitSeconds - Self.seconds(since: start))
            // Half of what is left is kept for the repair below, should the solver leave units unserved too.
            if pooled == nil { solverOptions.timeLimitSeconds /= 2 }
        }

        var chosen = heuristicTrips
        let statistics: SolverStatistics
        if solved.variables.isEmpty {
            statistics = SolverStatistics(statusName: "not_solved_empty", mipObjective: nil, bestBound: nil,
                                          relativeGap: nil, seconds: 0, backend: solver.identity,
                                          warmStartAccepted: nil, heuristicObjective: heuristicObjective,
                                          chosenObjective: heuristicObjective, source: .empty)
        } else {
            let warmStart = pooled?.solutionVector(trips: heuristicTrips)
                ?? assignment.solutionVector(trips: heuristicTrips)
            let solution = try solver.solve(solved, options: solverOptions, warmStart: warmStart,
                                            progress: progress)
            let result = solution.result
            var source = SolverStatistics.Source.heuristic
            if result.status.hasSolution, result.values.count == solved.variables.count {
                let solverTrips = pooled?.trips(from: result.values) ?? assignment.trips(from: result.values)
                if assignment.respectsBoundsAndDays(solverTrips),
                   heuristic.objective(of: solverTrips) <= heuristicObjective + 1e-6 {
                    chosen = solverTrips
                    source = .solver
                }
            }
            // Still short near full capacity: the MIP again with the enumerators far from the unserved units fixed.
            if greedyLeftUnserved, pooled == nil, heuristic.unservedUnits(of: chosen) > 0 {
                var repairOptions = request.solverOptions
                repairOptions.timeLimitSeconds = max(0, request.solverOptions.timeLimitSeconds - Self.seconds(since: start))
                let repair = UnservedRepair(instance: instance, assignment: assignment, greedy: heuristic)
                if repairOptions.timeLimitSeconds > 0,
                   let repaired = try repair.solve(trips: chosen, solver: solver, options: repairOptions),
                   heuristic.objective(of: repaired) < heuristic.objective(of: chosen) - 1e-6 {
                    chosen = repaired
                    source = .solver
                }
            }
            statistics = SolverStatistics(
                statusName: result.status.name, mipObjective: result.objective, bestBound: result.bestBound,
                relativeGap: result.relativeGap, seconds: result.seconds, backend: solver.identity,
                warmStartAccepted: solution.warmStartAccepted, heuristicObjective: heuristicObjective,
                chosenObjective: heuristic.objective(of: chosen), source: source)
        }

        let schedule = TripScheduler(instance: instance, dayStartMinutes: request.dayStartMinutes)
            .schedule(trips: chosen)
        let unscheduled = Set(schedule.unscheduledUnitIDs)
        let unservedPerDemand = instance.demands.map { demand in demand.units.filter { unscheduled.contains($0.id) }.count }
        let diagnosis = ShortfallAnalyzer(instance: instance, dataset: request.dataset)
            .diagnose(unservedPerDemand: unservedPerDemand)
        let routes = schedule.routes
        let totals = PlanTotals(
            units: request.units.count, scheduledUnits: schedule.visits.count,
            unscheduledUnits: schedule.unscheduledUnitIDs.count, enumeratorDays: routes.count,
            enumeratorsUsed: Set(routes.map(\.enumeratorID)).count,
            travelMinutes: routes.reduce(0) { $0 + $1.travelMinutes },
            moveMinutes: routes.reduce(0) { $0 + $1.moveMinutes },
            interviewMinutes: routes.reduce(0) { $0 + $1.interviewMinutes },
            dayTrips: schedule.dayTrips, daysSavedByMerging: schedule.dayTrips - routes.count,
            modelTravelMinutes: schedule.modelTravelMinutes)
        return FieldworkPlan(visits: schedule.visits, routes: routes, unscheduledUnitIDs: schedule.unscheduledUnitIDs,
                             solver: statistics, model: solved, totals: totals, diagnosis: diagnosis)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
