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

    /// One progress file as given: its name for messages and its bytes.
    public struct Source: Sendable {
        public var file: String
        public var data: Data

        public init(file: String, data: Data) {
            self.file = file
            self.data = data
        }
    }

    /// Reads and checks one progress file: the one-file case of `read(_:context:)`.
    ///
    /// - Returns: the recorded visits of the file and of `context.recorded`, in history order, without repeats.
    public static func read(_ data: Data, file: String, context: Context) throws(InvalidInput) -> [RecordedVisit] {
        try read([Source(file: file, data: data)], context: context).visits
    }

    /// Reads, checks and merges progress files, one per post office or one cumulative file.
    ///
    /// Each file may be saved by Excel: comma, `;` or tab separated (found from the header line), UTF-8 with or
    /// without a byte order mark, dates `YYYY-MM-DD` or day/month/year, statuses as codes or Vietnamese words
    /// (`VisitStatus(word:)`). Rows with an empty status (a template row not yet filled) are counted and
    /// skipped. The same visit in two rows or two files is counted once; two different outcomes for one unit on
    /// one day are an error naming both rows.
    ///
    /// A row for a reserve unit that is not released is accepted: it is a reserve used in the field, listed
    /// in `reserveUses` for the re-plan to log as a release.
    /// - Throws: every problem, located, identical problems of a file grouped into one with the lines they
    ///   occur on: unknown unit, unknown enumerator, bad status (with the closest status when one is near), a
    ///   date outside the window or on or after the as-of date, two outcomes for one unit and date, a visit
    ///   after the unit was completed or lost, a row that contradicts the parent's history.
    public static func read(_ sources: [Source], context: Context) throws(InvalidInput) -> ProgressReading {
        var problems = ProblemLog()
        var checker = RowChecker(context: context)
        var counts: [ProgressReading.FileCount] = []
        for source in sources {
            problems.register(file: source.file)
            counts.append(checker.read(source, problems: &problems))
        }
        checker.checkNothingAfterTheEnd(problems: &problems)
        try problems.throwIfAny()
        return ProgressReading(visits: checker.merged(), files: counts, reserveUses: checker.reserveUses())
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
    /// - Parameter separator: a comma, or `;` for Excel with Vietnamese regional settings (`CSVWriter.Options`);
    ///   `planner replan` finds either from the header.
    public static func templateCSV(_ rows: [TemplateRow], until: CalendarDate? = nil,
                                   separator: UInt8 = CSVReader.comma) -> Data {
        let lines = rows.filter { row in until.map { row.visit.date < $0 } ?? true }
            .sorted { lhs, rhs in
                let (a, b) = (lhs.visit, rhs.visit)
                return (a.date, a.enumeratorID, a.visitOrder, a.unitID) < (b.date, b.enumeratorID, b.visitOrder, b.unitID)
            }
            .map { row in
                [row.visit.unitID, row.label, row.communeName, row.visit.enumeratorID.rawValue, row.enumeratorName,
                 row.visit.date.description, ""]
            }
        var options = PlanFile.csvOptions
        options.separator = separator
        return CSVWriter(columns: templateColumns, options: options).data(rows: lines)
    }

    /// Recorded visits in the same format, in history order (the simulation writes them; tests read them back).
    public static func csv(_ visits: [RecordedVisit]) -> Data {
        let rows = visits.sorted(by: RecordedVisit.historyOrder).map {
            [$0.unitID, $0.date.description, $0.enumeratorID.rawValue, $0.status.rawValue]
        }
        return CSVWriter(columns: columns, options: PlanFile.csvOptions).data(rows: rows)
    }
}
