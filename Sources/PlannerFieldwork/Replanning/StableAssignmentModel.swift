import PlannerOptimization

/// The day model of a re-plan: `AssignmentModel` plus a cost for every day of the previous plan that the new plan
/// drops, so that the solver moves other people's work only when that saves more than it costs.
///
/// For each group g of previous days (one enumerator, the same demands; `PreviousDays`), one continuous column
/// `dropped_g ∈ [0, p_g]` costing `changedTripMinutes` per demand of the day, and one row `keep_g`:
/// Σ (columns of g's enumerator visiting exactly g's demands) + dropped_g ≥ p_g. A column keeps at most one group,
/// so nothing is counted twice. New days cost their travel as before; the base model is unchanged, so `planner plan`
/// never sees this term. See docs/replanning.md.
struct StableAssignmentModel {
    /// One keep row: previous days of an enumerator, the columns that keep them, and the column that counts those
    /// dropped.
    struct Keep {
        var workerIndex: Int
        var columns: [MIPModel.VariableID]
        var days: Int
        var dropped: MIPModel.VariableID
    }

    let base: AssignmentModel
    let model: MIPModel
    let keeps: [Keep]

    /// Keep rows per previous day (`PreviousDays`); `base` must hold the previous several-demand days among its
    /// patterns (`PreviousDays.offered(in:)`), or those days can only be dropped.
    init(base: AssignmentModel, instance: AssignmentInstance, previousDays: PreviousDays, changedTripMinutes: Double) {
        var patternsOf: [[Int]: [MIPModel.VariableID]] = [:]
        for (pattern, variable) in zip(base.patterns, base.patternVariables) {
            patternsOf[[pattern.workerIndex] + pattern.visits.map(\.demand).sorted(), default: []].append(variable)
        }
        let groups = previousDays.groups.filter { $0.days > 0 }.map { group in
            (group: group, columns: group.option.map { [base.tripVariables[$0]] }
                ?? patternsOf[[group.workerIndex] + group.demands] ?? [])
        }
        self.init(base: base, instance: instance, groups: groups, changedTripMinutes: changedTripMinutes)
    }

    /// Keep rows per option (enumerator, site, kind of work): `y_o + dropped_o ≥ p_o`, the previous trips counted
    /// by `Replanner.previousTrips`. The pooled re-plan keeps trips this way (`PooledStableAssignmentModel`), and its
    /// tests compare the two models on it.
    init(base: AssignmentModel, instance: AssignmentInstance, previousTrips: [Int], changedTripMinutes: Double) {
        let groups = previousTrips.enumerated().filter { $0.element > 0 }.map { option, count in
            let chosen = instance.options[option]
            return (group: PreviousDays.Group(workerIndex: chosen.workerIndex, demands: [chosen.demandIndex],
                                              option: option, days: count),
                    columns: [base.tripVariables[option]])
        }
        self.init(base: base, instance: instance, groups: groups, changedTripMinutes: changedTripMinutes)
    }

    private init(base: AssignmentModel, instance: AssignmentInstance,
                 groups: [(group: PreviousDays.Group, columns: [MIPModel.VariableID])], changedTripMinutes: Double) {
        self.base = base
        var model = base.model
        model.name = "fieldwork_replan_day_trips"
        var names = ModelNames()
        var keeps: [Keep] = []
        for (group, columns) in groups {
            let worker = instance.workers[group.workerIndex].enumerator.id.rawValue
            let parts = group.demands.flatMap { demand in
                [instance.site(of: instance.demands[demand]).id, instance.demands[demand].kind.code]
            }
            let dropped = model.addVariable(names.make("dropped", [worker] + parts), kind: .continuous, lowerBound: 0,
                                            upperBound: Double(group.days),
                                            objective: changedTripMinutes * Double(group.demands.count))
            model.addConstraint(names.make("keep", [worker] + parts),
                                columns.map { MIPModel.Term($0, 1) } + [MIPModel.Term(dropped, 1)],
                                lowerBound: Double(group.days))
            keeps.append(Keep(workerIndex: group.workerIndex, columns: columns, days: group.days, dropped: dropped))
        }
        self.model = model
        self.keeps = keeps
    }

    /// The full column vector for a choice of trips and patterns: the base model's, then the previous days
    /// dropped.
    func solutionVector(trips: [Int], patterns: [Int] = []) -> [Double] {
        var values = base.solutionVector(trips: trips, patterns: patterns)
        let kept = keeps.map { keep in keep.columns.reduce(0.0) { $0 + values[$1.index] } }
        values += zip(keeps, kept).map { keep, kept in max(0, Double(keep.days) - kept) }
        return values
    }

    /// The objective of a choice of trips and patterns in this model.
    func objective(of trips: [Int], patterns: [Int] = []) -> Double {
        model.objectiveValue(of: solutionVector(trips: trips, patterns: patterns))
    }
}
