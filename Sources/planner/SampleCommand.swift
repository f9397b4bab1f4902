import ArgumentParser
import PlannerPipeline

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

    @Option(help: "Sign the plan: a private key file of `planner keygen`; writes manifest.sig beside manifest.json.")
    var signKey: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let job = SampleJob(dataset: input.location, seed: seed, out: out.map(WorkingDirectory.url),
                            plansFolder: WorkingDirectory.plansFolder, language: output.chosenLanguage,
                            signingKey: signKey.map(WorkingDirectory.path))
        try output.report(try job.run(progress: output.progressDisplay()), command: "sample")
    }
}
