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
    /// Seconds GLPK may search at each evening's re-plan.
    public var timeLimitSeconds: Double

    public init(runs: Int = 20, seed: UInt64 = 2023, dropoutProbability: Double = 0.05, refusalRate: Double = 0.05,
                notAtHomeRate: Double = 0.1, timeLimitSeconds: Double = 2) {
        self.runs = runs
        self.seed = seed
        self.dropoutProbability = dropoutProbability
        self.refusalRate = refusalRate
        self.notAtHomeRate = notAtHomeRate
        self.timeLimitSeconds = timeLimitSeconds
    }
}

/// How the evening's changes are handled.
public enum SimulationPolicy: String, Hashable, Sendable, CaseIterable {
    /// `ReplanStage`: GLPK over the remaining work from the current plan.
    case replan
    /// `NaiveReassignment`: a dropped enumerator's visits to the nearest colleague of the post office.
    case naive
}

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
}

/// The runs of both policies, and their summaries.
public struct SimulationSummary: Hashable, Sendable {
    public var runs: [SimulationRun]

    public struct Line: Hashable, Sendable {
        public var policy: SimulationPolicy
        public var finishedShare: Double
        public var meanTravelMinutes: Double
        public var meanPendingUnits: Double
        public var meanCompletedUnits: Double
        public var meanPlanningSeconds: Double
    }

    public var lines: [Line] {
        SimulationPolicy.allCases.compactMap { policy in
            let runs = self.runs.filter { $0.policy == policy }
            guard !runs.isEmpty else { return nil }
            let count = Double(runs.count)
            func mean(_ value: (SimulationRun) -> Double) -> Double { runs.reduce(0) { $0 + value($1) } / count }
            return Line(policy: policy, finishedShare: mean { $0.finished ? 1 : 0 },
                        meanTravelMinutes: mean(\.travelMinutes), meanPendingUnits: mean { Double($0.pendingUnits) },
                        meanCompletedUnits: mean { Double($0.completedUnits) },
                        meanPlanningSeconds: mean(\.planningSeconds))
        }
    }
}
