import ArgumentParser
import Foundation
import PlannerCore
import PlannerFormats
import PlannerReports
import PlannerSampling

/// `planner sample`: draws the stratified sample of households and enterprises and writes it as a plan folder.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw the stratified sample and write sample.csv, allocation.csv, the design report and summary.html.",
        discussion: """
            Writes a new plan folder (default: Plans/<dataset>-seed-<seed>) with sample.csv, allocation.csv, \
            design-report.md, summary.html (the design, its chart and a map of the sample) and manifest.json. An \
            existing folder is never overwritten. The same dataset and seed give byte-identical files (only the \
            manifest's "run" section differs).
            """
    )

    @OptionGroup var input: DatasetArgument

    @Option(help: "The random seed (default: the `seed` of survey.toml).")
    var seed: UInt64?

    @Option(help: "The plan folder to create (must not exist).")
    var out: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let started = Date()
        let progress = output.progressDisplay()
        let inputDigests = InputDigests(folder: input.folder)
        let dataset = try input.load(progress: progress)
        let seed = self.seed ?? dataset.settings.seed
        let plan = try drawSample(dataset: dataset, seed: seed, progress: progress)
        let destination = planDestination(out: out, dataset: input.folder, seed: seed)
        let manifest = PlanManifest(
            kind: "sample", seed: seed,
            generator: .init(name: Xoshiro256StarStar.name, version: Xoshiro256StarStar.version),
            dataset: input.dataset, inputs: try inputDigests.value(), files: [],
            run: .init(createdAt: timestampNow(), seconds: 0))
        let summary = SummaryInput(dataset: dataset, sample: plan.units, design: SampleDesignSummary(plan: plan),
                                   manifest: manifest, plan: nil, language: output.chosenLanguage)
        let files = SampleFolder.files(for: plan, dataset: dataset) + [SummaryPage.file(summary)]
        try writePlan(files, manifest: manifest, started: started, to: destination, progress: progress)
        if output.json {
            print(try RunReport(command: "sample", folder: destination, manifest: manifest,
                                language: output.chosenLanguage, sample: plan.units, plan: nil,
                                files: files.count).jsonText())
        } else if !output.quiet {
            print(SampleFolder.summaryLine(for: plan, destination: destination))
        }
    }
}

/// Draws the sample, showing the step; a design the frame cannot support throws `SamplingError`.
func drawSample(dataset: Dataset, seed: UInt64, progress: ProgressDisplay) throws -> SamplePlan {
    let plan = try progress.run("Drawing the sample (seed \(seed))") {
        try SampleDesigner.design(dataset: dataset, seed: seed)
    }
    for warning in plan.warnings { printError(warning.description) }
    return plan
}

