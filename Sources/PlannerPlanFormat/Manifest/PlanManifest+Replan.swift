import PlannerCore

extension PlanManifest {
    /// A re-plan's own inputs: the as-of date and the files of the day, each with its SHA-256, so that the new
    /// plan can be tied to exactly what the post offices reported.
    public struct Replan: Codable, Sendable, Hashable {
        /// The first re-planned day, `YYYY-MM-DD`.
        public var asOf: String
        /// The progress files read (paths as given).
        public var progress: [InputFile]
        /// The unavailability and new-enumerator files read (paths as given).
        public var availability: [InputFile]
        /// Reserve units released by this re-plan, and in all.
        public var newReleases: Int
        public var releases: Int
        /// Objective minutes per previous day-trip dropped.
        public var changedTripMinutes: Double
        /// The plan's version in its chain of re-plans: 2 for a plan's first re-plan, one more than the parent's
        /// after that (printed on the route sheets). Nil in folders written before it was recorded: read as 2.
        public var version: Int? = nil
        /// What the re-plan counted and decided that no file of the folder holds, so that `planner verify` can
        /// render `replan-report.md` and the summary page's dashboard again. Nil in folders written before it was
        /// recorded: verify then says those two reports cannot be checked.
        public var figures: ReplanFigures? = nil

        public init(asOf: String, progress: [InputFile], availability: [InputFile], newReleases: Int, releases: Int,
                    changedTripMinutes: Double, version: Int? = nil, figures: ReplanFigures? = nil) {
            self.version = version
            self.figures = figures
            self.asOf = asOf
            self.progress = progress
            self.availability = availability
            self.newReleases = newReleases
            self.releases = releases
            self.changedTripMinutes = changedTripMinutes
        }

        enum CodingKeys: String, CodingKey {
            case progress, availability, releases, version, figures
            case asOf = "as_of"
            case newReleases = "new_releases"
            case changedTripMinutes = "changed_trip_minutes"
        }
    }

    /// A re-plan's figures that its reports print and no other file of the folder holds: the solver's choice of
    /// day-trips (not recoverable from the routes), the rows of each progress file (the files may not travel with
    /// the plan) and what the user said unrecorded visits were (`--unrecorded`).
    public struct ReplanFigures: Codable, Sendable, Hashable {
        /// Day-trips of the previous plan still possible from the as-of date, and how many the new routes keep.
        public var previousTrips: Int
        public var previousTripsKept: Int
        /// One per progress file read, in the order given.
        public var progressFiles: [ProgressFileCount]
        /// `not-visited` or `postpone`; nil when the re-plan was not told (it then had no unrecorded visit).
        public var unrecorded: String?

        public init(previousTrips: Int, previousTripsKept: Int, progressFiles: [ProgressFileCount],
                    unrecorded: String?) {
            self.previousTrips = previousTrips
            self.previousTripsKept = previousTripsKept
            self.progressFiles = progressFiles
            self.unrecorded = unrecorded
        }

        enum CodingKeys: String, CodingKey {
            case unrecorded
            case previousTrips = "previous_trips"
            case previousTripsKept = "previous_trips_kept"
            case progressFiles = "progress_files"
        }
    }

    /// How the rows of one progress file were used (`ProgressReading.FileCount`, with the manifest's key names).
    public struct ProgressFileCount: Codable, Sendable, Hashable {
        public var count: ProgressReading.FileCount

        public init(_ count: ProgressReading.FileCount) {
            self.count = count
        }

        enum CodingKeys: String, CodingKey {
            case path, rows, unfilled, used, repeated
            case alreadyRecorded = "already_recorded"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            count = ProgressReading.FileCount(
                path: try container.decode(String.self, forKey: .path),
                rows: try container.decode(Int.self, forKey: .rows),
                unfilled: try container.decode(Int.self, forKey: .unfilled),
                used: try container.decode(Int.self, forKey: .used),
                repeated: try container.decode(Int.self, forKey: .repeated),
                alreadyRecorded: try container.decode(Int.self, forKey: .alreadyRecorded))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(count.path, forKey: .path)
            try container.encode(count.rows, forKey: .rows)
            try container.encode(count.unfilled, forKey: .unfilled)
            try container.encode(count.used, forKey: .used)
            try container.encode(count.repeated, forKey: .repeated)
            try container.encode(count.alreadyRecorded, forKey: .alreadyRecorded)
        }
    }
}
