/// The runs of both policies, and their summaries.
public struct SimulationSummary: Hashable, Sendable {
    public var runs: [SimulationRun]
    /// Whether the time limit stopped the first plan, which every run starts from, before its own rules did.
    public var initialPlanStoppedByTimeLimit = false

    /// Whether every plan of the simulation ended by its own stopping rules, so that the same seed gives the same
    /// figures on any machine.
    public var isReproducible: Bool {
        !initialPlanStoppedByTimeLimit && runs.allSatisfy { $0.replansStoppedByTimeLimit == 0 }
    }

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
