import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerOptimization
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// `planner replan`: a new plan version from an as-of date, after visits failed or enumerators dropped out
/// (docs/replanning.md). Reads the parent folder, the progress file and the changes of availability, re-plans
/// with `ReplanStage`, and writes a new folder beside the parent; the parent is never modified.
public struct ReplanJob: Sendable {
    /// The plan folder to re-plan (of `plan`, `assign` or `replan`).
    public var plan: TypedPath
    /// The first day to re-plan; days before it are history.
    public var asOf: CalendarDate
    /// Visits made and their outcomes (`unit_id,date,enumerator_id,status`): one file per post office, or one
    /// for all, merged (`ProgressTable.read(_:context:)`).
    public var progressFiles: [TypedPath]
    /// What planned visits before the as-of date with no recorded outcome were; nil: they stop the re-plan.
    public var unrecorded: UnrecordedVisits.Handling?
    /// Enumerators unavailable from a date, in the format of `unavailability.csv`.
    public var unavailable: TypedPath?
    /// Enumerators who join, in the format of `enumerators.csv`.
    public var newEnumerators: TypedPath?
    /// nil: the dataset the plan's manifest records, relative to `workingDirectory`.
    public var dataset: TypedPath?
    public var workingDirectory: URL
    /// The folder to create; nil: `<plan>-replan-<as-of>` beside the plan.
    public var out: URL?
    /// Objective minutes charged per previous day-trip the new plan drops.
    public var changedTripMinutes: Double
    public var language: Language
    public var fieldwork: FieldworkJobOptions

    public init(plan: TypedPath, asOf: CalendarDate, progressFiles: [TypedPath] = [],
                unrecorded: UnrecordedVisits.Handling? = nil, unavailable: TypedPath? = nil,
                newEnumerators: TypedPath? = nil, dataset: TypedPath? = nil, workingDirectory: URL, out: URL? = nil,
                changedTripMinutes: Double = 120, language: Language = .vietnamese,
                fieldwork: FieldworkJobOptions = .init()) {
        self.plan = plan
        self.asOf = asOf
        self.progressFiles = progressFiles
        self.unrecorded = unrecorded
        self.unavailable = unavailable
        self.newEnumerators = newEnumerators
        self.dataset = dataset
        self.workingDirectory = workingDirectory
        self.out = out
        self.changedTripMinutes = changedTripMinutes
        self.language = language
        self.fieldwork = fieldwork
    }

    /// - Returns: the folder written, with `replan` set; `isComplete` is false when the remaining work no longer
    ///   fits the window (the folder is written all the same, marked incomplete).
    public func run(solver: some MIPSolver, progress: any PipelineProgress = SilentProgress()) throws -> WrittenPlan {
        let writer = PlanWriter()
        let signingKey = try fieldwork.readSigningKey()
        let (parent, location) = try ParentPlan.open(plan, dataset: dataset, workingDirectory: workingDirectory, out: out)
        // The window is checked from survey.toml alone, before any work: a date outside it is a bad argument.
        let settingsFile = location.url.appendingPathComponent("survey.toml")
        if let data = try? Data(contentsOf: settingsFile),
           let settings = try? SurveySettingsReader().read(data, file: settingsFile.path) {
            try checkAsOf(calendar: settings.calendar, parent: parent.manifest)
        }
        let base = try DatasetStep.read(location, progress: progress)
        try checkAsOf(calendar: base.settings.calendar, parent: parent.manifest)
        let (inputs, availabilityChanged) = try parent.checkedInputs(datasetFolder: location.url,
                                                                     datasetPath: location.path,
                                                                     allowingAvailability: true)
        let state = try progress.step("Reading the plan \(plan.path)") { try ParentPlanState(parent: parent, dataset: base) }
        let changes = try DatasetReader().readAvailabilityChanges(newEnumerators: newEnumerators?.url,
                                                                  unavailability: unavailable?.url, dataset: state.dataset)
        let reading = try readHistory(state: state, dataset: changes.applied(to: state.dataset))
        let history = reading.visits
        let unrecordedVisits = UnrecordedVisits(planned: state.visits.planned, history: history, asOf: asOf,
                                                maxAttempts: base.settings.fieldwork.maxAttempts, handling: unrecorded)
        if !unrecordedVisits.isEmpty && unrecorded == nil {
            throw PipelineError.invalidInput(unrecordedVisits.refusal(asOf: asOf))
        }

        let datasetLeave = Self.datasetLeave(base, planned: state.visits.planned,
                                             availabilityChanged: availabilityChanged)

        var options = ReplanRequest.solverOptions(for: base.settings.fieldwork)
        if let timeLimit = fieldwork.timeLimitSeconds { options.timeLimitSeconds = timeLimit }
        var input = ReplanInput(
            dataset: state.dataset, sample: state.sample, releaseGroups: state.releaseGroups,
            plannedVisits: state.visits.planned, history: history, previousReleases: state.releases,
            addedUnavailability: changes.unavailability, addedEnumerators: changes.newEnumerators, asOf: asOf,
            solverOptions: options, changedTripMinutes: changedTripMinutes)
        input.datasetUnavailability = datasetLeave ?? []
        input.reservesUsedInField = reading.reserveUses.map { .init(reserveUnitID: $0.unitID, date: $0.date) }
        let outcome = try progress.step("Re-planning from \(asOf)") {
            try ReplanStage.replan(input, solver: solver, solveProgress: { progress.solving($0) })
        }
        try fieldwork.export(outcome.plan)
        for release in outcome.releases.newReleases where release.origin == .outOfOrder {
            let place = reading.reserveUses.first { $0.unitID == release.reserveUnitID }?.place ?? ""
            progress.warning("\(place): reserve unit \(release.reserveUnitID) (rank \(release.rank) of \(release.groupID)) "
                                + "was used in the field before a lower rank of its group was released: accepted and "
                                + "logged in releases.csv as out-of-order; reserves must be used in rank order")
        }

        var content = ReplanContent(
            parentPath: plan.path, asOf: asOf, dataset: outcome.dataset, sample: state.sample, result: outcome.result,
            history: outcome.history, progress: outcome.progress, releases: outcome.releases.releases,
            newReleases: outcome.releases.newReleases, exhausted: outcome.releases.exhausted,
            weights: outcome.weights, droppedEnumerators: outcome.droppedEnumerators,
            availability: state.availability + changes, progressFiles: reading.files,
            unrecorded: unrecordedVisits.isEmpty ? nil : unrecordedVisits, datasetLeave: datasetLeave)
        // Which sheets differ from the parent's, so that post offices reprint only those and take back the ones
        // that no longer exist; the parent's reserve lists are read from its folder, checked by its manifest.
        let parentReserveHolders = parent.records(PlanFile.reserveHolders)
            ? try parent.files([PlanFile.reserveHolders])[0].data : nil
        content.sheetChanges = ReplanFolder.sheetChanges(content, previousVisits: state.visits.planned,
                                                         previousReserveHolders: parentReserveHolders)
        let (sampleFiles, design) = try parent.sampleFiles()
        let replan = PlanManifest.Replan(
            asOf: asOf.description, progress: try digests(progressFiles),
            availability: try digests([unavailable, newEnumerators]),
            newReleases: outcome.releases.newReleases.count, releases: outcome.releases.releases.count,
            changedTripMinutes: changedTripMinutes, version: SheetEdition.nextVersion(after: parent.manifest),
            figures: PlanManifest.ReplanFigures(
                previousTrips: outcome.result.previousTrips, previousTripsKept: outcome.result.previousTripsKept,
                progressFiles: reading.files.map(PlanManifest.ProgressFileCount.init),
                unrecorded: unrecordedVisits.isEmpty ? nil : unrecorded?.rawValue))
        let manifest = writer.manifest(kind: .plan, seed: parent.manifest.seed, dataset: location.path,
                                       inputs: inputs, language: language, generator: parent.manifest.generator,
                                       parent: try parent.parentRecord(), fieldwork: outcome.plan, replan: replan)
        let files = progress.step("Rendering the plan's files") {
            let summary = SummaryInput(dataset: outcome.dataset, sample: state.sample, design: design,
                                       manifest: manifest, plan: outcome.plan, language: language)
            var edition = SheetEdition(manifest: manifest, changes: outcome.result.changes)
            edition.sheetChanges = content.sheetChanges
            return sampleFiles + ReplanFolder.files(content, language: language, edition: edition)
                + [SummaryPage.file(summary, extraSections: ReplanDashboard.sections(content, language: language))]
        }
        let destination = PlanDestination.beside(parent.folder, suffix: "replan-\(asOf)", out: out)
        let (folder, written) = try writer.write(files, manifest: manifest, to: destination,
                                                 signingKey: signingKey, progress: progress)
        return WrittenPlan(folder: folder, manifest: written, fileCount: files.count, sample: state.sample,
                           fieldwork: outcome.plan, replan: content)
    }

    /// Leave added to the dataset's `unavailability.csv` since the parent plan (`availabilityChanged`): the
    /// spans the parent plan could not have been made with, as they cover visits it planned; nil when the file
    /// is unchanged. The one statement of this rule for the re-plan and for `verify`, which renders its report.
    static func datasetLeave(_ base: Dataset, planned: [VisitAssignment],
                             availabilityChanged: Bool) -> [Unavailability]? {
        guard availabilityChanged else { return nil }
        return base.unavailability.filter { span in
            planned.contains { $0.enumeratorID == span.enumeratorID && span.covers($0.date) }
        }
    }

    /// The as-of date must fall in the survey window (after it nothing is left to plan) and not before the
    /// parent's own as-of date.
    private func checkAsOf(calendar: SurveyCalendar, parent: PlanManifest) throws {
        guard calendar.contains(asOf) else {
            throw PipelineError.invalidRequest(
                "--as-of must be a day of the survey window \(calendar.firstDay)…\(calendar.lastDay), found \(asOf)")
        }
        if let parentAsOf = parent.replan.flatMap({ CalendarDate(iso8601: $0.asOf) }), asOf < parentAsOf {
            throw PipelineError.invalidRequest("--as-of must be on or after the parent plan's as-of date, \(parentAsOf)")
        }
    }

    /// The parent's recorded history and the progress files, merged and checked.
    private func readHistory(state: ParentPlanState, dataset: Dataset) throws -> ProgressReading {
        if let late = state.visits.history.last(where: { $0.date >= asOf }) {
            throw PipelineError.invalidInput(
                "\(plan.path)/assignments.csv: the parent records a visit on \(late.date); expected --as-of after "
                    + "every recorded visit")
        }
        let sources = try progressFiles.map { file in
            let data: Data
            do {
                data = try InputFile.read(file.url)
            } catch {
                throw PipelineError.invalidInput("\(file.path): file: expected a progress file, found \(error)")
            }
            return ProgressTable.Source(file: file.path, data: data)
        }
        let context = ProgressTable.Context(
            sampleUnitIDs: Set(state.sample.map(\.unitID)),
            planUnitIDs: Set(SampledUnit.planUnits(of: state.sample, releases: state.releases).map(\.unitID)),
            enumeratorIDs: Set(dataset.enumerators.map(\.id)), calendar: dataset.settings.calendar, asOf: asOf,
            recorded: state.visits.history)
        return try ProgressTable.read(sources, context: context)
    }

    /// The manifest's record of files this re-plan read: each path as given and its SHA-256.
    private func digests(_ files: [TypedPath?]) throws -> [PlanManifest.InputFile] {
        try files.compactMap { $0 }.map {
            PlanManifest.InputFile(path: $0.path, sha256: SHA256.hexDigest(try Data(contentsOf: $0.url)))
        }
    }
}
