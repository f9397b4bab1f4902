import PlannerCore

/// One reserve unit released to replace a nonrespondent of its release group: a line of the release log.
///
/// The policy (docs/sampling.md §5): reserves of a group are released one at a time in rank order, one per
/// nonrespondent, and a release is never taken back.
public struct ReserveRelease: Hashable, Sendable {
    /// The release group: the stratum ID, or the commune code of a two-stage commune.
    public var groupID: String
    public var stratumID: StratumID
    /// The reserve's rank in its group: 1 for the first release, 2 for the second, …
    public var rank: Int
    public var reserveUnitID: String
    /// The nonrespondent whose loss released the reserve.
    public var replacedUnitID: String
    /// Why the unit was lost: `refused`, `not_found`, `closed`, or `not_at_home` / `postponed` after
    /// `max_attempts` visits.
    public var reason: String
    /// The day of the visit that made the unit a nonrespondent.
    public var date: CalendarDate
    /// Who released it: the planner, or the field by visiting it first.
    public var origin: Origin

    /// How a reserve came to be released.
    public enum Origin: String, Hashable, Sendable, CaseIterable {
        /// Released by the re-plan (`ReleasePolicy`), the next rank of its group.
        case planner
        /// Visited in the field before a re-plan released it, and it was the next rank of its group.
        case usedInField = "used-in-field"
        /// Visited in the field while a lower rank of its group was still unreleased: accepted, with a warning.
        case outOfOrder = "out-of-order"
    }

    public init(groupID: String, stratumID: StratumID, rank: Int, reserveUnitID: String, replacedUnitID: String,
                reason: String, date: CalendarDate, origin: Origin = .planner) {
        self.groupID = groupID
        self.stratumID = stratumID
        self.rank = rank
        self.reserveUnitID = reserveUnitID
        self.replacedUnitID = replacedUnitID
        self.reason = reason
        self.date = date
        self.origin = origin
    }

    /// Log order: group, rank.
    public static func logOrder(_ lhs: ReserveRelease, _ rhs: ReserveRelease) -> Bool {
        (lhs.groupID, lhs.rank) < (rhs.groupID, rhs.rank)
    }
}
