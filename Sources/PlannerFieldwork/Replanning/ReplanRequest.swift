import PlannerCore
import PlannerOptimization

/// Everything a re-plan is computed from: the changed dataset, the work left from the as-of date, and the
/// previous plan's visits from that date, which the new plan keeps where it can.
public struct ReplanRequest: Sendable {
    /// The dataset with every change of availability applied (new enumerators, new unavailability).
    public var dataset: Dataset
    /// The first day to plan; days before it are history and never planned.
    public var asOf: CalendarDate
    /// Units that still need a visit from `asOf` on: unvisited main units, re-visits, released reserves.
    public var units: [FieldworkUnit]
    /// The previous plan's visits on or after `asOf` (any unit): where each unit was going to be visited.
    public var previousVisits: [VisitAssignment]
    public var solverOptions: SolverOptions
    /// As in `FieldworkRequest`.
    public var balanceMinutesPerExcessDay: Double
    /// Objective minutes charged for each day-trip of the previous plan that the new plan does not keep
    /// (same enumerator, same site, same kind of work): the price of disturbing someone's plan.
    public var changedTripMinutes: Double
    /// As in `FieldworkRequest`.
    public var travel: any TravelTimes

    /// - Parameters:
    ///   - solverOptions: nil takes `ReplanRequest.solverOptions(for:)`.
    ///   - travel: nil takes `TravelMatrix(dataset:)`.
    public init(dataset: Dataset, asOf: CalendarDate, units: [FieldworkUnit], previousVisits: [VisitAssignment],
                solverOptions: SolverOptions? = nil,
                balanceMinutesPerExcessDay: Double = 60, changedTripMinutes: Double = 120,
                travel: (any TravelTimes)? = nil) {
        self.dataset = dataset
        self.asOf = asOf
        self.units = units
        self.previousVisits = previousVisits
        self.solverOptions = solverOptions ?? ReplanRequest.solverOptions(for: dataset.settings.fieldwork)
        self.balanceMinutesPerExcessDay = balanceMinutesPerExcessDay
        self.changedTripMinutes = changedTripMinutes
        self.travel = travel ?? TravelMatrix(dataset: dataset)
    }

    /// Seconds a re-plan searches by default: the post office needs tomorrow's sheets within minutes, and the
    /// previous plan is a good incumbent from the first second.
    public static let defaultTimeLimitSeconds = 4.0

    /// `FieldworkRequest.solverOptions(for:)` with the shorter re-planning time limit (never above the survey's).
    public static func solverOptions(for parameters: FieldworkParameters) -> SolverOptions {
        var options = FieldworkRequest.solverOptions(for: parameters)
        options.timeLimitSeconds = min(options.timeLimitSeconds, defaultTimeLimitSeconds)
        return options
    }

    /// The dataset as the assignment model must see it: the window starts at `asOf` and has no buffer days
    /// (the buffer may now be used).
    var planningDataset: Dataset { dataset.replanWindow(from: asOf) }
}
