import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerSampling

/// `progress.csv`: the visits made and their outcomes, as the post offices report them
/// (`unit_id,date,enumerator_id,status`), and the empty template the planner writes for them to fill.
public enum ProgressTable {
    public static let columns: [CSVWriter.Column] = [
        .init("unit_id"), .init("date", .numeric), .init("enumerator_id"), .init("status"),
    ]

    /// What a progress file is checked against.
    public struct Context: Sendable {
        /// Every unit of `sample.csv`, main and reserve.
        public var sampleUnitIDs: Set<String>
        /// Main units and released reserves: the units that may have visits.
        public var planUnitIDs: Set<String>
        public var enumeratorIDs: Set<EnumeratorID>
        public var calendar: SurveyCalendar
        public var asOf: CalendarDate
        /// Visits the parent plan already records; a row repeating one must agree with it.
        public var recorded: [RecordedVisit]

        public init(sampleUnitIDs: Set<String>, planUnitIDs: Set<String>, enumeratorIDs: Set<EnumeratorID>,
                    calendar: SurveyCalendar, asOf: CalendarDate, recorded: [RecordedVisit] = []) {
            self.sampleUnitIDs = sampleUnitIDs
            self.planUnitIDs = planUnitIDs
            self.enumeratorIDs = enumeratorIDs
            self.calendar = calendar
            self.asOf = asOf
            self.recorded = recorded
        }
    }

    /// Reads and checks a progress file; rows with an empty status (a template row not yet filled) are skipped.
    ///
    /// - Returns: the recorded visits of the file and of `context.recorded`, in history order, without repeats.
    /// - Throws: every problem, located: unknown unit, unit not in the plan, unknown enumerator, bad status, a
    ///   date outside the window or on or after the as-of date, two rows for one unit and date, a visit after
    ///   the unit was completed or lost, a row that contradicts the parent's history.
    public static func read(_ data: Data, file: String, context: Context) throws(InvalidInput) -> [RecordedVisit] {
        var problems = ProblemLog()
        problems.register(file: file)
        guard let table = CSVReader().read(data, file: file, problems: &problems) else {
            try problems.throwIfAny()
            return context.recorded.sorted(by: RecordedVisit.historyOrder)
        }
        var index: [String: Int] = [:]
        for column in columns.map(\.name) {
            if let position = table.columnIndex(column) {
                index[column] = position
            } else {
                problems.add(file: file, at: table.header.first?.location ?? SourceLocation(line: 1, column: 1),
                             field: column, expected: "a column named \(column) (unit_id,date,enumerator_id,status)",
                             found: "header \(table.columnNames.joined(separator: ","))")
            }
        }
        try problems.throwIfAny()

        struct Key: Hashable {
            var unit: String
            var date: CalendarDate
        }
        let recorded = Dictionary(context.recorded.map { (Key(unit: $0.unitID, date: $0.date), $0) },
                                  uniquingKeysWith: { first, _ in first })
        var seen: [Key: Int] = [:]
        var rows: [(visit: RecordedVisit, location: SourceLocation)] = []
        let statuses = VisitStatus.allCases.map(\.rawValue).joined(separator: ", ")
        for record in table.records {
            func field(_ name: String) -> CSVField { record.fields[index[name]!] }
            func fail(_ name: String, _ expected: String, found: String? = nil) {
                problems.add(file: file, at: field(name).location, field: name, expected: expected,
                             found: found ?? InputProblem.quoted(field(name).trimmed))
            }
            let statusText = field("status").trimmed
            if statusText.isEmpty { continue }
            var valid = true
            let unitID = field("unit_id").trimmed
            if !context.sampleUnitIDs.contains(unitID) {
                fail("unit_id", "a unit_id of the plan's sample.csv")
                valid = false
            } else if !context.planUnitIDs.contains(unitID) {
                fail("unit_id", "a main unit or a released reserve unit",
                     found: "reserve unit \(unitID), which has not been released")
                valid = false
            }
            let date = CalendarDate(iso8601: field("date").trimmed)
            if let date {
                if !context.calendar.contains(date) {
                    fail("date", "a date in the survey window \(context.calendar.firstDay)…\(context.calendar.lastDay)",
                         found: date.description)
                    valid = false
                } else if date >= context.asOf {
                    fail("date", "a date before the as-of date \(context.asOf) (days from it on are re-planned)",
                         found: date.description)
                    valid = false
                }
            } else {
                fail("date", "a date YYYY-MM-DD")
                valid = false
            }
            let enumerator = EnumeratorID(field("enumerator_id").trimmed)
            if !context.enumeratorIDs.contains(enumerator) {
                fail("enumerator_id", "an enumerator_id of enumerators.csv or of the new enumerators")
                valid = false
            }
            let status = VisitStatus(rawValue: statusText.lowercased())
            if status == nil {
                fail("status", "one of \(statuses), or an empty field for a visit not yet reported")
                valid = false
            }
            guard valid, let date, let status else { continue }
            let key = Key(unit: unitID, date: date)
            if let line = seen[key] {
                fail("date", "one row per unit and date", found: "\(unitID) on \(date) again (first on line \(line))")
                continue
            }
            seen[key] = record.location.line
            let visit = RecordedVisit(unitID: unitID, date: date, enumeratorID: enumerator, status: status)
            if let earlier = recorded[key], earlier != visit {
                fail("status", "the outcome the parent plan records for \(unitID) on \(date) "
                        + "(\(earlier.status.rawValue) by \(earlier.enumeratorID))",
                     found: "\(status.rawValue) by \(enumerator)")
                continue
            }
            rows.append((visit, field("date").location))
        }

        // Nothing after a unit is done or lost.
        let all = Dictionary(grouping: rows.map(\.visit) + context.recorded, by: \.unitID)
        for row in rows {
            let ending = all[row.visit.unitID]!.filter { $0.status == .completed || $0.status.endsInNonresponse }
                .min { $0.date < $1.date }
            if let ending, ending.date < row.visit.date {
                problems.add(file: file, at: row.location, field: "date",
                             expected: "no visit after \(row.visit.unitID) was \(ending.status.rawValue) on \(ending.date)",
                             found: row.visit.date.description)
            }
        }
        try problems.throwIfAny()
        var merged = recorded
        for row in rows { merged[Key(unit: row.visit.unitID, date: row.visit.date)] = row.visit }
        return merged.values.sorted(by: RecordedVisit.historyOrder)
    }

    /// The template's columns: the four `read` needs, and what lets a person find the row of a visit (the
    /// unit's label and commune, the enumerator's name); `status` last, the one column to fill. `read` ignores
    /// every column but its four, so a filled template is read back as it is.
    public static let templateColumns: [CSVWriter.Column] = [
        .init("unit_id"), .init("label"), .init("commune_name"), .init("enumerator_id"), .init("enumerator_name"),
        .init("date", .numeric), .init("status"),
    ]

    /// A planned visit with the names the template shows beside its IDs.
    public struct TemplateRow: Sendable, Hashable {
        public var visit: VisitAssignment
        public var label: String
        public var communeName: String
        public var enumeratorName: String

        public init(visit: VisitAssignment, label: String, communeName: String, enumeratorName: String) {
            self.visit = visit
            self.label = label
            self.communeName = communeName
            self.enumeratorName = enumeratorName
        }
    }

    /// The template: one row per planned visit (before `until`, when given) with an empty status, by date,
    /// enumerator and visit order.
    public static func templateCSV(_ rows: [TemplateRow], until: CalendarDate? = nil) -> Data {
        let lines = rows.filter { row in until.map { row.visit.date < $0 } ?? true }
            .sorted { lhs, rhs in
                let (a, b) = (lhs.visit, rhs.visit)
                return (a.date, a.enumeratorID, a.visitOrder, a.unitID) < (b.date, b.enumeratorID, b.visitOrder, b.unitID)
            }
            .map { row in
                [row.visit.unitID, row.label, row.communeName, row.visit.enumeratorID.rawValue, row.enumeratorName,
                 row.visit.date.description, ""]
            }
        return CSVWriter(columns: templateColumns, options: PlanFile.csvOptions).data(rows: lines)
    }

    /// Recorded visits in the same format, in history order (the simulation writes them; tests read them back).
    public static func csv(_ visits: [RecordedVisit]) -> Data {
        let rows = visits.sorted(by: RecordedVisit.historyOrder).map {
            [$0.unitID, $0.date.description, $0.enumeratorID.rawValue, $0.status.rawValue]
        }
        return CSVWriter(columns: columns, options: PlanFile.csvOptions).data(rows: rows)
    }
}
