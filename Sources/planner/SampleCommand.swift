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
        abstract: "Draw the stratified sample and write sample.csv, allocation.csv and the design report.",
        discussion: """
            Writes a new plan folder (default: Plans/<dataset>-seed-<seed>) with sample.csv, allocation.csv, \
            design-report.md and manifest.json. An existing folder is never overwritten. The same dataset and \
            seed give byte-identical files (only the manifest's "run" section differs).
            """
    )

    @OptionGroup var input: DatasetArgument

    @Option(help: "The random seed (default: the `seed` of survey.toml).")
    var seed: UInt64?

    @Option(help: "The plan folder to create (must not exist).")
    var out: String?

    func run() throws {
        let started = Date()
        let inputDigests = InputDigests(folder: input.folder)
        let dataset = try input.load()
        let seed = self.seed ?? dataset.settings.seed
        let plan: SamplePlan
        do {
            plan = try SampleDesigner.design(dataset: dataset, seed: seed)
        } catch {
            printError("The sample cannot be designed: \(error)")
            throw ExitStatus.invalidData
        }
        let destination = planDestination(out: out, dataset: input.folder, seed: seed)
        let files = SampleFolder.files(for: plan, dataset: dataset)
        let inputs = try inputDigests.value()
        do {
            try PlanFolder(destination: destination).write(files) { digests in
                try PlanManifest(
                    kind: "sample", seed: seed,
                    generator: .init(name: Xoshiro256StarStar.name, version: Xoshiro256StarStar.version),
                    dataset: input.dataset, inputs: inputs, files: digests,
                    run: .init(createdAt: timestampNow(), seconds: Date().timeIntervalSince(started))
                ).jsonData()
            }
        } catch {
            printError(error.description)
            throw error.kind == .exists ? ExitStatus.cannotCreate : ExitStatus.internalFailure
        }
        print(SampleFolder.summaryLine(for: plan, destination: destination))
    }
}
