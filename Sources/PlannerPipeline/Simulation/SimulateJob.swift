import Foundation
import PlannerCore
import PlannerOptimization
import PlannerSampling

/// `planner simulate`: draws the dataset's sample with its survey.toml seed and plays `FieldworkSimulation`;
/// writes nothing.
public struct SimulateJob: Sendable {
    public var dataset: TypedPath
    public var settings: SimulationSettings

    public init(dataset: TypedPath, settings: SimulationSettings) {
        self.dataset = dataset
        self.settings = settings
    }

    /// Every run under both policies, and the survey's last day (the deadline "finished" refers to).
    public struct Outcome: Sendable {
        public var summary: SimulationSummary
        public var lastDay: CalendarDate
    }

    /// - Parameter report: called after each run of each policy (for a line per run).
    public func run(solver: some MIPSolver, progress: any PipelineProgress = SilentProgress(),
                    report: ((SimulationRun) -> Void)? = nil) throws -> Outcome {
        let data = try DatasetStep.read(dataset, progress: progress)
        let sample = try DatasetStep.drawSample(data, seed: data.settings.seed, progress: progress)
        let summary = try FieldworkSimulation(dataset: data, sample: sample, settings: settings)
            .run(solver: solver, report: report)
        return Outcome(summary: summary, lastDay: data.settings.calendar.lastDay)
    }
}
