import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// The visits of one or more exports checked against the plan and turned into `progress.csv` rows.
///
/// Every unit must be one of the plan's `sample.csv` (main or reserve: a reserve used on the spot is a real
/// visit), every login an enumerator's, every day inside the survey window; each problem is reported where
/// the export holds the value. One unit on one day is one row: when exports or interviews give several
/// visits, the latest decides (an interview in two exports is the same visit twice); two different outcomes at
/// the very same second cannot be ordered and are a problem naming both records.
public struct CollectedProgress: Sendable {
    /// What the visits are checked against.
    public struct Context: Sendable {
        /// Every unit of the plan's `sample.csv`.
        public var unitIDs: Set<String>
        /// Each enumerator by the login the exports gave them (`InterviewerLogin`), lower-cased.
        public var enumeratorsByLogin: [String: EnumeratorID]
        public var calendar: SurveyCalendar
        /// Only visits before this day are kept (the as-of date of the re-plan they are for); nil: all.
        public var until: CalendarDate?

        public init(unitIDs: Set<String>, enumeratorsByLogin: [String: EnumeratorID], calendar: SurveyCalendar,
                    until: CalendarDate? = nil) {
            self.unitIDs = unitIDs
            self.enumeratorsByLogin = Dictionary(enumeratorsByLogin.map { ($0.key.lowercased(), $0.value) },
                                                 uniquingKeysWith: { first, _ in first })
            self.calendar = calendar
            self.until = until
        }
    }

    /// The rows, in history order (date, enumerator, unit).
    public var visits: [RecordedVisit]
    /// Visits left out because a later one of the same unit on the same day decides.
    public var superseded: Int
    /// Visits on or after `until`.
    public var afterUntil: Int

    public init(_ collected: [CollectedVisit], context: Context) throws(InvalidInput) {
        var problems = ProblemLog()
        for file in collected.map(\.unitField.file).uniqued() { problems.register(file: file) }
        // One interview can give several visits from one unit_id field: each field is reported once.
        var reported = Set<FieldReference>()
        func report(_ field: FieldReference, expected: String, found: String) {
            guard reported.insert(field).inserted else { return }
            problems.add(file: field.file, at: field.location, field: field.column, expected: expected, found: found)
        }
        let logins = context.enumeratorsByLogin.keys.sorted()
        let loginExamples = logins.prefix(4).joined(separator: ", ") + (logins.count > 4 ? ", …" : "")
        var checked: [(visit: CollectedVisit, enumerator: EnumeratorID)] = []
        var afterUntil = 0
        for visit in collected {
            var valid = true
            if !context.unitIDs.contains(visit.unitID) {
                report(visit.unitField, expected: "a unit_id of the plan's sample.csv", found: InputProblem.quoted(visit.unitID))
                valid = false
            }
            let enumerator = context.enumeratorsByLogin[visit.login.lowercased()]
            if enumerator == nil {
                report(visit.loginField,
                       expected: "the login of an enumerator of the plan, the enumerator ID in lower case (\(loginExamples))",
                       found: InputProblem.quoted(visit.login))
                valid = false
            }
            if !context.calendar.contains(visit.time.date) {
                report(visit.timeField,
                       expected: "a visit in the survey window \(context.calendar.firstDay)…\(context.calendar.lastDay) "
                           + "(survey time; check --utc-offset)",
                       found: "\(visit.record) on \(visit.time)")
                valid = false
            }
            guard valid, let enumerator else { continue }
            if let until = context.until, visit.time.date >= until {
                afterUntil += 1
                continue
            }
            checked.append((visit, enumerator))
        }

        struct Key: Hashable {
            var unit: String
            var date: CalendarDate
        }
        var superseded = 0
        var rows: [RecordedVisit] = []
        let groups = Dictionary(grouping: checked) { Key(unit: $0.visit.unitID, date: $0.visit.time.date) }
        for key in groups.keys.sorted(by: { ($0.date, $0.unit) < ($1.date, $1.unit) }) {
            let group = groups[key]!.sorted { ($0.visit.time, $0.visit.record) < ($1.visit.time, $1.visit.record) }
            let last = group.last!
            let tied = group.filter { $0.visit.time == last.visit.time }
            if let other = tied.first(where: { $0.visit.status != last.visit.status || $0.enumerator != last.enumerator }) {
                problems.add(file: last.visit.timeField.file, at: last.visit.timeField.location, field: last.visit.timeField.column,
                             expected: "one outcome for \(key.unit) at \(last.visit.time)",
                             found: "\(last.visit.status.rawValue) by \(last.enumerator) (\(last.visit.record)) and "
                                 + "\(other.visit.status.rawValue) by \(other.enumerator) (\(other.visit.record), \(other.visit.timeField))")
                continue
            }
            superseded += group.count - tied.count
            rows.append(RecordedVisit(unitID: key.unit, date: key.date, enumeratorID: last.enumerator, status: last.visit.status))
        }
        try problems.throwIfAny()
        visits = rows.sorted(by: RecordedVisit.historyOrder)
        self.superseded = superseded
        self.afterUntil = afterUntil
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
