import ArgumentParser
import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPipeline
import PlannerReports
import PlannerSampling

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
        let started = Date()
        let output = fieldwork.output
        let progress = output.progressDisplay()
        let inputDigests = InputDigests(folder: input.folder)
        let dataset = try input.load(progress: progress)
        let seed = self.seed ?? dataset.settings.seed
        let sample = try drawSample(dataset: dataset, seed: seed, progress: progress)
        let plan = try solveFieldwork(dataset: dataset, sample: sample.units, options: fieldwork, progress: progress)
        let destination = planDestination(out: out, dataset: input.folder, seed: seed)
        let manifest = PlanManifest(
            kind: "plan", seed: seed,
            generator: .init(name: Xoshiro256StarStar.name, version: Xoshiro256StarStar.version),
            dataset: input.dataset, inputs: try inputDigests.value(), files: [],
            complete: plan.isComplete, solver: FieldworkStage.manifestRecord(of: plan),
            run: .init(createdAt: timestampNow(), seconds: 0))
        let files = progress.run("Rendering the plan's files") {
            let summary = SummaryInput(dataset: dataset, sample: sample.units, design: SampleDesignSummary(plan: sample),
                                       manifest: manifest, plan: plan, language: output.chosenLanguage)
            return SampleFolder.files(for: sample, dataset: dataset)
                + FieldworkFolder.files(plan: plan, sample: sample.units, dataset: dataset,
                                        language: output.chosenLanguage)
                + [SummaryPage.file(summary)]
        }
        try writePlan(files, manifest: manifest, started: started, to: destination, progress: progress)
        try finish(plan, destination: destination, output: output,
                   report: RunReport(command: "plan", folder: destination, manifest: manifest,
                                     language: output.chosenLanguage, sample: sample.units, plan: plan,
                                     files: files.count))
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
        let started = Date()
        let output = fieldwork.output
        let progress = output.progressDisplay()
        let parent = ParentPlan(path: plan)
        let parentManifest = try parent.manifest()
        let input = DatasetArgument(datasetPath: dataset ?? parentManifest.dataset)
        let loaded = try input.load(progress: progress)
        let inputs = try parent.unchangedInputs(manifest: parentManifest, datasetFolder: input.folder)
        let sample = try parent.sample(manifest: parentManifest)
        let sampleFiles = try parent.files(["sample.csv", "allocation.csv", "design-report.md"])
        let design = try SampleDesignSummary.read(allocationCSV: sampleFiles[1].data, file: "\(plan)/allocation.csv")
        let fieldworkPlan = try solveFieldwork(dataset: loaded, sample: sample, options: fieldwork, progress: progress)

        let destination = out.map { planDestination(out: $0, dataset: input.folder, seed: parentManifest.seed) }
            ?? siblingDestination(of: parent.folder, suffix: "assigned")
        let manifest = PlanManifest(
            kind: "plan", seed: parentManifest.seed, generator: parentManifest.generator,
            dataset: input.dataset, inputs: inputs, files: [],
            parent: .init(path: plan, manifestSHA256: try parent.manifestDigest()),
            complete: fieldworkPlan.isComplete, solver: FieldworkStage.manifestRecord(of: fieldworkPlan),
            run: .init(createdAt: timestampNow(), seconds: 0))
        let files = progress.run("Rendering the plan's files") {
            let summary = SummaryInput(dataset: loaded, sample: sample, design: design, manifest: manifest,
                                       plan: fieldworkPlan, language: output.chosenLanguage)
            return sampleFiles + FieldworkFolder.files(plan: fieldworkPlan, sample: sample, dataset: loaded,
                                                       language: output.chosenLanguage)
                + [SummaryPage.file(summary)]
        }
        try writePlan(files, manifest: manifest, started: started, to: destination, progress: progress)
        try finish(fieldworkPlan, destination: destination, output: output,
                   report: RunReport(command: "assign", folder: destination, manifest: manifest,
                                     language: output.chosenLanguage, sample: sample, plan: fieldworkPlan,
                                     files: files.count))
    }
}

/// Solves the fieldwork of `sample`'s main units, showing progress, and exports the model when asked.
func solveFieldwork(dataset: Dataset, sample: [SampledUnit], options: FieldworkOptions,
                    progress: ProgressDisplay? = nil) throws -> FieldworkPlan {
    let progress = progress ?? ProgressDisplay(quiet: options.quiet)
    let plan = try progress.run("Planning the fieldwork (\(sample.filter { $0.role == .main }.count) visits)") {
        try FieldworkStage.plan(dataset: dataset, sample: sample, solver: Backend.solver,
                                timeLimitSeconds: options.timeLimit, progress: progress.solverSink)
    }
    if let url = options.exportURL { try exportModel(of: plan, to: url) }
    return plan
}

/// Writes a plan folder whose manifest lists every file's digest; `started` times the whole run.
func writePlan(_ files: [PlanFolder.File], manifest: PlanManifest, started: Date, to destination: URL,
               progress: ProgressDisplay? = nil) throws {
    let progress = progress ?? ProgressDisplay(mode: .silent)
    try progress.run("Writing \(files.count) files") { () throws(PlanFolder.WriteError) in
        try PlanFolder(destination: destination).write(files) { digests in
            var complete = manifest
            complete.files = digests
            complete.run = .init(createdAt: manifest.run.createdAt, seconds: Date().timeIntervalSince(started))
            return try complete.jsonData()
        }
    }
}

/// Writes the exact model solved; a file that cannot be written is an output that cannot be created.
func exportModel(of plan: FieldworkPlan, to url: URL) throws {
    do {
        try FieldworkStage.exportModel(of: plan, to: url, using: Backend.solver)
    } catch {
        throw PipelineError.cannotCreate("\(error)")
    }
}

/// Prints the outcome as `--quiet` and `--json` ask; an incomplete plan prints its diagnosis and exits 3.
func finish(_ plan: FieldworkPlan, destination: URL, output: OutputOptions, report: RunReport) throws {
    try finish(plan, destination: destination, quiet: output.quiet, json: output.json ? try report.jsonText() : nil)
}

private func finish(_ plan: FieldworkPlan, destination: URL, quiet: Bool, json: String?) throws {
    if let json {
        print(json)
    } else if !quiet {
        let solver = FieldworkStage.manifestRecord(of: plan)
        let totals = plan.totals
        let gap = solver.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "–"
        print("Fieldwork: \(totals.scheduledUnits) of \(totals.units) visits in \(totals.enumeratorDays) "
              + "enumerator-days by \(totals.enumeratorsUsed) enumerators, \(Int(totals.travelMinutes.rounded())) "
              + "travel minutes; GLPK \(solver.status), objective \(String(format: "%.1f", solver.objective ?? 0)), "
              + "gap \(gap), " + String(format: "%.1f s", solver.seconds))
        print("Plan written to \(destination.path)")
    }
    if let diagnosis = plan.diagnosis, !plan.isComplete {
        throw IncompletePlanWritten(unscheduledVisits: plan.unscheduledUnitIDs.count, diagnosis: diagnosis.summaryLines)
    }
}

/// A new folder beside `folder`: `<folder>-<suffix>`, then `-2`, `-3`, … while taken.
func siblingDestination(of folder: URL, suffix: String) -> URL {
    let parent = folder.deletingLastPathComponent()
    let base = "\(folder.lastPathComponent)-\(suffix)"
    var candidate = parent.appendingPathComponent(base)
    var version = 2
    while FileManager.default.fileExists(atPath: candidate.path) {
        candidate = parent.appendingPathComponent("\(base)-\(version)")
        version += 1
    }
    return candidate
}
