import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// `assignments.csv` (every scheduled visit) and `unscheduled.csv` (the units an incomplete plan misses).
enum AssignmentTables {
    /// One row per scheduled visit, by date, enumerator and visit order.
    static func assignmentsCSV(_ context: FieldworkContext) -> Data {
        let rows = context.visits.map { visit -> [String] in
            [visit.unitID, visit.enumeratorID.rawValue, visit.date.description, String(visit.visitOrder),
             visit.plannedStart, FieldworkContext.decimal(visit.travelMinutes), String(visit.interviewMinutes),
             context.unitType(of: visit).rawValue, context.districtCode(of: visit).rawValue,
             context.communeCode(of: visit).rawValue, context.zone(of: visit)?.id.rawValue ?? "",
             context.label(of: visit)]
        }
        return CSVWriter(columns: PlanVisitsTable.columns, options: PlanFile.csvOptions).data(rows: rows)
    }

    /// One row per unit no day-trip reached, in ID order, with the diagnosis' reason for its district and work.
    static func unscheduledCSV(_ context: FieldworkContext) -> Data {
        let rows = unscheduledUnits(context).map { missed -> [String] in
            [missed.unitID, missed.unitType?.rawValue ?? "", missed.districtCode?.rawValue ?? "",
             missed.districtCode.map(context.districtName) ?? "", missed.communeCode?.rawValue ?? "",
             missed.communeCode.map(context.communeName) ?? "", missed.label, missed.reason]
        }
        return CSVWriter(columns: PlanFile.unscheduledColumns, options: PlanFile.csvOptions).data(rows: rows)
    }

    /// A unit left out of the plan, as far as the sample describes it.
    struct MissedUnit {
        var unitID: String
        var unitType: UnitType?
        var districtCode: DistrictCode?
        var communeCode: CommuneCode?
        var label: String
        var reason: String
    }

    static func unscheduledUnits(_ context: FieldworkContext) -> [MissedUnit] {
        let text = context.text
        return context.plan.unscheduledUnitIDs.sorted().map { unitID in
            guard let unit = context.sampled(unitID) else {
                return MissedUnit(unitID: unitID, label: "", reason: text.reasonUnknown)
            }
            let skill: Skill = unit.unitType == .household ? .household : .enterprise
            // The diagnosis counts a zone enterprise in the zone's district.
            let district = unit.zoneID.flatMap { context.zone($0) }.map { $0.status == .operating ? $0.districtCode
                                                                                                  : unit.districtCode }
                ?? unit.districtCode
            let gap = context.plan.diagnosis?.gaps.first { $0.skill == skill && $0.districtCode == district }
            let districtName = "\(context.districtName(district)) (\(district.rawValue))"
            let reason: String
            if let gap {
                reason = gap.eligibleEnumerators.isEmpty
                    ? text.reasonNobodyEligible(text.work(skill), districtName)
                    : text.reasonLacking(text.work(skill), districtName, gap.lackingEnumeratorDays)
            } else {
                reason = text.reasonUnknown
            }
            return MissedUnit(unitID: unitID, unitType: unit.unitType, districtCode: unit.districtCode,
                              communeCode: unit.communeCode, label: context.labels.label(of: unit), reason: reason)
        }
    }
}
