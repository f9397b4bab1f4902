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

        public init(asOf: String, progress: [InputFile], availability: [InputFile], newReleases: Int, releases: Int,
                    changedTripMinutes: Double, version: Int? = nil) {
            self.version = version
            self.asOf = asOf
            self.progress = progress
            self.availability = availability
            self.newReleases = newReleases
            self.releases = releases
            self.changedTripMinutes = changedTripMinutes
        }

        enum CodingKeys: String, CodingKey {
            case progress, availability, releases, version
            case asOf = "as_of"
            case newReleases = "new_releases"
            case changedTripMinutes = "changed_trip_minutes"
        }
    }
}
