import PlannerOptimization

/// The day-trip MIP of a re-plan: `AssignmentModel` plus a cost for every day-trip of the previous plan that
/// the new plan drops, so that the solver moves other people's work only when that saves more than it costs.
///
/// For each option o (enumerator, site, kind of work) with p_o > 0 previous day-trips still possible, one
/// continuous column `dropped_o ∈ [0, p_o]` costing `changedTripMinutes`, and one row `keep_o`:
/// y_o + dropped_o ≥ p_o. New trips cost their travel as before; the base model is unchanged, so
/// `planner plan` never sees this term. See docs/replanning.md.
struct StableAssignmentModel {
    let base: AssignmentModel
    let model: MIPModel
    /// Previous day-trips per option (0 for most).
    let previousTrips: [Int]
    /// The `dropped` column of each option with previous trips, else nil.
    let droppedVariables: [MIPModel.VariableID?]

    init(base: AssignmentModel, instance: AssignmentInstance, previousTrips: [Int], changedTripMinutes: Double) {
        self.base = base
        self.previousTrips = previousTrips
        var model = base.model
        model.name = "fieldwork_replan_day_trips"
        var names = ModelNames()
        var dropped: [MIPModel.VariableID?] = []
        for (option, count) in previousTrips.enumerated() {
            guard count > 0 else {
                dropped.append(nil)
                continue
            }
            let chosen = instance.options[option]
            let worker = instance.workers[chosen.workerIndex].enumerator.id.rawValue
            let demand = instance.demands[chosen.demandIndex]
            let site = instance.site(of: demand).id
            let variable = model.addVariable(names.make("dropped", worker, site, demand.kind.code), kind: .continuous,
                                             lowerBound: 0, upperBound: Double(count), objective: changedTripMinutes)
            model.addConstraint(names.make("keep", worker, site, demand.kind.code),
                                [MIPModel.Term(base.tripVariables[option], 1), MIPModel.Term(variable, 1)],
                                lowerBound: Double(count))
            dropped.append(variable)
        }
        self.model = model
        self.droppedVariables = dropped
    }

    /// The full column vector for a choice of trips and patterns: the base model's, then the previous trips
    /// dropped.
    func solutionVector(trips: [Int], patterns: [Int] = []) -> [Double] {
        var values = base.solutionVector(trips: trips, patterns: patterns)
        values += zip(previousTrips, trips).compactMap { previous, chosen in
            previous > 0 ? Double(max(0, previous - chosen)) : nil
        }
        return values
    }

    /// The objective of a choice of trips and patterns in this model.
    func objective(of trips: [Int], patterns: [Int] = []) -> Double {
        model.objectiveValue(of: solutionVector(trips: trips, patterns: patterns))
    }
}
