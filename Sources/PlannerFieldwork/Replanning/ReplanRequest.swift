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
    /// Whether the bound is tightened with cuts once the plan is chosen (`PatternGeneration.tightenBound`): it
    /// changes no plan, only the bound and gap the plan reports, so a simulation, which reads neither, turns it off.
    public var tightensBound = true

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

    /// A re-plan's solver options: the survey's, as for a first plan. Its MIP ends after
    /// `Replanner.stableNodeLimit` nodes, so the time limit is only a safety net. (Until 5 December 2026 a re-plan
    /// searched 4 s by the clock: a new plan that depended on the machine's speed, and on the default-sized
    /// re-plan with half the staff gone, 19.6 % dearer than 1,000 nodes give in about 10 s.)
    public static func solverOptions(for parameters: FieldworkParameters) -> SolverOptions {
        FieldworkRequest.solverOptions(for: parameters)
    }

    /// Working days at the end of the window kept out of the plan: `Replanner` sets it while it tries to keep the
    /// survey's buffer free.
    var keptBufferDays = 0

    /// The dataset as the assignment model must see it: the window starts at `asOf`, and its last
    /// `keptBufferDays` working days are buffer (none by default: the buffer may now be used).
    var planningDataset: Dataset { dataset.replanWindow(from: asOf, keepingBufferDays: keptBufferDays) }

    /// The first-plan request of the same work on `planningDataset`: what the re-plan's instance is built from.
    var fieldworkRequest: FieldworkRequest {
        FieldworkRequest(dataset: planningDataset, units: units, solverOptions: solverOptions,
                         balanceMinutesPerExcessDay: balanceMinutesPerExcessDay, travel: travel)
    }

    /// The survey's buffer days a re-plan tries to keep free: survey.toml's `buffer_days`, leaving at least one
    /// working day of the window to plan.
    var bufferDaysToKeep: Int {
        let window = dataset.settings.calendar.workingDays.count { $0 >= asOf }
        return min(max(dataset.settings.fieldwork.bufferDays, 0), max(window - 1, 0))
    }
}
