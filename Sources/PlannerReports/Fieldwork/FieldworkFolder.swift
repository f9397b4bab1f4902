import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// The files a fieldwork plan adds to a plan folder: `fieldwork.json` (the plan itself), assignments, route sheets, post-office summaries, visit
/// notices, the fieldwork report, the GeoJSON of routes and the hand-over exports (docs/plan-files.md lists every
/// file and column). `summary.html` is added by the commands (`SummaryPage`), since it also needs the manifest.
///
/// A pure function of its inputs: the same plan, sample, dataset and language give the same bytes, so two plan
/// folders can be compared file by file.
public enum FieldworkFolder {
    /// Every fieldwork file of a plan folder, paths relative to the folder, sorted by path.
    ///
    /// - Parameters:
    ///   - plan: the planner's result; `plan.visits` schedule the main units.
    ///   - sample: the main and reserve units (roles, ranks, strata, communes), for labels and reserve lists.
    ///   - dataset: names of communes, zones, enterprises and enumerators; the survey's contact line.
    ///   - language: of the texts people read; identifiers and CSV column names do not change.
    ///   - edition: the plan's name, version and as-of date for the route sheets (`SheetEdition(manifest:)`).
    public static func files(plan: FieldworkPlan, sample: [SampledUnit], dataset: Dataset,
                             language: Language = .vietnamese, edition: SheetEdition? = nil) -> [PlanFolder.File] {
        files(FieldworkContext(plan: plan, sample: sample, dataset: dataset, language: language, edition: edition))
    }

    static func files(_ context: FieldworkContext) -> [PlanFolder.File] {
        let plan = context.plan
        var files: [PlanFolder.File] = [
            .init(PlanFile.fieldwork, FieldworkRecord(plan: plan).jsonData()),
            .init(PlanFile.assignments, AssignmentTables.assignmentsCSV(context)),
            .init(PlanFile.fieldworkReport, Data(FieldworkReport.markdown(context).utf8)),
            .init(PlanFile.reserveHolders, ReserveHolders.csv(context)),
        ]
        if !plan.isComplete {
            files.append(.init(PlanFile.unscheduled, AssignmentTables.unscheduledCSV(context)))
        }
        files += RouteSheets.files(context)
        files += PostOfficeSummaries.files(context)
        files += DailyBundles.files(context)
        files += VisitNotices.files(context)
        files += [.init(RoutesGeoJSON.fileName, RoutesGeoJSON.data(context)),
                  .init(SurveySolutionsAssignments.path, SurveySolutionsAssignments.data(context)),
                  .init(SurveyCTOCases.path, SurveyCTOCases.data(context))]
        return files.sorted { $0.path < $1.path }
    }
}
