import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

extension FieldworkFolder {
    /// The fieldwork files of a re-planned plan: those of `files(plan:sample:dataset:language:)` for the new
    /// visits, with `assignments.csv` also holding the recorded history and a `status` column (the outcome
    /// for a recorded visit, `planned` for a new one). Reserves already released (visited in the history or
    /// scheduled now) are left off the route sheets' reserve lists, so that a sheet only offers unused ones. The
    /// post-office summaries show the recorded days before the planned ones.
    public static func files(plan: FieldworkPlan, sample: [SampledUnit], dataset: Dataset, language: Language,
                             history: [RecordedVisit], edition: SheetEdition? = nil) -> [PlanFolder.File] {
        let context = FieldworkContext(plan: plan, sample: sample, dataset: dataset, language: language,
                                       releasedUnitIDs: Set(history.map(\.unitID)), edition: edition,
                                       history: history)
        return files(context).map { file in
            switch file.path {
            case PlanFile.assignments:
                return PlanFolder.File(file.path, AssignmentTables.assignmentsCSV(context, history: history))
            case PlanFile.fieldwork:
                let marks = (edition?.marks ?? [:]).mapValues(\.rawValue)
                let sheets = edition?.sheetChanges.map(SheetChange.record)
                return PlanFolder.File(file.path, FieldworkRecord(plan: plan, history: history, marks: marks,
                                                                  sheets: sheets).jsonData())
            default:
                return file
            }
        }
    }
}

extension AssignmentTables {
    /// `assignments.csv` with a `status` column: recorded visits first (by date, enumerator, unit; no order,
    /// time or minutes), then the planned ones.
    static func assignmentsCSV(_ context: FieldworkContext, history: [RecordedVisit]) -> Data {
        let columns = PlanVisitsTable.columns + [PlanVisitsTable.statusColumn]
        let recorded = history.sorted(by: RecordedVisit.historyOrder).map { visit -> [String] in
            let unit = context.sampled(visit.unitID)
            let type = unit?.unitType ?? .household
            let zone = unit?.zoneID.flatMap { context.zone($0) }.flatMap { $0.status == .operating ? $0.id.rawValue : nil }
            return [visit.unitID, visit.enumeratorID.rawValue, visit.date.description, "", "", "", "", type.rawValue,
                    unit?.districtCode.rawValue ?? "", unit?.communeCode.rawValue ?? "", zone ?? "",
                    context.labels.label(unitID: visit.unitID, type: type), visit.status.rawValue]
        }
        let planned = context.visits.map { visit -> [String] in
            [visit.unitID, visit.enumeratorID.rawValue, visit.date.description, String(visit.visitOrder),
             visit.plannedStart, FieldworkContext.decimal(visit.travelMinutes), String(visit.interviewMinutes),
             context.unitType(of: visit).rawValue, context.districtCode(of: visit).rawValue,
             context.communeCode(of: visit).rawValue, context.zone(of: visit)?.id.rawValue ?? "",
             context.label(of: visit), PlanVisitsTable.plannedStatus]
        }
        return CSVWriter(columns: columns, options: PlanFile.csvOptions).data(rows: recorded + planned)
    }
}
