/// One simulated survey under one policy.
public struct SimulationRun: Hashable, Sendable {
    public var run: Int
    public var policy: SimulationPolicy
    /// Every unit of the plan (main and released) interviewed or lost by the last day.
    public var finished: Bool
    /// Road minutes of the routes driven.
    public var travelMinutes: Double
    public var completedUnits: Int
    public var lostUnits: Int
    /// Units still to visit after the last day.
    public var pendingUnits: Int
    public var releases: Int
    public var droppedEnumerators: Int
    /// Seconds spent re-planning, all evenings together.
    public var planningSeconds: Double
    /// Evenings whose re-plan its time limit stopped before its own rules did (its plan depends on the machine).
    public var replansStoppedByTimeLimit = 0
}
