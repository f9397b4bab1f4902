import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// Reads the visits out of a SurveyCTO submissions export (the form's main `.csv`), for forms filled from the
/// cases of `exports/surveycto-cases.csv`.
///
/// One submission is one visit: the unit is `caseid` (SurveyCTO fills it with the case's `id`, our unit ID,
/// when the form is opened from the case), the enumerator `username` (the login the case's `users` names), the
/// day that of `starttime` (when the enumerator opened the form at the unit; `SubmissionDate` is when it
/// reached the server, possibly days later), the outcome `visit_outcome` (codes of `VisitOutcomeCode`; every
/// submission is `completed` where the form has no such field). A submission rejected in review
/// (`review_status` `rejected`) gives no visit and is counted. Two submissions for one unit on one day are one
/// visit, the later deciding. `KEY` names the submission in messages; `formdef_version` and `endtime` are not
/// needed. docs/exports.md cites the sources.
public struct SurveyCTOSubmissions: Sendable {
    public static let caseColumn = "caseid"
    public static let loginColumn = "username"
    public static let timeColumn = "starttime"

    /// The survey's offset from UTC: a time that carries its own offset (`…T10:15:22+00:00`), or any time when
    /// `timesAreUTC`, is moved to it.
    public var surveyOffset: UTCOffset
    /// Whether times without an offset are UTC; false: they are the survey's local time, as the enumerator's
    /// tablet showed it.
    public var timesAreUTC: Bool

    public init(surveyOffset: UTCOffset, timesAreUTC: Bool = false) {
        self.surveyOffset = surveyOffset
        self.timesAreUTC = timesAreUTC
    }

    public func read(csv data: Data, name: String) throws(InvalidInput) -> (visits: [CollectedVisit], summary: CollectionSourceSummary) {
        var problems = ProblemLog()
        problems.register(file: name)
        guard let table = CSVReader().read(data, file: name, problems: &problems) else { throw problems.invalidInput }
        var positions: [String: Int] = [:]
        for column in [Self.caseColumn, Self.loginColumn, Self.timeColumn] {
            if let position = table.columnIndex(column) {
                positions[column] = position
            } else {
                problems.add(file: name, at: SourceLocation(line: 1, column: 1), field: column,
                             expected: "a column \(column) (\(Self.purpose(column)))",
                             found: "header \(InputProblem.quoted(table.columnNames.joined(separator: ","), limit: 120))")
            }
        }
        try problems.throwIfAny()
        let outcomeColumn = table.columnIndex(VisitOutcomeCode.variable)
        let reviewColumn = table.columnIndex("review_status")
        let keyColumn = table.columnIndex("KEY")

        var visits: [CollectedVisit] = []
        var rejected = 0
        for record in table.records {
            let field = { (name: String) in record.fields[positions[name]!] }
            if let reviewColumn, record.fields[reviewColumn].trimmed.lowercased() == "rejected" {
                rejected += 1
                continue
            }
            let unit = field(Self.caseColumn).trimmed
            if unit.isEmpty {
                problems.add(file: name, at: field(Self.caseColumn).location, field: Self.caseColumn,
                             expected: "the case's id (open the form from the case in Manage Cases)", found: "an empty field")
                continue
            }
            let timeText = field(Self.timeColumn).trimmed
            guard let parsed = SurveyCTODateTime.parse(timeText) else {
                problems.add(file: name, at: field(Self.timeColumn).location, field: Self.timeColumn,
                             expected: "a date and time such as Oct 3, 2023 10:15:22 AM or 2023-10-03T10:15:22",
                             found: InputProblem.quoted(timeText))
                continue
            }
            let time = parsed.offset.map { parsed.time.adding(minutes: surveyOffset.minutes - $0.minutes) }
                ?? (timesAreUTC ? surveyOffset.local(fromUTC: parsed.time) : parsed.time)
            var status = VisitStatus.completed
            if let outcomeColumn {
                let text = record.fields[outcomeColumn].trimmed
                guard let value = VisitOutcomeCode.status(text) else {
                    problems.add(file: name, at: record.fields[outcomeColumn].location, field: VisitOutcomeCode.variable,
                                 expected: "the outcome of the visit: \(VisitOutcomeCode.legend)", found: InputProblem.quoted(text))
                    continue
                }
                status = value
            }
            let key = keyColumn.map { record.fields[$0].trimmed } ?? ""
            visits.append(CollectedVisit(
                unitID: unit, login: field(Self.loginColumn).trimmed, time: time, status: status,
                record: key.isEmpty ? "submission on line \(record.location.line)" : "submission \(key)",
                unitField: FieldReference(file: name, location: field(Self.caseColumn).location, column: Self.caseColumn),
                loginField: FieldReference(file: name, location: field(Self.loginColumn).location, column: Self.loginColumn),
                timeField: FieldReference(file: name, location: field(Self.timeColumn).location, column: Self.timeColumn)))
        }
        try problems.throwIfAny()
        let summary = CollectionSourceSummary(file: name, records: table.records.count, visits: visits.count,
                                              skipped: [("rejected in review", rejected)])
        return (visits, summary)
    }

    private static func purpose(_ column: String) -> String {
        switch column {
        case caseColumn: "the case ID, our unit_id: the form needs a caseid field"
        case loginColumn: "who made the visit: the form needs a username field"
        default: "when the visit started: the form needs a start field named starttime"
        }
    }
}
