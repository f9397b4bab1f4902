import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

extension PlanVerifier {
    /// What a re-plan's own reports (`changes.csv`, `visit-changes.csv`, `weights.csv`, `replan-report.md` and the
    /// dashboard of `summary.html`) are rendered from, gathered again as `planner replan` gathered it: the parent's
    /// planned visits, releases and changes of availability (read from the parent folder, checked by its manifest),
    /// the folder's `releases.csv` and `availability/`, the release groups of the sample designed again from the
    /// seed, and the figures the manifest's `replan.figures` records (the day-trips kept, the progress
    /// files' rows, `--unrecorded`). With `fieldwork.json` and `sample.csv` it is the re-plan's `ReplanContent`,
    /// which `ReplanFolder` and `ReplanDashboard` render: the very writers of the re-plan.
    struct ReplanReportSources {
        var parentPath: String
        var asOf: CalendarDate
        /// The parent's planned visits (not its history).
        var parentPlanned: [VisitAssignment]
        /// The parent's `reserve-holders.csv`; nil in a parent written before it existed.
        var parentReserveHolders: Data?
        var releases: [ReserveRelease]
        var newReleases: [ReserveRelease]
        var releaseGroups: [ReleaseGroup]
        var droppedEnumerators: [EnumeratorID]
        var datasetLeave: [Unavailability]?
        var availability: AvailabilityChanges
        var maxAttempts: Int
        /// nil in a folder written before they were recorded: `replan-report.md` and the dashboard cannot be
        /// rendered, the CSV reports can.
        var figures: PlanManifest.ReplanFigures?

        /// The re-plan's content with the plan and history of `fieldwork.json`.
        func content(record: FieldworkRecord, sample: [SampledUnit], dataset: Dataset) -> ReplanContent {
            let plan = record.plan
            let history = record.history
            let planUnits = SampledUnit.planUnits(of: sample, releases: releases)
            let progress = UnitProgress.progress(of: planUnits, history: history, maxAttempts: maxAttempts)
                .sorted { $0.unitID < $1.unitID }
            // The release policy leaves a lost unit unreplaced only when its group has no reserve left; it takes
            // lost units by date, then unit ID.
            let replaced = Set(releases.map(\.replacedUnitID))
            let exhausted = progress.compactMap { unit -> (CalendarDate, String)? in
                guard case let .nonresponse(_, date) = unit.state, !replaced.contains(unit.unitID) else { return nil }
                return (date, unit.unitID)
            }.sorted { $0 < $1 }.map(\.1)
            let weights = ReplanWeight.weights(groups: releaseGroups, releases: releases,
                                               states: Dictionary(progress.map { ($0.unitID, $0.stateName) },
                                                                  uniquingKeysWith: { first, _ in first }))
            let result = ReplanResult(plan: plan,
                                      changes: PlanChanges(previous: parentPlanned.filter { $0.date >= asOf },
                                                           new: plan.visits),
                                      previousTripsKept: figures?.previousTripsKept ?? 0,
                                      previousTrips: figures?.previousTrips ?? 0)
            let unrecorded = UnrecordedVisits(planned: parentPlanned, history: history, asOf: asOf,
                                              maxAttempts: maxAttempts,
                                              handling: figures?.unrecorded.flatMap(UnrecordedVisits.Handling.init))
            var content = ReplanContent(
                parentPath: parentPath, asOf: asOf, dataset: dataset, sample: sample, result: result, history: history,
                progress: progress, releases: releases, newReleases: newReleases, exhausted: exhausted,
                weights: weights, droppedEnumerators: droppedEnumerators, availability: availability,
                progressFiles: figures?.progressFiles.map(\.count) ?? [],
                unrecorded: unrecorded.isEmpty ? nil : unrecorded, datasetLeave: datasetLeave)
            // Compared again with the parent, as `planner replan` compared them: the record's are checked against these.
            content.sheetChanges = ReplanFolder.sheetChanges(content, previousVisits: parentPlanned,
                                                             previousReserveHolders: parentReserveHolders)
            return content
        }
    }

    /// The sources of a re-plan's reports; nil (the reports then checked by presence and digest only) when the
    /// parent was not found or one of its files or the folder's cannot be read, which the history and format
    /// checks report.
    func replanReportSources(parent: ParentState?, files: [String: Data], dataset: Dataset,
                             replanned: ReplannedFolder?, _ findings: inout [PlanFinding]) -> ReplanReportSources? {
        guard let replan = manifest.replan, let record = manifest.parent, let replanned,
              let parentManifest = parent?.manifest, let parentFolder = parent?.folder,
              parent?.hasAssignments == true else { return nil }
        // The history check reads the same parent files and reports those missing or changed.
        var reported: [PlanFinding] = []
        let parentFiles = ParentFiles(manifest: parentManifest, folder: parentFolder)
        guard let assignments = parentFiles.data(PlanFile.assignments, &reported),
              let parentVisits = try? PlanVisitsTable.readVisits(assignments, file: PlanFile.assignments),
              let releasesData = files[PlanFile.releases] else { return nil }
        let releases: [ReserveRelease]
        do {
            releases = try ReleaseTable.read(releasesData, file: PlanFile.releases)
        } catch {
            findings += error.problems.map { PlanFinding(.format, PlanFile.releases, line: $0.line, $0.description) }
            return nil
        }
        let parentPaths = Set(parentManifest.files.map(\.path))
        var parentReleases: [ReserveRelease] = []
        if parentPaths.contains(PlanFile.releases) {
            guard let data = parentFiles.data(PlanFile.releases, &reported),
                  let read = try? ReleaseTable.read(data, file: PlanFile.releases) else { return nil }
            parentReleases = read
        }
        var parentReserveHolders: Data?
        if parentPaths.contains(PlanFile.reserveHolders) {
            guard let data = parentFiles.data(PlanFile.reserveHolders, &reported) else { return nil }
            parentReserveHolders = data
        }
        guard let parentAvailability = try? AvailabilityTables.read(
            folder: parentFolder, present: { parentPaths.contains($0) }, dataset: dataset) else { return nil }

        let releaseGroups: [ReleaseGroup]
        do {
            let design = try SampleDesigner.design(dataset: dataset, seed: manifest.seed)
            releaseGroups = design.households.releaseGroups + design.enterprises.releaseGroups
        } catch {
            findings.append(PlanFinding(.derived, PlanFile.weights, "cannot be rendered again: the sample cannot be "
                                        + "designed again from the dataset and the seed \(manifest.seed) (\(error))"))
            return nil
        }

        // The dataset's unavailability.csv changed since the parent when the two manifests record it differently.
        let datasetFile = "unavailability.csv"
        let availabilityChanged = parentManifest.inputs.first { $0.path == datasetFile }?.sha256
            != manifest.inputs.first { $0.path == datasetFile }?.sha256
        let datasetLeave = ReplanJob.datasetLeave(dataset, planned: parentVisits.planned,
                                                  availabilityChanged: availabilityChanged)
        // This re-plan's spans: the folder's, less the parents' it carries forward.
        var inherited = parentAvailability.unavailability
        let added = replanned.changes.unavailability.filter { span in
            guard let index = inherited.firstIndex(of: span) else { return true }
            inherited.remove(at: index)
            return false
        }
        var dropping = ReplanInput(dataset: dataset, sample: [], releaseGroups: [], plannedVisits: [], history: [],
                                   addedUnavailability: added, asOf: replanned.asOf)
        dropping.datasetUnavailability = datasetLeave ?? []

        if let unrecorded = replan.figures?.unrecorded, UnrecordedVisits.Handling(rawValue: unrecorded) == nil {
            findings.append(PlanFinding(.format, PlanFolder.manifestName, "replan.figures.unrecorded: expected "
                                        + "not-visited or postpone, found \(InputProblem.quoted(unrecorded))"))
        }
        let released = Set(parentReleases.map(\.reserveUnitID))
        return ReplanReportSources(
            parentPath: record.path, asOf: replanned.asOf, parentPlanned: parentVisits.planned,
            parentReserveHolders: parentReserveHolders, releases: releases,
            newReleases: releases.filter { !released.contains($0.reserveUnitID) }, releaseGroups: releaseGroups,
            droppedEnumerators: dropping.droppedEnumerators, datasetLeave: datasetLeave,
            availability: replanned.changes, maxAttempts: dataset.settings.fieldwork.maxAttempts,
            figures: replan.figures)
    }
}
