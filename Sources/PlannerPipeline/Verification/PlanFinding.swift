/// One thing wrong with a plan folder, found by `PlanVerifier`, located in the plan's file and line.
public struct PlanFinding: Hashable, Sendable, CustomStringConvertible {
    /// Which guarantee of a plan is broken: `planner verify` prints it so a reader knows what kind of fault it is.
    public enum Check: String, Hashable, Sendable, CaseIterable {
        /// A file is missing, changed since the manifest was written, or not listed in it; a file the plan's kind
        /// must have is gone with its manifest entry; a file is listed that the plan's kind does not have.
        case integrity
        /// The dataset differs from the inputs the manifest records.
        case inputs
        /// A plan file cannot be read as the format docs/plan-files.md gives.
        case format
        /// A unit of the plan scheduled twice, never, or both scheduled and unscheduled; an unknown unit; in a
        /// re-plan, an unreleased reserve visited, a finished unit planned again, a release of no lost unit.
        case coverage
        /// A visit on a day that is not a working day, is a buffer day, or the enumerator is unavailable.
        case calendar
        /// A visit by an unknown enumerator or one without the skill the unit needs.
        case skills
        /// A day over its daily minutes, too many sites, travel or interview minutes not as the model gives.
        case budget
        /// Visit orders not 1…k, or planned starts not increasing with them.
        case order
        /// A route sheet that does not match assignments.csv.
        case routes
        /// A reserve unit in two enumerators' hands on one day, or held by someone with no visit that day
        /// (`reserve-holders.csv`).
        case reserves
        /// A derived folder that does not keep its parent's sample, or a re-plan whose recorded visits are not its
        /// parent's plus the progress reported, that plans before its as-of date, or drops its parent's releases.
        case history
        /// `sample.csv` differs from the sample drawn again from the manifest's seed and the dataset: a unit
        /// swapped, added or left out, or a probability, weight, stratum or role changed.
        case sample
        /// A derived file (route sheet, summary, bundle, notice, export, GeoJSON, report, summary page, assignments)
        /// differs from the file rendered again from the plan's primary files and the dataset.
        case derived
        /// `manifest.sig` is missing or is not the signature of `manifest.json` by the public key given.
        case signature
    }

    public var check: Check
    /// The file in the plan folder, relative to it (`assignments.csv`, `routes/2023-10-03/N01.csv`).
    public var path: String
    /// The line in `path` (1 is the header), or nil when the finding concerns the whole file.
    public var line: Int?
    public var message: String

    public init(_ check: Check, _ path: String, line: Int? = nil, _ message: String) {
        self.check = check
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: check: message`.
    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): \(check.rawValue): \(message)"
    }

    /// The description with the plan folder in front of the path, as the user named the folder.
    public func description(inPlan planPath: String) -> String {
        planPath.isEmpty ? description : "\(planPath)/\(description)"
    }
}
