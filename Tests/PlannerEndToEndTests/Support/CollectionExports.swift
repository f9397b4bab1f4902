import Foundation
import PlannerTestSupport

/// What Survey Solutions and SurveyCTO would export after the enumerators made the visits of a plan: built from
/// the plan's own hand-over file (`exports/survey-solutions-assignments.tab`), in the published formats
/// (docs/exports.md), for the tests of `planner progress import` and the field loop.
enum CollectionExports {
    /// One visit made: an assignment row of the plan's export, when it was handed in and with which outcome.
    struct Visit {
        var assignment: [String: String]
        /// `YYYY-MM-DD` in the survey's time (the export writes UTC: 02:00 UTC is 09:00 in Viet Nam).
        var date: String
        /// `visit_outcome` code, 1 completed … 6 postponed.
        var outcome: Int
        /// The login of whoever handed it in; nil: the assignment's `_responsible`.
        var login: String? = nil

        var unitID: String { assignment["unit_id"]! }
    }

    /// The rows of the plan's Survey Solutions assignments file.
    static func assignments(plan: URL) throws -> [[String: String]] {
        let text = String(decoding: try Data(contentsOf: plan.appendingPathComponent("exports/survey-solutions-assignments.tab")),
                          as: UTF8.self)
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// The export zip of a questionnaire `households` whose assignments were uploaded from the plan's file: its
    /// main file with every identifying variable, `visit_outcome` and the system variables, and
    /// `interview__actions.tab` with each interview created, assigned and completed.
    static func surveySolutionsZip(_ visits: [Visit]) throws -> Data {
        let identifying = ["unit_id", "unit_type", "district_code", "commune_code", "zone_id", "label", "visit_date",
                           "visit_order", "planned_start", "enumerator_id"]
        var main = [(["interview__key", "interview__id"] + identifying
            + ["visit_outcome", "sssys_irnd", "has__errors", "interview__status", "assignment__id"]).joined(separator: "\t")]
        var actions = ["interview__key\tinterview__id\tdate\ttime\taction\toriginator\trole\tresponsible__name\tresponsible__role"]
        for (index, visit) in visits.enumerated() {
            let key = String(format: "%02d-%02d-%02d-%02d", index / 1_000_000 % 100, index / 10_000 % 100, index / 100 % 100, index % 100)
            let id = String(format: "%032x", index + 1)
            let login = visit.login ?? visit.assignment["_responsible"]!
            main.append(([key, id] + identifying.map { visit.assignment[$0] ?? "" }
                + [String(visit.outcome), "0.5", "0", "100", String(index + 2)]).joined(separator: "\t"))
            actions.append([key, id, visit.date, "01:00:00", "1", "sup1", "2", login, "1"].joined(separator: "\t"))
            actions.append([key, id, visit.date, "02:00:00", "3", login, "1", "sup1", "2"].joined(separator: "\t"))
        }
        let empty = { (header: String) in Data((header + "\n").utf8) }
        return try ZipFixture.archive([
            ("households.tab", Data((main.joined(separator: "\n") + "\n").utf8)),
            ("interview__actions.tab", Data((actions.joined(separator: "\n") + "\n").utf8)),
            ("interview__diagnostics.tab", empty("interview__key\tinterview__id\tinterview__status\tresponsible\tinterviewers\trejections__sup\trejections__hq\tentities__errors\tinterview__duration")),
            ("interview__comments.tab", empty("interview__key\tinterview__id\tvariable\torder\tdate\ttime\toriginator\trole\tcomment")),
            ("interview__errors.tab", empty("interview__key\tinterview__id\tvariable\ttype\tmessage__number\tmessage")),
            ("assignment__actions.tab", empty("assignment__id\tdate\ttime\taction\toriginator\trole\tresponsible__name\tresponsible__role\told__value\tnew__value\tcomment")),
            ("export__readme.txt", Data("Exported from Survey Solutions Headquarters\n".utf8)),
        ])
    }

    /// The submissions export of a SurveyCTO form filled from the cases of the plan's
    /// `exports/surveycto-cases.csv`: `caseid` is the unit, `username` the login, `starttime` as the server console
    /// writes it (`Oct 4, 2023 9:30:00 AM`), and the review columns.
    static func surveyCTOCSV(_ visits: [Visit]) -> Data {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func console(_ date: String, _ time: String) -> String {
            let parts = date.split(separator: "-").map { Int($0)! }
            return "\"\(months[parts[1] - 1]) \(parts[2]), \(parts[0]) \(time)\""
        }
        var lines = ["SubmissionDate,starttime,endtime,deviceid,username,caseid,visit_outcome,instanceID,formdef_version,review_status,KEY"]
        for (index, visit) in visits.enumerated() {
            let key = "uuid:\(String(format: "%08x", index + 1))-0000-4000-8000-000000000000"
            lines.append([console(visit.date, "5:00:00 PM"), console(visit.date, "9:30:00 AM"),
                          console(visit.date, "10:05:00 AM"), "collect:\(index)", visit.login ?? visit.assignment["_responsible"]!,
                          visit.unitID, String(visit.outcome), key, "2309271200", "approved", key].joined(separator: ","))
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
