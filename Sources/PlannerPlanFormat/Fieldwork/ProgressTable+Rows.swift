import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

extension ProgressTable {
    /// Checks the rows of one or more progress files against the plan and against each other, file by file.
    struct RowChecker {
        struct Key: Hashable {
            var unit: String
            var date: CalendarDate
        }

        /// A row taken, with where it was read.
        struct Row {
            var visit: RecordedVisit
            var file: String
            var line: Int
            var dateLocation: SourceLocation
        }

        let context: Context
        private let recorded: [Key: RecordedVisit]
        private var rows: [Key: Row] = [:]
        private var order: [Key] = []
        private lazy var sortedUnitIDs: [String] = context.sampleUnitIDs.sorted()
        private lazy var sortedEnumeratorIDs: [String] = context.enumeratorIDs.map(\.rawValue).sorted()
        /// Unknown units get a "did you mean" only for the first few: each costs a pass over the sample.
        private var unitSuggestionsLeft = 20

        init(context: Context) {
            self.context = context
            recorded = Dictionary(context.recorded.map { (Key(unit: $0.unitID, date: $0.date), $0) },
                                  uniquingKeysWith: { first, _ in first })
        }

        /// Reads one file's rows, adding its problems (grouped) to `problems`.
        mutating func read(_ source: Source, problems: inout ProblemLog) -> ProgressReading.FileCount {
            var count = ProgressReading.FileCount(path: source.file)
            var findings = FindingGroups(file: source.file)
            let separator = CSVReader.separator(detectedIn: source.data)
            let reader = CSVReader(separator: separator)
            guard let table = reader.read(source.data, file: source.file, problems: &problems) else { return count }
            var index: [String: Int] = [:]
            // A header that mixes separators (unit_id;date,enumerator_id,…) is read with the commonest one; saying
            // which, and that the cells still hold the others, tells the clerk what to fix.
            let separatorName = separator == CSVReader.semicolon ? "semicolons" : separator == CSVReader.tab ? "tabs"
                : "commas"
            let mixed = table.columnNames.contains { $0.contains(",") || $0.contains(";") || $0.contains("\t") }
            let foundHeader = "header " + table.columnNames.map { "“\($0)”" }.joined(separator: " ")
                + " (read as separated by \(separatorName)"
                + (mixed ? "; the header mixes separators: use one throughout)" : ")")
            for column in columns.map(\.name) {
                if let position = table.header.firstIndex(where: { $0.text.lowercased() == column }) {
                    index[column] = position
                } else {
                    problems.add(file: source.file,
                                 at: table.header.first?.location ?? SourceLocation(line: 1, column: 1),
                                 field: column,
                                 expected: "a column named \(column) (unit_id,date,enumerator_id,status; separated "
                                    + "by commas, semicolons or tabs)",
                                 found: foundHeader)
                }
            }
            guard index.count == columns.count else { return count }
            let statuses = VisitStatus.allCases.map { "\($0.rawValue) (\($0.vietnameseWord))" }.joined(separator: ", ")
            let window = "\(context.calendar.firstDay)…\(context.calendar.lastDay)"
            for record in table.records {
                count.rows += 1
                func field(_ name: String) -> CSVField { record.fields[index[name]!] }
                func fail(_ name: String, _ expected: String, found: String? = nil, hint: String? = nil) {
                    findings.add(field(name).location, field: name, expected: expected,
                                 found: found ?? InputProblem.quoted(field(name).trimmed), hint: hint)
                }
                let statusText = field("status").trimmed
                if statusText.isEmpty {
                    count.unfilled += 1
                    continue
                }
                var valid = true
                let unitID = field("unit_id").trimmed
                if !context.sampleUnitIDs.contains(unitID) {
                    fail("unit_id", "a unit_id of the plan's sample.csv", hint: unitSuggestion(for: unitID))
                    valid = false
                }
                let dateText = field("date").trimmed
                let date = ProgressDate.parse(dateText)
                let monthFirst = ProgressDate.monthFirstReading(dateText).flatMap { context.calendar.contains($0) ? $0 : nil }
                let usHint = monthFirst.map {
                    "read month first it would be \($0): the file looks saved by Excel in a US locale (month/day/"
                        + "year); write day/month/year as in Vietnam or YYYY-MM-DD, e.g. by formatting the column "
                        + "as dd/mm/yyyy before saving"
                }
                if let date {
                    if !context.calendar.contains(date) {
                        fail("date", "a date in the survey window \(window)",
                             found: "\(InputProblem.quoted(dateText)) (\(date))", hint: date == monthFirst ? nil : usHint)
                        valid = false
                    } else if date >= context.asOf {
                        fail("date", "a date before the as-of date \(context.asOf) (days from it on are re-planned)",
                             found: date.description)
                        valid = false
                    }
                } else {
                    fail("date", "a date YYYY-MM-DD or day/month/year (03/10/2023, 3/10/2023)", hint: usHint)
                    valid = false
                }
                let enumerator = EnumeratorID(field("enumerator_id").trimmed)
                if !context.enumeratorIDs.contains(enumerator) {
                    fail("enumerator_id", "an enumerator_id of enumerators.csv or of the new enumerators",
                         hint: suggestion(for: enumerator.rawValue, among: sortedEnumeratorIDs))
                    valid = false
                }
                let status = VisitStatus(word: statusText)
                if status == nil {
                    fail("status", "one of \(statuses), or an empty field for a visit not yet reported",
                         hint: VisitStatus.suggestion(for: statusText).map { "did you mean \($0.rawValue)?" })
                    valid = false
                }
                guard valid, let date, let status else { continue }
                let key = Key(unit: unitID, date: date)
                let visit = RecordedVisit(unitID: unitID, date: date, enumeratorID: enumerator, status: status)
                if let earlier = recorded[key] {
                    if earlier == visit {
                        count.alreadyRecorded += 1
                    } else {
                        fail("status", "the outcome the parent plan records for \(unitID) on \(date) "
                                + "(\(earlier.status.rawValue) by \(earlier.enumeratorID))",
                             found: "\(status.rawValue) by \(enumerator)")
                    }
                    continue
                }
                if let first = rows[key] {
                    if first.visit == visit {
                        count.repeated += 1
                    } else if first.file == source.file {
                        fail("date", "one row per unit and date",
                             found: "\(unitID) on \(date) again (first on line \(first.line))")
                    } else {
                        fail("status", "the outcome \(first.file):\(first.line) records for \(unitID) on \(date) "
                                + "(\(first.visit.status.rawValue) by \(first.visit.enumeratorID))",
                             found: "\(status.rawValue) by \(enumerator) in \(source.file):\(record.location.line); "
                                + "the two files disagree: correct one of them")
                    }
                    continue
                }
                count.used += 1
                rows[key] = Row(visit: visit, file: source.file, line: record.location.line,
                                dateLocation: field("date").location)
                order.append(key)
            }
            findings.flush(into: &problems)
            return count
        }

        /// Nothing after a unit is done or lost, across every file and the parent's history.
        func checkNothingAfterTheEnd(problems: inout ProblemLog) {
            var ending: [String: RecordedVisit] = [:]
            for visit in order.map({ rows[$0]!.visit }) + context.recorded
            where visit.status == .completed || visit.status.endsInNonresponse {
                if let known = ending[visit.unitID], known.date <= visit.date { continue }
                ending[visit.unitID] = visit
            }
            for key in order {
                let row = rows[key]!
                if let end = ending[key.unit], end.date < key.date {
                    problems.add(file: row.file, at: row.dateLocation, field: "date",
                                 expected: "no visit after \(key.unit) was \(end.status.rawValue) on \(end.date)",
                                 found: key.date.description)
                }
            }
        }

        /// The parent's visits and the new ones, in history order.
        func merged() -> [RecordedVisit] {
            (context.recorded.filter { visit in rows[Key(unit: visit.unitID, date: visit.date)] == nil }
                + order.map { rows[$0]!.visit }).sorted(by: RecordedVisit.historyOrder)
        }

        /// Reserves not released that have rows, with their first row.
        func reserveUses() -> [ProgressReading.ReserveUse] {
            var first: [String: Row] = [:]
            for key in order where !context.planUnitIDs.contains(key.unit) {
                let row = rows[key]!
                if let known = first[key.unit], known.visit.date <= row.visit.date { continue }
                first[key.unit] = row
            }
            return first.keys.sorted().map {
                ProgressReading.ReserveUse(unitID: $0, date: first[$0]!.visit.date, place: "\(first[$0]!.file):\(first[$0]!.line)")
            }
        }

        private mutating func unitSuggestion(for unitID: String) -> String? {
            guard unitSuggestionsLeft > 0, !unitID.isEmpty else { return nil }
            unitSuggestionsLeft -= 1
            return suggestion(for: unitID, among: sortedUnitIDs)
        }

        /// "did you mean X?" for the closest ID at most two edits away (the first in ID order on a tie).
        private func suggestion(for text: String, among candidates: [String]) -> String? {
            guard !text.isEmpty else { return nil }
            var best: (id: String, distance: Int)?
            for candidate in candidates where abs(candidate.count - text.count) <= 2 {
                let distance = EditDistance.between(text.uppercased(), candidate.uppercased())
                if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
            }
            return best.map { "did you mean \($0.id)?" }
        }
    }
}
