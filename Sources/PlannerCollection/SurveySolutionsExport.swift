import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// Reads the visits out of a Survey Solutions data export: the zip Headquarters gives for *Data Export →
/// Tab-separated data*, holding the questionnaire's main file (one row per interview, with `interview__id`,
/// `interview__status` and the identifying variables the assignments were uploaded with, `unit_id` among them)
/// and the system file `interview__actions.tab` (every action on every interview, times in UTC).
///
/// A visit is an interviewer's *Completed* action: the unit is the interview's `unit_id`, the enumerator the
/// action's `originator` (their login), the day the action's date and time moved from UTC to the survey's
/// offset. Its outcome is the interview's `visit_outcome` (codes of `VisitOutcomeCode`), or `completed` where the
/// questionnaire has no such variable — unless the interview was sent back afterwards (rejected by a
/// supervisor or headquarters, or restarted): then the unit needs the enumerator again, and the visit is
/// `postponed`. An interview completed, rejected and completed again is two visits; two completions on one day
/// are one visit, the later deciding. Interviews never completed (assigned, in progress) and deleted ones give
/// no visit and are counted. docs/exports.md has the mapping and the sources.
public struct SurveySolutionsExport: Sendable {
    public static let unitVariable = "unit_id"
    public static let actionsFile = "interview__actions.tab"
    /// The system files every export holds besides the questionnaire's own (documented list).
    static let systemFiles: Set<String> = [
        "interview__actions.tab", "interview__comments.tab", "interview__diagnostics.tab", "interview__errors.tab",
        "assignment__actions.tab",
    ]
    /// Survey Solutions' code for a numeric answer left unanswered.
    static let missingNumeric = "-999999999"

    public var utcOffset: UTCOffset
    /// Entries larger than this (uncompressed) are refused rather than read into memory.
    public var maximumEntryBytes: UInt64

    public init(utcOffset: UTCOffset, maximumEntryBytes: UInt64 = 512 << 20) {
        self.utcOffset = utcOffset
        self.maximumEntryBytes = maximumEntryBytes
    }

    /// The visits of the export named `name` (as the user gave it), or every problem found, located in the
    /// file inside the zip (`export.zip/interview__actions.tab:12:3`).
    public func read(zip data: Data, name: String) throws(InvalidInput) -> (visits: [CollectedVisit], summary: CollectionSourceSummary) {
        var problems = ProblemLog()
        problems.register(file: name)
        let tables = readTables(data, name: name, problems: &problems)
        try problems.throwIfAny()
        guard let tables else { throw problems.invalidInput }
        let result = visits(main: tables.main, actions: tables.actions, problems: &problems)
        try problems.throwIfAny()
        return result
    }

    // MARK: - The archive

    private func readTables(_ data: Data, name: String, problems: inout ProblemLog) -> (main: CSVTable, actions: CSVTable)? {
        let archive: ExportArchive
        do {
            archive = try ExportArchive(data)
        } catch {
            let found = switch error {
            case .notAZip: "a file that is not a readable zip archive"
            case .damaged(let reason): "a damaged zip archive: \(reason) (download the export again)"
            }
            problems.add(file: name, at: nil, field: "archive",
                         expected: "the zip of a Survey Solutions export (Data Export, tab-separated data)", found: found)
            return nil
        }
        var tabEntries: [(path: String, entry: ExportArchive.Entry)] = []
        for entry in archive.entries
        where !entry.isDirectory && !entry.isSymbolicLink && entry.path.lowercased().hasSuffix(".tab") {
            tabEntries.append((entry.path, entry))
        }
        tabEntries.sort { $0.path < $1.path }
        func baseName(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

        guard let actionsEntry = tabEntries.first(where: { baseName($0.path) == Self.actionsFile }) else {
            problems.add(file: name, at: nil, field: Self.actionsFile,
                         expected: "the system file \(Self.actionsFile) (every export has it; the visit dates come from it)",
                         found: tabEntries.isEmpty ? "no .tab file: export as tab-separated data"
                             : "only \(tabEntries.map(\.path).joined(separator: ", "))")
            return nil
        }
        var mainTables: [CSVTable] = []
        var unreadable = false
        for candidate in tabEntries where !Self.systemFiles.contains(baseName(candidate.path)) {
            guard let table = readTable(candidate.entry, in: archive, file: "\(name)/\(candidate.path)", problems: &problems)
            else {
                unreadable = true
                continue
            }
            if table.columnIndex("interview__status") != nil { mainTables.append(table) }
        }
        guard let actions = readTable(actionsEntry.entry, in: archive, file: "\(name)/\(actionsEntry.path)",
                                      problems: &problems)
        else { return nil }
        guard mainTables.count == 1, let main = mainTables.first else {
            // A file that could not be read (not UTF-8, empty) has its own problem and may be the main file:
            // "none" would then send the user looking for a file that is there.
            if unreadable && mainTables.isEmpty { return nil }
            problems.add(file: name, at: nil, field: "main file",
                         expected: "one questionnaire file with an interview__status column (the export of one questionnaire version)",
                         found: mainTables.isEmpty ? "none" : mainTables.map(\.file).joined(separator: ", "))
            return nil
        }
        return (main, actions)
    }

    private func readTable(_ entry: ExportArchive.Entry, in archive: ExportArchive, file: String,
                           problems: inout ProblemLog) -> CSVTable? {
        guard entry.uncompressedSize <= maximumEntryBytes else {
            problems.add(file: file, at: nil, field: "size", expected: "at most \(maximumEntryBytes) bytes",
                         found: "\(entry.uncompressedSize) bytes")
            return nil
        }
        let bytes: Data
        do {
            bytes = try archive.contents(of: entry)
        } catch {
            problems.add(file: file, at: nil, field: "archive",
                         expected: "an entry that unpacks (an export without a password)", found: error.reason)
            return nil
        }
        return TabSeparatedReader().read(bytes, file: file, problems: &problems)
    }

    // MARK: - Interviews to visits

    private struct Action {
        var time: LocalTimestamp
        var kind: SurveySolutionsStatus.Action
        var login: String
        var loginField: FieldReference
        var timeField: FieldReference
    }

    private func visits(main: CSVTable, actions: CSVTable, problems: inout ProblemLog)
        -> (visits: [CollectedVisit], summary: CollectionSourceSummary) {
        let mainColumns = columns(["interview__id", "interview__status", Self.unitVariable], in: main, problems: &problems)
        let actionColumns = columns(["interview__id", "date", "time", "action", "originator"], in: actions, problems: &problems)
        let empty = CollectionSourceSummary(file: main.file, records: main.records.count, visits: 0, skipped: [])
        guard let mainColumns, let actionColumns else { return ([], empty) }
        let outcomeColumn = main.columnIndex(VisitOutcomeCode.variable)
        let keyColumn = main.columnIndex("interview__key")

        var byInterview: [String: [Action]] = [:]
        for record in actions.records {
            let field = { (name: String) in record.fields[actionColumns[name]!] }
            let actionText = field("action").trimmed
            guard let code = SurveySolutionsStatus.Action.code(actionText) else {
                problems.add(file: actions.file, at: field("action").location, field: "action",
                             expected: "an interview action code 0–18 or its name", found: InputProblem.quoted(actionText))
                continue
            }
            guard let kind = SurveySolutionsStatus.Action(rawValue: code) else { continue }
            guard let date = CalendarDate(iso8601: field("date").trimmed) else {
                problems.add(file: actions.file, at: field("date").location, field: "date",
                             expected: "a date YYYY-MM-DD", found: InputProblem.quoted(field("date").trimmed))
                continue
            }
            guard let time = Self.timeOfDay(field("time").trimmed, on: date) else {
                problems.add(file: actions.file, at: field("time").location, field: "time",
                             expected: "a time hh:mm:ss (UTC)", found: InputProblem.quoted(field("time").trimmed))
                continue
            }
            let action = Action(
                time: utcOffset.local(fromUTC: time), kind: kind, login: field("originator").trimmed,
                loginField: FieldReference(file: actions.file, location: field("originator").location, column: "originator"),
                timeField: FieldReference(file: actions.file, location: field("date").location, column: "date"))
            byInterview[field("interview__id").trimmed, default: []].append(action)
        }

        var visits: [CollectedVisit] = []
        var deleted = 0, notCompleted = 0, sentBack = 0
        for record in main.records {
            let field = { (name: String) in record.fields[mainColumns[name]!] }
            let statusText = field("interview__status").trimmed
            guard let status = SurveySolutionsStatus(statusText) else {
                problems.add(file: main.file, at: field("interview__status").location, field: "interview__status",
                             expected: "an interview status code (100 Completed, 120 ApprovedBySupervisor, …) or its name",
                             found: InputProblem.quoted(statusText))
                continue
            }
            if status == .deleted {
                deleted += 1
                continue
            }
            let interview = field("interview__id").trimmed
            let name = keyColumn.map { "interview \(record.fields[$0].trimmed)" } ?? "interview \(interview)"
            // Stable: actions of one instant keep the file's order.
            let history = (byInterview[interview] ?? []).enumerated()
                .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
            let completions = history.indices.filter { history[$0].kind == .completed }
            guard !completions.isEmpty else {
                if status.isHandedIn {
                    problems.add(file: main.file, at: field("interview__status").location, field: "interview__status",
                                 expected: "a Completed action (code 3) for \(name) in \(Self.actionsFile)",
                                 found: "status \(status.rawValue) \(status.name) and no such action")
                } else {
                    notCompleted += 1
                }
                continue
            }
            // The recorded outcome counts only for a completion nobody sent back: an interview rejected because
            // its outcome was left blank is a postponed visit, not a problem.
            let sentBackAfter = completions.map { index in
                history[(index + 1)...].first { $0.kind == .completed || $0.kind.sendsBack }.map(\.kind.sendsBack) ?? false
            }
            var outcome = VisitStatus.completed
            if let outcomeColumn, sentBackAfter.contains(false) {
                let text = record.fields[outcomeColumn].trimmed
                guard let value = text == Self.missingNumeric ? nil : VisitOutcomeCode.status(text) else {
                    problems.add(file: main.file, at: record.fields[outcomeColumn].location, field: VisitOutcomeCode.variable,
                                 expected: "the outcome of the visit: \(VisitOutcomeCode.legend)", found: InputProblem.quoted(text))
                    continue
                }
                outcome = value
            }
            let unitField = FieldReference(file: main.file, location: field(Self.unitVariable).location, column: Self.unitVariable)
            var byDay: [CalendarDate: (visit: CollectedVisit, wasSentBack: Bool)] = [:]
            for (index, wasSentBack) in zip(completions, sentBackAfter) {
                let completion = history[index]
                let visit = CollectedVisit(
                    unitID: field(Self.unitVariable).trimmed, login: completion.login, time: completion.time,
                    status: wasSentBack ? .postponed : outcome, record: name, unitField: unitField,
                    loginField: completion.loginField, timeField: completion.timeField)
                byDay[completion.time.date] = (visit, wasSentBack)
            }
            let days = byDay.values.sorted { $0.visit.time < $1.visit.time }
            sentBack += days.filter(\.wasSentBack).count
            visits += days.map(\.visit)
        }
        let summary = CollectionSourceSummary(
            file: main.file, records: main.records.count, visits: visits.count, sentBack: sentBack,
            skipped: [("not completed yet", notCompleted), ("deleted", deleted)])
        return (visits, summary)
    }

    /// Each named column's position, or nil with a problem per missing column.
    private func columns(_ names: [String], in table: CSVTable, problems: inout ProblemLog) -> [String: Int]? {
        var positions: [String: Int] = [:]
        for name in names {
            if let position = table.columnIndex(name) {
                positions[name] = position
            } else {
                let hint = name == Self.unitVariable
                    ? "a column \(name) (the identifying variable the assignments were uploaded with)"
                    : "a column \(name)"
                problems.add(file: table.file, at: SourceLocation(line: 1, column: 1), field: name, expected: hint,
                             found: "header \(InputProblem.quoted(table.columnNames.joined(separator: " "), limit: 120))")
            }
        }
        return positions.count == names.count ? positions : nil
    }

    /// `hh:mm:ss` (or `hh:mm`) on a date.
    ///
    /// ASCII digits only: `Character.isNumber` also holds for `½` or `١`, which `Int` does not read — a time
    /// `1:½` once passed the check and then crashed the reader.
    static func timeOfDay(_ text: String, on date: CalendarDate) -> LocalTimestamp? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        return LocalTimestamp(date: date, hour: numbers[0], minute: numbers[1], second: numbers.count == 3 ? numbers[2] : 0)
    }
}
