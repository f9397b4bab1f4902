import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// The files a re-plan adds to, or changes in, a plan folder (docs/replanning.md lists every column).
///
/// A pure function of its content: the same inputs give the same bytes.
public enum ReplanFolder {
    /// The fieldwork files (with the history in `assignments.csv`), `releases.csv`, `weights.csv`,
    /// `changes.csv`, `visit-changes.csv`, `replan-report.md` and the accumulated changes of availability
    /// under `availability/`; sorted by path. The sample files are the parent's and are not included.
    /// `edition` names the plan and version on the route sheets and marks the visits added or moved.
    public static func files(_ content: ReplanContent, language: Language,
                             edition: SheetEdition? = nil) -> [PlanFolder.File] {
        var files = FieldworkFolder.files(plan: content.plan, sample: content.sample, dataset: content.dataset,
                                          language: language, history: content.history, edition: edition)
        files += [
            .init(PlanFile.releases, ReleaseTable.csv(content.releases)),
            .init(PlanFile.weights, weightsCSV(content.weights)),
            .init(PlanFile.changes, changesCSV(content.result.changes)),
            .init(PlanFile.visitChanges, visitChangesCSV(content.result.changes)),
            .init(PlanFile.replanReport, Data(ReplanReport.markdown(content, language: language).utf8)),
        ]
        if !content.availability.newEnumerators.isEmpty {
            files.append(.init(PlanFile.newEnumerators, AvailabilityTables.enumeratorsCSV(content.availability.newEnumerators)))
        }
        if !content.availability.unavailability.isEmpty {
            files.append(.init(PlanFile.unavailability, AvailabilityTables.unavailabilityCSV(content.availability.unavailability)))
        }
        return files.sorted { $0.path < $1.path }
    }

    static let weightColumns: [CSVWriter.Column] = [
        .init("release_group"), .init("unit_id"), .init("role", .numeric), .init("reserve_rank", .numeric),
        .init("state"), .init("inclusion_probability", .numeric), .init("design_weight", .numeric),
        .init("nonresponse_adjustment", .numeric), .init("final_weight", .numeric),
    ]

    static func weightsCSV(_ weights: [ReplanWeight]) -> Data {
        let rows = weights.map { weight -> [String] in
            [weight.groupID, weight.unitID, weight.role.rawValue, weight.reserveRank.map(String.init) ?? "", weight.state,
             SampleTables.number(weight.inclusionProbability), SampleTables.number(weight.designWeight),
             weight.nonresponseAdjustment.map(SampleTables.number) ?? "", weight.finalWeight.map(SampleTables.number) ?? ""]
        }
        return CSVWriter(columns: weightColumns, options: PlanFile.csvOptions).data(rows: rows)
    }

    static let changeColumns: [CSVWriter.Column] = [
        .init("enumerator_id"), .init("date", .numeric), .init("previous_visits", .numeric),
        .init("new_visits", .numeric), .init("kept", .numeric), .init("added", .numeric), .init("removed", .numeric),
        .init("moved_in", .numeric), .init("moved_out", .numeric),
    ]

    /// One row per enumerator-day of either plan from the as-of date, by enumerator and date.
    static func changesCSV(_ changes: PlanChanges) -> Data {
        let rows = changes.days.map { day -> [String] in
            [day.enumeratorID.rawValue, day.date.description, String(day.previousVisits), String(day.newVisits),
             String(day.kept), String(day.added), String(day.removed), String(day.movedIn), String(day.movedOut)]
        }
        return CSVWriter(columns: changeColumns, options: PlanFile.csvOptions).data(rows: rows)
    }

    static let visitChangeColumns: [CSVWriter.Column] = [
        .init("unit_id"), .init("change"), .init("previous_enumerator_id"), .init("previous_date", .numeric),
        .init("new_enumerator_id"), .init("new_date", .numeric),
    ]

    /// One row per unit whose visit changed (kept visits are left out), by unit ID.
    static func visitChangesCSV(_ changes: PlanChanges) -> Data {
        let rows = changes.visits.filter { $0.kind != .kept }.map { change -> [String] in
            [change.unitID, change.kind.rawValue, change.previousEnumeratorID?.rawValue ?? "",
             change.previousDate?.description ?? "", change.newEnumeratorID?.rawValue ?? "",
             change.newDate?.description ?? ""]
        }
        return CSVWriter(columns: visitChangeColumns, options: PlanFile.csvOptions).data(rows: rows)
    }
}
