import PlannerCore
import PlannerFieldwork
import PlannerSampling

/// A re-plan with everything its folder shows: the new plan, the history, the releases and the weights.
public struct ReplanOutcome: Sendable {
    /// The dataset the new plan was made for (changes of availability applied).
    public var dataset: Dataset
    public var asOf: CalendarDate
    /// The new visits from the as-of date, and what changed.
    public var result: ReplanResult
    /// Every recorded visit, in history order.
    public var history: [RecordedVisit]
    /// Every unit of the plan (main and released reserve), by unit ID.
    public var progress: [UnitProgress]
    public var releases: ReleasePolicy.Outcome
    public var weights: [ReplanWeight]
    public var droppedEnumerators: [EnumeratorID]
    /// Main units and released reserves: the units the plan must account for.
    public var planUnitIDs: [String]

    public var plan: FieldworkPlan { result.plan }
    public var isComplete: Bool { result.plan.isComplete }

    /// Units that are done, lost, or still to visit.
    public func count(_ state: String) -> Int { progress.filter { $0.stateName == state }.count }
}
