import PlannerCore
import PlannerFieldwork
import PlannerOptimization
import PlannerSampling

/// Re-plans a survey in the field: applies the history, releases reserves, recomputes weights and re-solves
/// the remaining work with the given solver from the parent plan.
public enum ReplanStage {
    /// - Throws: `FieldworkInputError` when the history names units outside the plan or the remaining work
    ///   cannot be planned; the solver's errors when it breaks.
    public static func replan(_ input: ReplanInput, solver: some MIPSolver,
                              solveProgress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> ReplanOutcome {
        let dataset = input.changedDataset
        let maxAttempts = dataset.settings.fieldwork.maxAttempts
        let sampleByID = Dictionary(input.sample.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })

        let history = input.history.sorted(by: RecordedVisit.historyOrder)
        let policy = ReleasePolicy(groups: input.releaseGroups)

        // Units of the plan before this re-plan: main units, reserves released by the parent, and reserves the
        // field already used (released below, before any other release).
        let usedIDs = Set(input.reservesUsedInField.map(\.reserveUnitID))
        let parentUnits = SampledUnit.planUnits(of: input.sample, releases: input.previousReleases)
            + input.sample.filter { $0.role == .reserve && usedIDs.contains($0.unitID) }
                .filter { unit in !input.previousReleases.contains { $0.reserveUnitID == unit.unitID } }
        let parentIDs = Set(parentUnits.map(\.unitID))
        let strays = Set(history.map(\.unitID)).subtracting(parentIDs).sorted()
        guard strays.isEmpty else {
            throw FieldworkInputError(issues: strays.map {
                .init(subject: "unit \($0)", problem: "has recorded visits but is not a unit of the plan")
            })
        }
        let parentProgress = UnitProgress.progress(of: parentUnits, history: history, maxAttempts: maxAttempts)
        let lost = parentProgress.compactMap { unit -> ReleasePolicy.LostUnit? in
            guard case let .nonresponse(reason, date) = unit.state else { return nil }
            return ReleasePolicy.LostUnit(unitID: unit.unitID, reason: reason, date: date)
        }
        let releases = policy.release(lost: lost, previous: input.previousReleases, usedInField: input.reservesUsedInField)
        guard releases.unmatched.isEmpty else {
            throw FieldworkInputError(issues: releases.unmatched.map { use in
                .init(subject: "reserve unit \(use.reserveUnitID)",
                      problem: "was visited on \(use.date), but no unit of its release group is recorded lost "
                        + "(refused, not found, closed, or not met in max_attempts visits) on or before that day for "
                        + "it to replace; record the outcome of the unit it replaced in the progress file")
            })
        }
        let newlyReleased = releases.newReleases.filter { !usedIDs.contains($0.reserveUnitID) }
            .compactMap { sampleByID[$0.reserveUnitID] }
        let progress = (parentProgress + newlyReleased.map { UnitProgress(unitID: $0.unitID, state: .pending(attempts: 0)) })
            .sorted { $0.unitID < $1.unitID }
        let pendingIDs = Set(progress.filter(\.isPending).map(\.unitID))

        let remaining = (parentUnits + newlyReleased).filter { pendingIDs.contains($0.unitID) }
        let units = FieldworkUnit.visits(to: remaining, dataset: dataset)
        var request = ReplanRequest(
            dataset: dataset, asOf: input.asOf, units: units,
            previousVisits: input.plannedVisits.filter { $0.date >= input.asOf },
            solverOptions: input.solverOptions, changedTripMinutes: input.changedTripMinutes)
        request.tightensBound = input.tightensBound
        let result = try Replanner().plan(request, solver: solver, progress: solveProgress)

        let weights = ReplanWeight.weights(groups: input.releaseGroups, releases: releases.releases,
                                           states: Dictionary(progress.map { ($0.unitID, $0.stateName) },
                                                              uniquingKeysWith: { first, _ in first }))
        return ReplanOutcome(dataset: dataset, asOf: input.asOf, result: result, history: history,
                             progress: progress, releases: releases, weights: weights,
                             droppedEnumerators: input.droppedEnumerators,
                             planUnitIDs: progress.map(\.unitID))
    }
}
