import PlannerCore
import PlannerOptimization

extension Replanner {
    /// The re-plan of an instance above `poolingThreshold`: the pooled stable model (one column per pool of
    /// interchangeable enumerators and demand, and per member for the trips he keeps; exact, see
    /// `PooledStableAssignmentModel`), from a warm start built on pools, dealt back to enumerators with kept trips
    /// on their holders, then scheduled as any re-plan. One-site days only, as for a pooled first plan; the
    /// per-enumerator model is never built.
    ///
    /// The time limit bounds the whole step: the solver gets what is left of it after the model and the warm
    /// start, less the time kept for dealing and scheduling.
    func pooledPlan(_ request: ReplanRequest, instance: AssignmentInstance, fieldworkRequest: FieldworkRequest,
                    start: ContinuousClock.Instant, solver: some MIPSolver,
                    progress: (@Sendable (SolveProgress) -> Void)?) throws -> ReplanResult {
        var watch = PlanningWatch(start: start, progress: progress)
        watch.report("building the pooled re-plan model (\(instance.options.count) trip options)")
        let costs = AssignmentCosts(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let previous = Self.previousTrips(instance: instance, visits: request.previousVisits)
        let stable = PooledStableAssignmentModel(
            pooled: PooledAssignmentModel(instance: instance, costs: costs), instance: instance, costs: costs,
            previousTrips: previous, changedTripMinutes: request.changedTripMinutes)
        let warmStart = stable.warmStart()
        let warmObjective = stable.objective(of: warmStart)

        var chosen = warmStart
        var statistics: SolverStatistics
        var stoppedByTimeLimit = false
        if stable.model.variables.isEmpty {
            statistics = .notSolvedEmpty(backend: solver.identity, objective: warmObjective)
        } else {
            var options = request.solverOptions
            // Dealing and scheduling follow the solve: their time is kept out of its limit, as for a one-site
            // plan (at ×20, 25,904 visits: 3 ms of dealing, 1.2 s of scheduling; the reserve is about twice that).
            let schedulingReserve = FieldworkPlanner.schedulingSecondsPerVisit * Double(request.units.count)
            options.timeLimitSeconds = max(0, options.timeLimitSeconds - schedulingReserve
                                                - FieldworkPlanner.seconds(since: start))
            options.nodeLimit = Self.stableNodeLimit
            watch.report("solving the pooled re-plan model (\(stable.model.variables.count) columns)")
            let solution = try solver.solve(stable.model, options: options,
                                            warmStart: stable.solutionVector(warmStart), progress: progress)
            let result = solution.result
            stoppedByTimeLimit = result.status.stoppedAtTimeLimit
            var source = SolverStatistics.Source.heuristic
            if result.status.hasSolution, result.values.count == stable.model.variables.count {
                let solverChoice = stable.choice(from: result.values)
                if stable.respectsBoundsAndDays(solverChoice), stable.objective(of: solverChoice) <= warmObjective + 1e-6 {
                    chosen = solverChoice
                    source = .solver
                }
            }
            statistics = SolverStatistics(solution: solution, backend: solver.identity, heuristicObjective: warmObjective,
                                          chosenObjective: stable.objective(of: chosen), source: source)
        }

        watch.report("dealing the pools' trips and scheduling")
        let trips = stable.deal(chosen)
        let schedule = ReplanScheduler(instance: instance, previousVisits: request.previousVisits).schedule(trips: trips)
        let printedObjective = FieldworkPlanner.printedObjective(of: schedule, instance: instance, costs: costs)
        statistics.printedObjective = printedObjective
        // A bound over every plan, as a pooled first plan records (the one-site model's does not hold for merged
        // routes): changes to the previous plan are not priced, and the printed objective leaves them out too.
        let secondsLeft = request.solverOptions.timeLimitSeconds - FieldworkPlanner.seconds(since: start)
        if let bound = DayCapacityBound.planBound(instance: instance, costs: costs, target: printedObjective,
                                                  secondsLeft: secondsLeft, watch: &watch) {
            statistics.lowerBound = min(bound, printedObjective)
        }
        statistics.seconds = FieldworkPlanner.seconds(since: start)
        statistics.stoppedByTimeLimit = stoppedByTimeLimit
        statistics.unservedLowerBound = instance.unservedLowerBound(provenByLP: nil)
        let plan = FieldworkPlanner.plan(from: schedule, instance: instance, request: fieldworkRequest,
                                         statistics: statistics, model: stable.model)
        return ReplanResult(plan: plan, request: request, instance: instance, previousTrips: previous)
    }
}
