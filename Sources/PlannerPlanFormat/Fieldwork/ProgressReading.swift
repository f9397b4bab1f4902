import PlannerCore
import PlannerFieldwork

/// What the progress files of one re-plan came to: the merged history, and for each file how many of its rows
/// were used, so that no row is dropped without being counted.
public struct ProgressReading: Hashable, Sendable {
    /// The parent's recorded visits and the files' new ones, in history order, each (unit, date) once.
    public var visits: [RecordedVisit]
    /// One entry per file, in the order given.
    public var files: [FileCount]
    /// Reserve units not yet released that the files record visits to: reserves used in the field, by unit ID.
    public var reserveUses: [ReserveUse]

    public init(visits: [RecordedVisit], files: [FileCount], reserveUses: [ReserveUse] = []) {
        self.visits = visits
        self.files = files
        self.reserveUses = reserveUses
    }

    /// A file's rows, every one accounted for: `rows == unfilled + used + repeated + alreadyRecorded`.
    public struct FileCount: Hashable, Sendable, Codable {
        /// The file as the user named it.
        public var path: String
        /// Data rows (the header not counted).
        public var rows: Int
        /// Rows with an empty status: template rows not yet filled.
        public var unfilled: Int
        /// Rows that added a visit to the history.
        public var used: Int
        /// Rows identical to an earlier row of this file or of a file given before it: counted once.
        public var repeated: Int
        /// Rows identical to a visit the parent plan already records (a cumulative file).
        public var alreadyRecorded: Int

        public init(path: String, rows: Int = 0, unfilled: Int = 0, used: Int = 0, repeated: Int = 0,
                    alreadyRecorded: Int = 0) {
            self.path = path
            self.rows = rows
            self.unfilled = unfilled
            self.used = used
            self.repeated = repeated
            self.alreadyRecorded = alreadyRecorded
        }
    }

    /// A reserve unit visited before the planner released it.
    public struct ReserveUse: Hashable, Sendable {
        public var unitID: String
        /// Its first recorded visit.
        public var date: CalendarDate
        /// `file:line` of that row, for messages.
        public var place: String

        public init(unitID: String, date: CalendarDate, place: String) {
            self.unitID = unitID
            self.date = date
            self.place = place
        }
    }
}
