import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

/// `planner sample`: draws the stratified sample of a dataset and writes it as a new plan folder (`sample.csv`,
/// `allocation.csv`, `design-report.md`, `summary.html`, `manifest.json`).
public struct SampleJob: Sendable {
    public var dataset: TypedPath
    /// nil: the `seed` of survey.toml.
    public var seed: UInt64?
    /// The folder to create; nil: `<dataset>-seed-<seed>` in `plansFolder`.
    public var out: URL?
    public var plansFolder: URL
    public var language: Language
    /// The private key file (`planner keygen`) to sign the manifest with into `manifest.sig`; nil: unsigned.
    public var signingKey: TypedPath?

    public init(dataset: TypedPath, seed: UInt64? = nil, out: URL? = nil, plansFolder: URL,
                language: Language = .vietnamese, signingKey: TypedPath? = nil) {
        self.dataset = dataset
        self.seed = seed
        self.out = out
        self.plansFolder = plansFolder
        self.language = language
        self.signingKey = signingKey
    }

    public func run(progress: any PipelineProgress = SilentProgress()) throws -> WrittenPlan {
        let writer = PlanWriter()
        try PlanDestination.refuseInside(out, inputs: [("dataset folder", dataset)])
        let key = try signingKey.map(SigningKeys.signingKey)
        let digests = InputDigests(folder: dataset.url)
        let data = try DatasetStep.read(dataset, progress: progress)
        let seed = self.seed ?? data.settings.seed
        let sample = try DatasetStep.drawSample(data, seed: seed, progress: progress)
        let manifest = writer.manifest(kind: .sample, seed: seed, dataset: dataset.path, inputs: try digests.value(),
                                       language: language)
        let summary = SummaryInput(dataset: data, sample: sample.units, design: SampleDesignSummary(plan: sample),
                                   manifest: manifest, plan: nil, language: language)
        let files = SampleFolder.files(for: sample, dataset: data, language: language) + [SummaryPage.file(summary)]
        let destination = PlanDestination.resolve(out: out, in: plansFolder,
                                                  base: "\(dataset.url.lastPathComponent)-seed-\(seed)")
        let (folder, written) = try writer.write(files, manifest: manifest, to: destination,
                                                 signingKey: key, progress: progress)
        return WrittenPlan(folder: folder, manifest: written, fileCount: files.count, sample: sample.units,
                           drawnSample: sample)
    }
}
