import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// `assignments.csv`: its columns, and its reader for `planner replan`, `planner progress-template` and `verify`.
///
/// PlannerReports writes the rows (labels and communes come from its lookups) with these columns.
public enum PlanVisitsTable {
    /// The status of a planned visit in a re-planned plan's `assignments.csv`.
    public static let plannedStatus = "planned"

    public static let columns: [CSVWriter.Column] = [
        .init("unit_id"), .init("enumerator_id"), .init("date", .numeric), .init("visit_order", .numeric),
        .init("planned_start", .numeric), .init("travel_minutes", .numeric), .init("interview_minutes", .numeric),
        .init("unit_type", .numeric), .init("district_code"), .init("commune_code"), .init("zone_id"),
        .init("label"),
    ]

    /// The last column of a re-planned plan's `assignments.csv`: an outcome for a recorded visit, `planned` for
    /// a new one.
    public static let statusColumn = CSVWriter.Column("status")

    /// Reads an `assignments.csv` that `planner plan`, `assign` or `replan` wrote, checking every row.
    public static func readVisits(_ data: Data, file: String) throws(InvalidInput) -> PlanVisits {
        var problems = ProblemLog()
        problems.register(file: file)
        guard let table = CSVReader().read(data, file: file, problems: &problems) else {
            try problems.throwIfAny()
            return PlanVisits(planned: [], history: [])
        }
        // district_code is written for people and tools, never read back.
        let required = columns.map(\.name).filter { $0 != "district_code" }
        let index = table.columnPositions(required, problems: &problems)
        try problems.throwIfAny()
        let statusColumn = table.columnIndex(Self.statusColumn.name)

        var planned: [VisitAssignment] = []
        var history: [RecordedVisit] = []
        for record in table.records {
            func field(_ name: String) -> CSVField { record.fields[index[name]!] }
            func fail(_ name: String, _ expected: String) {
                problems.add(file: file, at: field(name).location, field: name, expected: expected,
                             found: InputProblem.quoted(field(name).trimmed))
            }
            let unitID = field("unit_id").trimmed
            let enumerator = EnumeratorID(field("enumerator_id").trimmed)
            guard !unitID.isEmpty else { fail("unit_id", "a unit ID"); continue }
            guard let date = CalendarDate(iso8601: field("date").trimmed) else { fail("date", "a date YYYY-MM-DD"); continue }
            let statusText = statusColumn.map { record.fields[$0].trimmed } ?? ""
            if !statusText.isEmpty && statusText != plannedStatus {
                guard let status = VisitStatus(rawValue: statusText) else {
                    problems.add(file: file, at: record.fields[statusColumn!].location, field: "status",
                                 expected: "planned or a recorded outcome", found: InputProblem.quoted(statusText))
                    continue
                }
                history.append(RecordedVisit(unitID: unitID, date: date, enumeratorID: enumerator, status: status))
                continue
            }
            guard let order = Int(field("visit_order").trimmed), order >= 1 else { fail("visit_order", "1, 2, …"); continue }
            guard let start = Self.minutes(clock: field("planned_start").trimmed) else {
                fail("planned_start", "a time HH:MM"); continue
            }
            guard let travel = Double(field("travel_minutes").trimmed), travel >= 0 else {
                fail("travel_minutes", "minutes ≥ 0"); continue
            }
            guard let interview = Int(field("interview_minutes").trimmed), interview >= 0 else {
                fail("interview_minutes", "whole minutes ≥ 0"); continue
            }
            guard let kind = FieldworkUnit.Kind(rawValue: field("unit_type").trimmed) else {
                fail("unit_type", "household or enterprise"); continue
            }
            let zone = field("zone_id").trimmed
            planned.append(VisitAssignment(
                unitID: unitID, unitKind: kind, label: field("label").text, enumeratorID: enumerator, date: date,
                visitOrder: order, siteID: zone.isEmpty ? field("commune_code").trimmed : zone,
                plannedStartMinutes: start, travelMinutes: travel, interviewMinutes: interview))
        }
        try problems.throwIfAny()
        planned.sort { ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder) }
        return PlanVisits(planned: planned, history: history.sorted(by: RecordedVisit.historyOrder))
    }

    /// `HH:MM` → minutes after midnight.
    static func minutes(clock text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
              let minutes = Int(parts[1]), (0..<48).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }
}
