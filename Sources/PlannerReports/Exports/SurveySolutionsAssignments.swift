import Foundation
import PlannerCore
import PlannerFieldwork

/// `exports/survey-solutions-assignments.tab`: the scheduled visits as a Survey Solutions assignments upload.
///
/// Survey Solutions' Headquarters creates one assignment per row of a tab-delimited file whose columns are the
/// questionnaire's identifying questions (by variable name), plus `_responsible` (the login of the interviewer
/// or supervisor who receives the assignment) and `_quantity` (interviews per assignment; 1 here, one visit per
/// unit). A `_responsible` column, if present, must be filled on every row, so only scheduled visits are
/// written. docs/exports.md cites the documentation and lists the identifying questions the file expects.
///
/// Plain UTF-8 without a byte order mark (a BOM would become part of the first column's name), LF line ends,
/// rows in `assignments.csv` order; tabs and line breaks inside values become spaces, and a value holding a
/// double quote is quoted with the quote doubled, so that a tab-separated reader following RFC 4180's quoting
/// reads it back unchanged.
enum SurveySolutionsAssignments {
    static let path = "exports/survey-solutions-assignments.tab"

    static let columns = ["unit_id", "unit_type", "district_code", "commune_code", "zone_id", "label", "visit_date",
                          "visit_order", "planned_start", "enumerator_id", "_responsible", "_quantity"]

    static func data(_ context: FieldworkContext) -> Data {
        var lines = [columns.joined(separator: "\t")]
        for visit in context.visits {
            let values = [visit.unitID, context.unitType(of: visit).rawValue, context.districtCode(of: visit).rawValue,
                          context.communeCode(of: visit).rawValue, context.zone(of: visit)?.id.rawValue ?? "",
                          context.label(of: visit), visit.date.description, String(visit.visitOrder),
                          visit.plannedStart, visit.enumeratorID.rawValue,
                          InterviewerLogin.login(for: visit.enumeratorID), "1"]
            lines.append(values.map(field).joined(separator: "\t"))
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A value that cannot break the row or the column structure.
    static func field(_ value: String) -> String {
        var flat = ""
        for character in value {
            flat.append(character == "\t" || character.isNewline ? " " : character)
        }
        guard flat.contains("\"") else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
