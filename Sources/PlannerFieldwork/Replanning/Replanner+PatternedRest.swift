import PlannerCore
import PlannerOptimization

extension Replanner {
    /// A re-plan's routes split into the days that keep previous work and a first plan of everything else.
    struct PatternedRest {
        /// The kept days and the rest's routes together: the schedule of the whole re-plan.
        var schedule: TripScheduler.Schedule
        /// The printed objective of `schedule` over the whole re-plan (travel, balance, unserved units).
        var objective: Double
        /// The rest's own plan: its solver figures are those of the model that chose the new days.
        var rest: FieldworkPlan

        var stoppedByTimeLimit: Bool { rest.solver.stoppedByTimeLimit == true }

        /// The re-plan's statistics when this schedule is printed: the rest's solve (status, model size, rounds),
        /// with the whole re-plan's time-limit flag; bounds, the printed objective and the time are set by the
        /// caller for the whole re-plan.
        func statistics(after stable: SolverStatistics) -> SolverStatistics {
            var statistics = rest.solver
            statistics.stoppedByTimeLimit = stable.stoppedByTimeLimit == true || stoppedByTimeLimit
            statistics.visitsAddedAfterSolve = schedule.visitsAddedAfterSolve
            statistics.lowerBound = nil
            statistics.unservedLowerBound = nil
            return statistics
        }
    }

    /// An enumerator's working day.
    private struct DayKey: Hashable {
        var enumerator: EnumeratorID
        var date: CalendarDate
    }

    /// The work `schedule` does not keep, planned again as a first plan around the days it keeps.
    ///
    /// The stable model decides what previous work is kept, at the change cost, but its routes are not the best
    /// the rest of the work can have: `ReplanScheduler` re-packs the chosen work greedily around the kept visits,
    /// and a pooled re-plan (`pooledPlan`) has one-site day-trips only, merged after the solve. So the days of
    /// `schedule` that repeat a previous visit (same unit, enumerator and date) stay as they are, with every visit
    /// on them; their enumerators are taken off those dates; and the units on no such day, unserved ones included,
    /// are planned as a first plan is (`FieldworkPlanner`: day patterns chosen in the optimisation, dive,
    /// neighbourhood search; on the pools at larger sizes) in the time left of the limit. Every previous visit
    /// `schedule` keeps is kept again, on its day, so the two differ only in how the rest is routed and the caller
    /// prints the cheaper.
    ///
    /// - Returns: nil when no time is left, when every unit is on a kept day, or when the rest cannot be posed as a
    ///   first plan (a `FieldworkInputError`: then `schedule` stands).
    func patternedRest(_ request: ReplanRequest, instance: AssignmentInstance, costs: AssignmentCosts,
                       schedule: TripScheduler.Schedule, start: ContinuousClock.Instant, solver: some MIPSolver,
                       progress: (@Sendable (SolveProgress) -> Void)?) throws -> PatternedRest? {
        let seconds = request.solverOptions.timeLimitSeconds - FieldworkPlanner.seconds(since: start)
        guard seconds > 0 else { return nil }
        func day(_ visit: VisitAssignment) -> DayKey { DayKey(enumerator: visit.enumeratorID, date: visit.date) }
        var previousDaysOfUnit: [String: Set<DayKey>] = [:]
        for visit in request.previousVisits { previousDaysOfUnit[visit.unitID, default: []].insert(day(visit)) }
        let kept = Set(schedule.visits.lazy.filter { previousDaysOfUnit[$0.unitID]?.contains(day($0)) == true }.map(day))
        let keptVisits = schedule.visits.filter { kept.contains(day($0)) }
        let keptUnits = Set(keptVisits.map(\.unitID))
        let restUnits = request.units.filter { !keptUnits.contains($0.id) }
        guard !restUnits.isEmpty else { return nil }

        var watch = PlanningWatch(start: start, progress: progress)
        watch.report("planning the \(restUnits.count) units not kept on their previous day again, around "
                     + "\(kept.count) kept days")
        var dataset = request.planningDataset
        for key in kept.sorted(by: { ($0.enumerator, $0.date) < ($1.enumerator, $1.date) }) {
            dataset.unavailability.append(Unavailability(enumeratorID: key.enumerator, from: key.date, to: key.date,
                                                         reason: "day kept from the previous plan"))
        }
        var options = request.solverOptions
        options.timeLimitSeconds = seconds
        let restRequest = FieldworkRequest(dataset: dataset, units: restUnits, solverOptions: options,
                                           balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay,
                                           travel: request.travel)
        let rest: FieldworkPlan
        do {
            rest = try FieldworkPlanner().plan(restRequest, solver: solver, progress: progress)
        } catch is FieldworkInputError {
            return nil
        }
        let keptRoutes = schedule.routes.filter { kept.contains(DayKey(enumerator: $0.enumeratorID, date: $0.date)) }
        let routes = (keptRoutes + rest.routes).sorted { ($0.enumeratorID, $0.date) < ($1.enumeratorID, $1.date) }
        let visits = (keptVisits + rest.visits).sorted {
            ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder)
        }
        // A kept day counts as one day of the model, priced at its route's travel.
        let combined = TripScheduler.Schedule(
            routes: routes, visits: visits, unscheduledUnitIDs: rest.unscheduledUnitIDs.sorted(),
            dayTrips: keptRoutes.count + rest.totals.dayTrips,
            modelTravelMinutes: keptRoutes.reduce(rest.totals.modelTravelMinutes) { $0 + $1.travelMinutes },
            visitsAddedAfterSolve: rest.solver.visitsAddedAfterSolve)
        return PatternedRest(schedule: combined,
                             objective: FieldworkPlanner.printedObjective(of: combined, instance: instance, costs: costs),
                             rest: rest)
    }
}
