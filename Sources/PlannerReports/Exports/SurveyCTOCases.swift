import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// `exports/surveycto-cases.csv`: the scheduled visits as a SurveyCTO cases dataset (case management).
///
/// SurveyCTO's case management reads a server dataset whose first columns are `id` (unique per case), `label`
/// (what Collect shows), `formids` (the forms to fill for the case), `users` (who may see it) and `roles`;
/// further columns are pre-load data the forms can pull. Here `formids` is the unit type (`household` or
/// `enterprise`): deploy the two forms under those IDs, or replace the column. `users` is the enumerator's
/// login and `roles` is left empty. docs/exports.md cites the documentation.
///
/// Like every CSV a manager may open: UTF-8 with a byte order mark, formulas from names neutralised.
enum SurveyCTOCases {
    static let path = "exports/surveycto-cases.csv"

    static let columns: [CSVWriter.Column] = [
        .init("id"), .init("label"), .init("formids"), .init("users"), .init("roles"),
        .init("unit_type", .numeric), .init("district_code"), .init("district_name"), .init("commune_code"),
        .init("commune_name"), .init("zone_id"), .init("address"), .init("visit_date", .numeric),
        .init("visit_order", .numeric), .init("planned_start", .numeric), .init("enumerator_id"),
        .init("enumerator_name"), .init("post_office"),
    ]

    static func data(_ context: FieldworkContext) -> Data {
        let rows = context.visits.map { visit -> [String] in
            let commune = context.communeCode(of: visit)
            let district = context.districtCode(of: visit)
            let type = context.unitType(of: visit).rawValue
            let enumerator = context.enumerator(visit.enumeratorID)
            return [visit.unitID, caseLabel(visit, context), type, InterviewerLogin.login(for: visit.enumeratorID), "",
                    type, district.rawValue, context.districtName(district), commune.rawValue,
                    context.communeName(commune), context.zone(of: visit)?.id.rawValue ?? "",
                    context.address(of: visit), visit.date.description, String(visit.visitOrder), visit.plannedStart,
                    visit.enumeratorID.rawValue, enumerator?.name ?? "", enumerator?.postOffice.rawValue ?? ""]
        }
        return CSVWriter(columns: columns, options: FieldworkContext.csvOptions).data(rows: rows)
    }

    /// What the enumerator reads in the case list: the unit, its commune, and the planned day.
    static func caseLabel(_ visit: VisitAssignment, _ context: FieldworkContext) -> String {
        let label = context.label(of: visit)
        let place = context.siteName(visit.siteID)
        return "\(visit.unitID) · \(label.isEmpty ? place : "\(label), \(place)") · \(context.text.shortDate(visit.date))"
    }
}
