import ArgumentParser
import Foundation
import PlannerPipeline

/// `planner plan`: sample, assign and route sheets in one go — the main job.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Draw the sample, assign every visit with GLPK, and write the route sheets.",
        discussion: """
            Writes a new plan folder (default: Plans/<dataset>-seed-<seed>) with the sample files, \
            assignments.csv, route sheets per enumerator-day, post-office summaries, visit notices, the \
            fieldwork report, summary.html (charts, map, calendar), routes.geojson, the Survey Solutions and \
            SurveyCTO exports, and manifest.json. Exits 3, after writing the folder marked incomplete, when the \
            fieldwork cannot be finished in the window; the report says what is lacking and what would close the gap.
            """
    )

    @OptionGroup var input: DatasetArgument

    @Option(help: "The random seed (default: the `seed` of survey.toml).")
    var seed: UInt64?

    @Option(help: "The plan folder to create (must not exist).")
    var out: String?

    @OptionGroup var fieldwork: FieldworkOptions

    func run() throws {
        let job = PlanJob(dataset: input.location, seed: seed, out: out.map(WorkingDirectory.url),
                          plansFolder: WorkingDirectory.plansFolder, language: fieldwork.chosenLanguage,
                          fieldwork: fieldwork.jobOptions)
        let written = try job.run(solver: Backend.solver, progress: fieldwork.output.progressDisplay())
        try fieldwork.output.report(written, command: "plan")
    }
}

/// `planner assign`: plans the fieldwork of a sample that `planner sample` wrote, into a new plan folder.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign the visits of a sampled plan folder with GLPK and write the route sheets.",
        discussion: """
            Reads PLAN (a folder written by `planner sample`), checks that the dataset it was drawn from is \
            unchanged, and writes a new plan folder (default: PLAN-assigned) holding the sample files and the \
            fieldwork files; PLAN itself is never modified. Exits 3 when the plan is incomplete.
            """
    )

    @Argument(help: "The plan folder written by `planner sample`.")
    var plan: String

    @Option(help: "The dataset folder (default: the one recorded in PLAN's manifest).")
    var dataset: String?

    @Option(help: "The plan folder to create (must not exist).")
    var out: String?

    @OptionGroup var fieldwork: FieldworkOptions

    func run() throws {
        let job = AssignJob(plan: WorkingDirectory.path(plan), dataset: dataset.map(WorkingDirectory.path),
                            workingDirectory: WorkingDirectory.url, out: out.map(WorkingDirectory.url),
                            language: fieldwork.chosenLanguage, fieldwork: fieldwork.jobOptions)
        let written = try job.run(solver: Backend.solver, progress: fieldwork.output.progressDisplay())
        try fieldwork.output.report(written, command: "assign")
    }
}
