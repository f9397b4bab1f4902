/// What a simulation plays: how many surveys, from which seed, with which rates of trouble.
public struct SimulationSettings: Hashable, Sendable {
    public var runs: Int
    public var seed: UInt64
    /// Probability that an enumerator drops out (from a uniformly drawn working day to the end).
    public var dropoutProbability: Double
    /// Probability that a visit ends in a refusal.
    public var refusalRate: Double
    /// Probability that a visit finds nobody at home (another visit follows, up to `max_attempts`).
    public var notAtHomeRate: Double
    /// Seconds the solver may search at each evening's re-plan; nil: survey.toml's `solver_time_limit_seconds`,
    /// as `planner replan` has. A re-plan cut by its clock depends on the machine's speed, and so would the
    /// figures: the default leaves every re-plan to its own stopping rules, so that a seed replays exactly.
    public var timeLimitSeconds: Double?

    public init(runs: Int = 20, seed: UInt64 = 2023, dropoutProbability: Double = 0.05, refusalRate: Double = 0.05,
                notAtHomeRate: Double = 0.1, timeLimitSeconds: Double? = nil) {
        self.runs = runs
        self.seed = seed
        self.dropoutProbability = dropoutProbability
        self.refusalRate = refusalRate
        self.notAtHomeRate = notAtHomeRate
        self.timeLimitSeconds = timeLimitSeconds
    }
}
