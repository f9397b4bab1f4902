import PlannerFieldwork
import PlannerFormats

/// A visit as a collection tool recorded it, before it is checked against the plan: the unit, who made the
/// visit (their login on the server), when (in the survey's local time), the outcome, and where each came
/// from, so that a unit or login the plan does not know is reported at its place in the export.
public struct CollectedVisit: Hashable, Sendable {
    public var unitID: String
    public var login: String
    public var time: LocalTimestamp
    public var status: VisitStatus
    /// The tool's own name for the record (`interview 12-34-56-78`, `submission uuid:…`), for messages.
    public var record: String
    public var unitField: FieldReference
    public var loginField: FieldReference
    public var timeField: FieldReference

    public init(unitID: String, login: String, time: LocalTimestamp, status: VisitStatus, record: String,
                unitField: FieldReference, loginField: FieldReference, timeField: FieldReference) {
        self.unitID = unitID
        self.login = login
        self.time = time
        self.status = status
        self.record = record
        self.unitField = unitField
        self.loginField = loginField
        self.timeField = timeField
    }
}

/// A field of an input file: the file (inside its zip for Survey Solutions: `export.zip/hh.tab`), where the
/// field starts, and the column's name.
public struct FieldReference: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation
    public var column: String

    public init(file: String, location: SourceLocation, column: String) {
        self.file = file
        self.location = location
        self.column = column
    }

    public var description: String { "\(file):\(location.line):\(location.column)" }
}

/// What one export held: how many records were read, how many became visits, and why the others did not.
public struct CollectionSourceSummary: Hashable, Sendable {
    /// The export as the user named it.
    public var file: String
    /// Interviews (Survey Solutions) or submissions (SurveyCTO) read.
    public var records: Int
    /// Visits taken from them (an interview completed, rejected and completed again gives two).
    public var visits: Int
    /// Visits whose interview was sent back to the enumerator afterwards (rejected or restarted), written as
    /// postponed: the unit needs the enumerator again.
    public var sentBack: Int
    /// Records that give no visit, by reason, in a fixed order.
    public var skipped: [(reason: String, count: Int)]

    public init(file: String, records: Int, visits: Int, sentBack: Int = 0, skipped: [(reason: String, count: Int)]) {
        self.file = file
        self.records = records
        self.visits = visits
        self.sentBack = sentBack
        self.skipped = skipped.filter { $0.count > 0 }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.file == rhs.file && lhs.records == rhs.records && lhs.visits == rhs.visits && lhs.sentBack == rhs.sentBack
            && lhs.skipped.map(\.reason) == rhs.skipped.map(\.reason) && lhs.skipped.map(\.count) == rhs.skipped.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(records)
        hasher.combine(visits)
    }
}
