import PlannerCore

/// Releases reserve units for nonrespondents: one per nonrespondent, the next rank of its release group.
///
/// Nonrespondents are taken in the order they were lost (date, then unit ID), so that the same history always
/// releases the same reserves. Releases already logged by the parent plan stand and are never taken back.
public struct ReleasePolicy: Sendable {
    public let groups: [ReleaseGroup]
    private let groupOfUnit: [String: Int]

    public init(groups: [ReleaseGroup]) {
        self.groups = groups.sorted { $0.groupID < $1.groupID }
        var groupOfUnit: [String: Int] = [:]
        for (index, group) in self.groups.enumerated() {
            for member in group.members { groupOfUnit[member.unitID] = index }
        }
        self.groupOfUnit = groupOfUnit
    }

    public func group(of unitID: String) -> ReleaseGroup? { groupOfUnit[unitID].map { groups[$0] } }

    /// What the releases come to: every release (logged before and new), and the nonrespondents for whom no
    /// reserve was left.
    public struct Outcome: Hashable, Sendable {
        /// In log order (group, rank).
        public var releases: [ReserveRelease]
        public var newReleases: [ReserveRelease]
        /// Unit IDs, in the order they were lost.
        public var exhausted: [String]
    }

    /// A unit lost to the survey: why, and on the day of which visit.
    public struct LostUnit: Hashable, Sendable {
        public var unitID: String
        public var reason: String
        public var date: CalendarDate

        public init(unitID: String, reason: String, date: CalendarDate) {
            self.unitID = unitID
            self.reason = reason
            self.date = date
        }
    }

    /// Releases one reserve per lost unit not already replaced in `previous`.
    public func release(lost units: [LostUnit], previous: [ReserveRelease]) -> Outcome {
        var releases = previous
        var fresh: [ReserveRelease] = []
        var exhausted: [String] = []
        let lost = units.map { (id: $0.unitID, reason: $0.reason, date: $0.date) }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let replaced = Set(previous.map(\.replacedUnitID))
        for unit in lost where !replaced.contains(unit.id) {
            guard let index = groupOfUnit[unit.id] else {
                exhausted.append(unit.id)
                continue
            }
            let group = groups[index]
            let nextRank = (releases.filter { $0.groupID == group.groupID }.map(\.rank).max() ?? 0) + 1
            guard let reserve = group.members.first(where: { $0.role == .reserve && $0.reserveRank == nextRank }) else {
                exhausted.append(unit.id)
                continue
            }
            let release = ReserveRelease(groupID: group.groupID, stratumID: group.stratumID, rank: nextRank,
                                         reserveUnitID: reserve.unitID, replacedUnitID: unit.id, reason: unit.reason,
                                         date: unit.date)
            releases.append(release)
            fresh.append(release)
        }
        return Outcome(releases: releases.sorted(by: ReserveRelease.logOrder),
                       newReleases: fresh.sorted(by: ReserveRelease.logOrder), exhausted: exhausted)
    }
}
