import PlannerCore
import PlannerOptimization

/// Everything one fieldwork plan is computed from: the dataset, the units to visit and how hard to solve.
public struct FieldworkRequest: Sendable {
    public var dataset: Dataset
    /// The main-sample units; each is visited exactly once.
    public var units: [FieldworkUnit]
    public var solverOptions: SolverOptions
    /// Objective minutes charged for each enumerator-day above the enumerator's fair share, before
    /// `FieldworkParameters.workloadBalanceWeight` multiplies them (see docs/model.md, "Weights").
    public var balanceMinutesPerExcessDay: Double
    /// The road minutes every trip, pattern, route and clock of the plan is priced with.
    public var travel: any TravelTimes

    /// - Parameters:
    ///   - solverOptions: nil takes `FieldworkRequest.solverOptions(for:)` of the dataset's parameters.
    ///   - travel: nil takes `TravelMatrix(dataset:)`, the survey's `travel.csv` over the great-circle formula.
    public init(dataset: Dataset, units: [FieldworkUnit], solverOptions: SolverOptions? = nil,
                balanceMinutesPerExcessDay: Double = 60, travel: (any TravelTimes)? = nil) {
        self.dataset = dataset
        self.units = units
        self.solverOptions = solverOptions ?? FieldworkRequest.solverOptions(for: dataset.settings.fieldwork)
        self.balanceMinutesPerExcessDay = balanceMinutesPerExcessDay
        self.travel = travel ?? TravelMatrix(dataset: dataset)
    }

    /// The time limit and relative gap from the survey's fieldwork parameters. How the backend searches
    /// (GLPK's presolver and cuts, say) is the backend's own configuration, chosen with the backend.
    public static func solverOptions(for parameters: FieldworkParameters) -> SolverOptions {
        SolverOptions(timeLimitSeconds: parameters.solverTimeLimitSeconds, relativeGap: parameters.solverRelativeGap)
    }
}
