import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerOptimization
import PlannerPlanFormat
import PlannerSampling

/// How a job that plans fieldwork (`plan`, `assign`, `replan`) solves it, and whether it signs the plan.
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

    /// The private key file (`planner keygen`) to sign the manifest with into `manifest.sig`; nil: unsigned.
    public var signingKey: TypedPath?

    public init(timeLimitSeconds: Double? = nil, exportModel: ModelExport? = nil, signingKey: TypedPath? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.exportModel = exportModel
        self.signingKey = signingKey
    }

    /// The signing key, read before any work starts so that a bad key file fails at once.
    func readSigningKey() throws -> PlanSigningKey? {
        try signingKey.map(SigningKeys.signingKey)
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
