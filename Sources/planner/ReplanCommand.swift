import ArgumentParser
import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerOptimization
import PlannerPipeline
import PlannerReports
import PlannerSampling

/// `planner replan`: a new plan version from an as-of date, after visits failed or enumerators dropped out.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-plan the remaining fieldwork from a date, keeping the history and most of the plan.",
        discussion: """
            Reads PLAN (a folder of `planner plan`, `assign` or `replan`), the visits recorded in --progress \
            (unit_id,date,enumerator_id,status) and the changes of availability, releases reserve units for the \
            units lost, and re-solves the remaining work with GLPK from PLAN, keeping other enumerators' visits \
            where they were. Writes a new plan folder (default: PLAN-replan-<as-of>); PLAN is never modified. \
            Exits 65 on invalid input (every problem located), 3 when the remaining work no longer fits the \
            window (the folder is still written, marked incomplete).
            """
    )

    @Argument(help: "The plan folder to re-plan.")
    var plan: String

    @Option(help: "The first day to re-plan (YYYY-MM-DD); days before it are history.")
    var asOf: String

    @Option(help: "Visits made and their outcomes: unit_id,date,enumerator_id,status.")
    var progress: String?

    @Option(help: "Enumerators unavailable from a date, in the format of unavailability.csv.")
    var unavailable: String?

    @Option(help: "Enumerators who join, in the format of enumerators.csv.")
    var newEnumerators: String?

    @Option(help: "The dataset folder (default: the one recorded in PLAN's manifest).")
    var dataset: String?

    @Option(help: "The plan folder to create (must not exist).")
    var out: String?

    @Option(help: "Objective minutes charged per previous day-trip the new plan drops.")
    var changeCost: Double = 120

    @OptionGroup var fieldwork: FieldworkOptions

    func validate() throws {
        guard CalendarDate(iso8601: asOf) != nil else { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
        guard changeCost >= 0, changeCost.isFinite else { throw ValidationError("--change-cost must be 0 or more") }
    }

    func run() throws {
        let started = Date()
        let asOfDate = CalendarDate(iso8601: asOf)!
        let parent = ParentPlan(path: plan)
        let parentManifest = try parent.manifest()
        let input = DatasetArgument(datasetPath: dataset ?? parentManifest.dataset)
        let display = fieldwork.output.progressDisplay()
        let baseDataset = try input.load(progress: display)
        let inputs = try parent.unchangedInputs(manifest: parentManifest, datasetFolder: input.folder)
        let calendar = baseDataset.settings.calendar
        guard asOfDate >= calendar.firstDay else {
            throw PipelineError.invalidRequest("--as-of must be on or after the first day of the survey, \(calendar.firstDay)")
        }
        if let parentAsOf = parentManifest.replan.flatMap({ CalendarDate(iso8601: $0.asOf) }), asOfDate < parentAsOf {
            throw PipelineError.invalidRequest("--as-of must be on or after the parent plan's as-of date, \(parentAsOf)")
        }

        let state = try display.run("Reading the plan \(plan)") {
            try ParentPlanState(parent: parent, manifest: parentManifest, dataset: baseDataset)
        }
        let changes = try readChanges(dataset: state.dataset)
        let datasetNow = ReplanInput(dataset: state.dataset, sample: [], releaseGroups: [], plannedVisits: [],
                                     history: [], addedUnavailability: changes.unavailability,
                                     addedEnumerators: changes.newEnumerators, asOf: asOfDate).changedDataset
        let history = try readHistory(state: state, dataset: datasetNow, asOf: asOfDate)

        var options = ReplanRequest.solverOptions(for: baseDataset.settings.fieldwork)
        if let timeLimit = fieldwork.timeLimit { options.timeLimitSeconds = timeLimit }
        let replanInput = ReplanInput(
            dataset: state.dataset, sample: state.sample, releaseGroups: state.releaseGroups,
            plannedVisits: state.visits.planned, history: history, previousReleases: state.releases,
            addedUnavailability: changes.unavailability, addedEnumerators: changes.newEnumerators, asOf: asOfDate,
            solverOptions: options, changedTripMinutes: changeCost)
        let outcome = try display.run("Re-planning from \(asOfDate)") {
            try ReplanStage.replan(replanInput, solver: Backend.solver, solveProgress: display.solverSink)
        }
        if let url = fieldwork.exportURL { try exportModel(of: outcome.plan, to: url) }

        let accumulated = AvailabilityChanges(
            newEnumerators: state.availability.newEnumerators + changes.newEnumerators,
            unavailability: state.availability.unavailability + changes.unavailability)
        let content = ReplanContent(
            parentPath: plan, asOf: asOfDate, dataset: outcome.dataset, sample: state.sample, result: outcome.result,
            history: outcome.history, progress: outcome.progress, releases: outcome.releases.releases,
            newReleases: outcome.releases.newReleases, exhausted: outcome.releases.exhausted,
            weights: outcome.weights, droppedEnumerators: outcome.droppedEnumerators, availability: accumulated)
        let sampleFiles = try parent.files(["sample.csv", "allocation.csv", "design-report.md"], manifest: parentManifest)
        let design = try SampleDesignSummary.read(allocationCSV: sampleFiles[1].data, file: "\(plan)/allocation.csv")
        let destination = out.map { planDestination(out: $0, dataset: input.folder, seed: parentManifest.seed) }
            ?? siblingDestination(of: parent.folder, suffix: "replan-\(asOfDate)")
        var manifest = PlanManifest(
            kind: "plan", seed: parentManifest.seed, generator: parentManifest.generator, dataset: input.dataset,
            inputs: inputs, files: [],
            parent: .init(path: plan, manifestSHA256: try parent.manifestDigest()),
            complete: outcome.isComplete, solver: FieldworkStage.manifestRecord(of: outcome.plan),
            run: .init(createdAt: timestampNow(), seconds: 0))
        manifest.replan = PlanManifest.Replan(
            asOf: asOfDate.description, progress: try digests([progress].compactMap { $0 }),
            availability: try digests([unavailable, newEnumerators].compactMap { $0 }),
            newReleases: outcome.releases.newReleases.count, releases: outcome.releases.releases.count,
            changedTripMinutes: changeCost)
        let files = display.run("Rendering the plan's files") {
            let summary = SummaryInput(dataset: outcome.dataset, sample: state.sample, design: design,
                                       manifest: manifest, plan: outcome.plan, language: fieldwork.chosenLanguage)
            return sampleFiles + ReplanFolder.files(content, language: fieldwork.chosenLanguage)
                + [SummaryPage.file(summary)]
        }
        try writePlan(files, manifest: manifest, started: started, to: destination, progress: display)
        if !fieldwork.quiet && !fieldwork.output.json { printSummary(content) }
        try finish(outcome.plan, destination: destination, output: fieldwork.output,
                   report: RunReport(command: "replan", folder: destination, manifest: manifest,
                                     language: fieldwork.chosenLanguage, sample: state.sample, plan: outcome.plan,
                                     files: files.count))
    }

    /// This re-plan's changes of availability, checked against the dataset as the parent left it.
    private func readChanges(dataset: Dataset) throws -> AvailabilityChanges {
        try DatasetReader().readAvailabilityChanges(newEnumerators: newEnumerators.map(localURL),
                                                    unavailability: unavailable.map(localURL), dataset: dataset)
    }

    /// The parent's recorded history and the progress file, merged and checked.
    private func readHistory(state: ParentPlanState, dataset: Dataset, asOf: CalendarDate) throws -> [RecordedVisit] {
        if let late = state.visits.history.last(where: { $0.date >= asOf }) {
            throw PipelineError.invalidInput(
                "\(plan)/assignments.csv: the parent records a visit on \(late.date); expected --as-of after "
                    + "every recorded visit")
        }
        guard let progress else { return state.visits.history }
        let url = localURL(progress)
        guard let data = try? Data(contentsOf: url) else {
            throw PipelineError.invalidInput("\(progress): file: expected a progress file, found no such file")
        }
        let released = Set(state.releases.map(\.reserveUnitID))
        let context = ProgressTable.Context(
            sampleUnitIDs: Set(state.sample.map(\.unitID)),
            planUnitIDs: Set(state.sample.filter { $0.role == .main || released.contains($0.unitID) }.map(\.unitID)),
            enumeratorIDs: Set(dataset.enumerators.map(\.id)), calendar: dataset.settings.calendar, asOf: asOf,
            recorded: state.visits.history)
        return try ProgressTable.read(data, file: progress, context: context)
    }

    private func digests(_ paths: [String]) throws -> [PlanManifest.InputFile] {
        try paths.map { PlanManifest.InputFile(path: $0, sha256: SHA256.hexDigest(try Data(contentsOf: localURL($0)))) }
    }

    private func printSummary(_ content: ReplanContent) {
        let changes = content.result.changes
        let share = content.movedShareOfOthers.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        print("Re-plan from \(content.asOf): \(content.history.count) visits recorded, "
              + "\(content.newReleases.count) reserve units released"
              + (content.exhausted.isEmpty ? "" : " (\(content.exhausted.count) lost units have no reserve left)")
              + "; \(content.plan.totals.units) units to visit")
        print("Changes: \(changes.count(.kept)) visits kept, \(changes.count(.moved)) moved, "
              + "\(changes.count(.added)) added, \(changes.count(.removed)) removed; "
              + "\(share) of the other enumerators' remaining visits moved")
        let moved = changes.enumerators.filter { $0.moved > 0 || $0.removed > 0 }
        if !moved.isEmpty {
            print("Moved per enumerator: " + moved.map { "\($0.enumeratorID) \($0.moved + $0.removed)/\($0.previousVisits)" }
                .joined(separator: ", "))
        }
    }
}

/// A path as typed, relative to the working directory.
func localURL(_ path: String) -> URL {
    URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath,
                                               isDirectory: true))
}
