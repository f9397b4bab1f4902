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
        /// Reserves used in the field for which no lost unit of their group was left to replace.
        public var unmatched: [FieldUse] = []
    }

    /// A reserve unit visited in the field before a re-plan released it.
    public struct FieldUse: Hashable, Sendable {
        public var reserveUnitID: String
        /// Its first recorded visit.
        public var date: CalendarDate

        public init(reserveUnitID: String, date: CalendarDate) {
            self.reserveUnitID = reserveUnitID
            self.date = date
        }
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
    ///
    /// Reserves the field already used (`usedInField`, by date of first visit) are released first: each
    /// replaces the earliest lost unit of its group that is not replaced yet and was lost on or before the
    /// reserve's visit. Its origin says whether it was the group's next rank (`usedInField`) or skipped a lower
    /// rank still unreleased (`outOfOrder`). The lost units left then get the lowest unreleased rank of their
    /// group, so that a rank skipped in the field is the next one released.
    public func release(lost units: [LostUnit], previous: [ReserveRelease],
                        usedInField uses: [FieldUse] = []) -> Outcome {
        var releases = previous
        var fresh: [ReserveRelease] = []
        var exhausted: [String] = []
        var unmatched: [FieldUse] = []
        let lost = units.sorted { ($0.date, $0.unitID) < ($1.date, $1.unitID) }
        var replaced = Set(previous.map(\.replacedUnitID))
        func nextRank(_ group: ReleaseGroup) -> Int? {
            let taken = Set(releases.filter { $0.groupID == group.groupID }.map(\.rank))
            return group.members.compactMap(\.reserveRank).filter { !taken.contains($0) }.min()
        }
        func add(_ reserve: ReleaseGroup.Member, of group: ReleaseGroup, for unit: LostUnit,
                 origin: ReserveRelease.Origin) {
            let release = ReserveRelease(groupID: group.groupID, stratumID: group.stratumID, rank: reserve.reserveRank!,
                                         reserveUnitID: reserve.unitID, replacedUnitID: unit.unitID,
                                         reason: unit.reason, date: unit.date, origin: origin)
            releases.append(release)
            fresh.append(release)
            replaced.insert(unit.unitID)
        }

        let released = Set(previous.map(\.reserveUnitID))
        for use in uses.sorted(by: { ($0.date, $0.reserveUnitID) < ($1.date, $1.reserveUnitID) })
        where !released.contains(use.reserveUnitID) {
            guard let index = groupOfUnit[use.reserveUnitID],
                  let reserve = groups[index].members.first(where: { $0.unitID == use.reserveUnitID && $0.role == .reserve }),
                  let unit = lost.first(where: {
                      groupOfUnit[$0.unitID] == index && !replaced.contains($0.unitID) && $0.date <= use.date
                  })
            else {
                unmatched.append(use)
                continue
            }
            let group = groups[index]
            add(reserve, of: group, for: unit, origin: nextRank(group) == reserve.reserveRank ? .usedInField : .outOfOrder)
        }

        for unit in lost where !replaced.contains(unit.unitID) {
            guard let index = groupOfUnit[unit.unitID], let rank = nextRank(groups[index]),
                  let reserve = groups[index].members.first(where: { $0.role == .reserve && $0.reserveRank == rank })
            else {
                exhausted.append(unit.unitID)
                continue
            }
            add(reserve, of: groups[index], for: unit, origin: .planner)
        }
        return Outcome(releases: releases.sorted(by: ReserveRelease.logOrder),
                       newReleases: fresh.sorted(by: ReserveRelease.logOrder), exhausted: exhausted,
                       unmatched: unmatched)
    }
}
