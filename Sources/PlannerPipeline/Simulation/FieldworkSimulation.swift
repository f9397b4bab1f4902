import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerOptimization
import PlannerSampling

/// Plays a survey forward day by day with random trouble, re-planning each evening, under both policies.
///
/// Each run draws its events once from `Xoshiro256StarStar(seed:, stream: "run-<n>")` — which enumerators drop
/// out and from which working day, and for every unit the outcome of each possible visit (refused with the
/// refusal rate, not at home with the not-at-home rate, else completed) — and both policies face the same
/// events (common random numbers), so their difference is the policies' alone. A dropped enumerator makes no
/// visit from the drop day; the drop is known that evening. Travel counts the routes driven.
public struct FieldworkSimulation: Sendable {
    public let dataset: Dataset
    public let sample: SamplePlan
    public let settings: SimulationSettings

    public init(dataset: Dataset, sample: SamplePlan, settings: SimulationSettings) {
        self.dataset = dataset
        self.sample = sample
        self.settings = settings
    }

    /// Every run under both policies, from one initial plan.
    /// - Parameters:
    ///   - solver: solves the initial plan and every evening's re-plan.
    ///   - report: called after each run (for a progress line).
    public func run(solver: some MIPSolver, report: ((SimulationRun) -> Void)? = nil) throws -> SimulationSummary {
        // The first plan as `planner plan` makes it, with survey.toml's time limit. Every run starts from it; when
        // a shorter clock cut it, it (and every figure after it) differed from one run of the command to the next.
        let initial = try FieldworkStage.plan(dataset: dataset, sample: sample.units, solver: solver)
        var runs: [SimulationRun] = []
        for run in 0..<settings.runs {
            let events = Events(run: run, settings: settings, dataset: dataset, units: sample.units)
            for policy in SimulationPolicy.allCases {
                let outcome = try play(policy: policy, events: events, initial: initial, run: run, solver: solver)
                runs.append(outcome)
                report?(outcome)
            }
        }
        var summary = SimulationSummary(runs: runs)
        summary.initialPlanStoppedByTimeLimit = initial.solver.stoppedByTimeLimit == true
        return summary
    }

    /// The random events of one run.
    struct Events {
        /// Enumerator → the working day from which it is gone.
        var drops: [EnumeratorID: CalendarDate]
        /// Unit → outcome of its first, second, … visit.
        var outcomes: [String: [VisitStatus]]

        init(run: Int, settings: SimulationSettings, dataset: Dataset, units: [SampledUnit]) {
            var generator = Xoshiro256StarStar(seed: settings.seed, stream: "run-\(run)")
            let days = dataset.settings.calendar.workingDays
            var drops: [EnumeratorID: CalendarDate] = [:]
            for enumerator in dataset.enumerators {
                let drop = generator.nextUnitInterval() < settings.dropoutProbability
                let day = days[generator.nextIndex(below: max(days.count, 1))]
                if drop { drops[enumerator.id] = day }
            }
            var outcomes: [String: [VisitStatus]] = [:]
            let attempts = max(dataset.settings.fieldwork.maxAttempts, 1)
            for unit in units.map(\.unitID).sorted() {
                outcomes[unit] = (0..<attempts).map { _ in
                    let draw = generator.nextUnitInterval()
                    return draw < settings.refusalRate ? .refused
                        : draw < settings.refusalRate + settings.notAtHomeRate ? .notAtHome : .completed
                }
            }
            self.drops = drops
            self.outcomes = outcomes
        }

        func isGone(_ enumerator: EnumeratorID, on day: CalendarDate) -> Bool {
            drops[enumerator].map { $0 <= day } ?? false
        }
    }

    private func play(policy: SimulationPolicy, events: Events, initial: FieldworkPlan, run: Int,
                      solver: some MIPSolver) throws -> SimulationRun {
        let days = dataset.settings.calendar.workingDays
        let maxAttempts = dataset.settings.fieldwork.maxAttempts
        let groups = sample.households.releaseGroups + sample.enterprises.releaseGroups
        let allUnits = FieldworkUnit.visits(to: sample.units, dataset: dataset)
        var planned = initial.visits
        var routes = initial.routes
        var history: [RecordedVisit] = []
        var releases: [ReserveRelease] = []
        var travel = 0.0
        var planningSeconds = 0.0
        var stoppedByTimeLimit = 0

        for (index, day) in days.enumerated() {
            for route in routes where route.date == day && !events.isGone(route.enumeratorID, on: day) {
                travel += route.travelMinutes
            }
            let attemptsSoFar = Dictionary(grouping: history, by: \.unitID).mapValues(\.count)
            for visit in planned where visit.date == day && !events.isGone(visit.enumeratorID, on: day) {
                let attempt = attemptsSoFar[visit.unitID] ?? 0
                let outcomes = events.outcomes[visit.unitID] ?? [.completed]
                history.append(RecordedVisit(unitID: visit.unitID, date: day, enumeratorID: visit.enumeratorID,
                                             status: outcomes[min(attempt, outcomes.count - 1)]))
            }
            guard index + 1 < days.count else { break }
            let next = days[index + 1]
            let spans = events.drops.keys.sorted().compactMap { id -> Unavailability? in
                guard let from = events.drops[id], from <= day else { return nil }
                return Unavailability(enumeratorID: id, from: from, to: nil, reason: "simulated dropout")
            }
            let started = Date()
            switch policy {
            case .replan:
                var options = ReplanRequest.solverOptions(for: dataset.settings.fieldwork)
                if let limit = settings.timeLimitSeconds { options.timeLimitSeconds = limit }
                var input = ReplanInput(dataset: dataset, sample: sample.units, releaseGroups: groups,
                                        plannedVisits: planned.filter { $0.date >= next }, history: history,
                                        previousReleases: releases, addedUnavailability: spans, asOf: next,
                                        solverOptions: options)
                // An evening's re-plan reports no gap here: the bound's cuts would only cost time.
                input.tightensBound = false
                let outcome = try ReplanStage.replan(input, solver: solver)
                planned = outcome.plan.visits
                routes = outcome.plan.routes
                releases = outcome.releases.releases
                if outcome.plan.solver.stoppedByTimeLimit == true { stoppedByTimeLimit += 1 }
            case .naive:
                let result = try naiveEvening(day: day, next: next, events: events, planned: planned, history: history,
                                              releases: releases, spans: spans, groups: groups, units: allUnits,
                                              maxAttempts: maxAttempts)
                planned = result.planned
                routes = result.routes
                releases = result.releases
            }
            planningSeconds += Date().timeIntervalSince(started)
        }

        let progress = UnitProgress.progress(of: SampledUnit.planUnits(of: sample.units, releases: releases),
                                             history: history, maxAttempts: maxAttempts)
        let pending = progress.filter(\.isPending).count
        return SimulationRun(run: run, policy: policy, finished: pending == 0, travelMinutes: travel,
                             completedUnits: progress.filter { $0.stateName == "completed" }.count,
                             lostUnits: progress.filter(\.isNonresponse).count, pendingUnits: pending,
                             releases: releases.count, droppedEnumerators: events.drops.count,
                             planningSeconds: planningSeconds, replansStoppedByTimeLimit: stoppedByTimeLimit)
    }

    /// The naive evening: the day's failures and the dropped enumerators' visits handed out by `NaiveReassignment`.
    private func naiveEvening(day: CalendarDate, next: CalendarDate, events: Events, planned: [VisitAssignment],
                              history: [RecordedVisit], releases: [ReserveRelease], spans: [Unavailability],
                              groups: [ReleaseGroup], units: [FieldworkUnit], maxAttempts: Int)
        throws -> (planned: [VisitAssignment], routes: [DayRoute], releases: [ReserveRelease]) {
        let reassignment = NaiveReassignment(dataset: AvailabilityChanges(unavailability: spans).applied(to: dataset),
                                             asOf: next)
        let available = Set(dataset.enumerators.map(\.id).filter { !events.isGone($0, on: next) })
        func owner(_ enumerator: EnumeratorID) -> EnumeratorID {
            available.contains(enumerator) ? enumerator
                : reassignment.substitute(for: enumerator, available: available) ?? enumerator
        }

        var work: [NaiveReassignment.Work] = []
        var kept: [VisitAssignment] = []
        for visit in planned where visit.date >= next {
            if available.contains(visit.enumeratorID) {
                kept.append(visit)
            } else {
                work.append(.init(unitID: visit.unitID, enumeratorID: owner(visit.enumeratorID)))
            }
        }
        // The day's visits not made (the enumerator dropped out today).
        for visit in planned where visit.date == day && events.isGone(visit.enumeratorID, on: day) {
            work.append(.init(unitID: visit.unitID, enumeratorID: owner(visit.enumeratorID)))
        }
        // Re-visits and releases after the day's outcomes.
        let visitsByUnit = Dictionary(grouping: history, by: \.unitID)
        var lost: [ReleasePolicy.LostUnit] = []
        for visit in history where visit.date == day {
            let progress = UnitProgress(unitID: visit.unitID, visits: visitsByUnit[visit.unitID]!, maxAttempts: maxAttempts)
            switch progress.state {
            case .pending: work.append(.init(unitID: visit.unitID, enumeratorID: owner(visit.enumeratorID)))
            case let .nonresponse(reason, date): lost.append(.init(unitID: visit.unitID, reason: reason, date: date))
            case .completed: break
            }
        }
        let outcome = ReleasePolicy(groups: groups).release(lost: lost, previous: releases)
        let lastVisitor = Dictionary(history.map { ($0.unitID, $0.enumeratorID) }, uniquingKeysWith: { _, last in last })
        for release in outcome.newReleases {
            work.append(.init(unitID: release.reserveUnitID,
                              enumeratorID: owner(lastVisitor[release.replacedUnitID] ?? dataset.enumerators[0].id)))
        }
        let assigned = try reassignment.assign(work, planned: kept, units: units)
        return (assigned.visits, assigned.routes, outcome.releases)
    }
}
