import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerOptimization
import PlannerSampling

/// How a job that plans fieldwork (`plan`, `assign`, `replan`) solves it.
public struct FieldworkJobOptions: Sendable {
    /// Where to write the exact model solved, and the backend that writes it.
    public struct ModelExport: Sendable {
        /// Free MPS (`.mps`) or CPLEX LP (`.lp`), by the extension.
        public var url: URL
        public var exporter: any ModelExporting

        public init(url: URL, exporter: any ModelExporting) {
            self.url = url
            self.exporter = exporter
        }
    }

    /// Seconds the solver may search; nil: `solver_time_limit_seconds` of survey.toml.
    public var timeLimitSeconds: Double?
    /// Also write the exact model solved; nil: no export.
    public var exportModel: ModelExport?

    public init(timeLimitSeconds: Double? = nil, exportModel: ModelExport? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.exportModel = exportModel
    }

    /// Plans the main units of `sample` as one step, then exports the model when asked.
    func solve(dataset: Dataset, sample: [SampledUnit], solver: some MIPSolver,
               progress: any PipelineProgress) throws -> FieldworkPlan {
        let plan = try progress.step("Planning the fieldwork (\(sample.filter { $0.role == .main }.count) visits)") {
            try FieldworkStage.plan(dataset: dataset, sample: sample, solver: solver,
                                    timeLimitSeconds: timeLimitSeconds, progress: { progress.solving($0) })
        }
        try export(plan)
        return plan
    }

    /// Writes the model of `plan` to `exportModel`, if given; a file that cannot be written is an output that
    /// cannot be created.
    func export(_ plan: FieldworkPlan) throws {
        guard let exportModel else { return }
        do {
            try FieldworkStage.exportModel(of: plan, to: exportModel.url, using: exportModel.exporter)
        } catch {
            throw PipelineError.cannotCreate("\(error)")
        }
    }
}
