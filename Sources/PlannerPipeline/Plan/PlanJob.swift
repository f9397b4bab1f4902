import Foundation
import PlannerCore
import PlannerFormats
import PlannerOptimization
import PlannerPlanFormat
import PlannerReports

/// `planner plan`, the main job: draws the sample, plans its fieldwork with the solver given, and writes the
/// whole plan folder (sample files, route sheets, reports, exports, `summary.html`, `manifest.json`).
public struct PlanJob: Sendable {
    public var dataset: TypedPath
    /// nil: the `seed` of survey.toml.
    public var seed: UInt64?
    /// The folder to create; nil: `<dataset>-seed-<seed>` in `plansFolder`.
    public var out: URL?
    public var plansFolder: URL
    public var language: Language
    public var fieldwork: FieldworkJobOptions

    public init(dataset: TypedPath, seed: UInt64? = nil, out: URL? = nil, plansFolder: URL,
                language: Language = .vietnamese, fieldwork: FieldworkJobOptions = .init()) {
        self.dataset = dataset
        self.seed = seed
        self.out = out
        self.plansFolder = plansFolder
        self.language = language
        self.fieldwork = fieldwork
    }

    /// - Returns: the folder written; `isComplete` is false when the fieldwork does not fit the window (the
    ///   folder is written all the same, marked incomplete).
    public func run(solver: some MIPSolver, progress: any PipelineProgress = SilentProgress()) throws -> WrittenPlan {
        let writer = PlanWriter()
        try PlanDestination.refuseInside(out, inputs: [("dataset folder", dataset)])
        let signingKey = try fieldwork.readSigningKey()
        let digests = InputDigests(folder: dataset.url)
        let data = try DatasetStep.read(dataset, progress: progress)
        let seed = self.seed ?? data.settings.seed
        let sample = try DatasetStep.drawSample(data, seed: seed, progress: progress)
        let plan = try fieldwork.solve(dataset: data, sample: sample.units, solver: solver, progress: progress)
        let manifest = writer.manifest(kind: .plan, seed: seed, dataset: dataset.path, inputs: try digests.value(),
                                       language: language, fieldwork: plan)
        let files = progress.step("Rendering the plan's files") {
            let summary = SummaryInput(dataset: data, sample: sample.units, design: SampleDesignSummary(plan: sample),
                                       manifest: manifest, plan: plan, language: language)
            return SampleFolder.files(for: sample, dataset: data, language: language)
                + FieldworkFolder.files(plan: plan, sample: sample.units, dataset: data, language: language,
                                        edition: SheetEdition(manifest: manifest))
                + [SummaryPage.file(summary)]
        }
        let destination = PlanDestination.resolve(out: out, in: plansFolder,
                                                  base: "\(dataset.url.lastPathComponent)-seed-\(seed)")
        let (folder, written) = try writer.write(files, manifest: manifest, to: destination,
                                                 signingKey: signingKey, progress: progress)
        return WrittenPlan(folder: folder, manifest: written, fileCount: files.count, sample: sample.units,
                           drawnSample: sample, fieldwork: plan)
    }
}
