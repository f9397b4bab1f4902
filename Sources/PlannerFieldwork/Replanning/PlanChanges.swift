import PlannerCore

/// What a re-plan changed for each enumerator and day: visits kept, added, removed and moved.
///
/// Compares the previous plan's visits from the as-of date with the new plan's. A unit planned in both is
/// kept when it stays with the same enumerator on the same date, and moved otherwise; a unit only in the new
/// plan is added (a re-visit, a released reserve, a visit that was missed); a unit only in the previous plan
/// is removed (visited early, or left unscheduled).
public struct PlanChanges: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case kept, added, removed, moved
    }

    /// One unit's change.
    public struct VisitChange: Hashable, Sendable {
        public var unitID: String
        public var kind: Kind
        public var previousEnumeratorID: EnumeratorID?
        public var previousDate: CalendarDate?
        public var newEnumeratorID: EnumeratorID?
        public var newDate: CalendarDate?
    }

    /// One enumerator-day in either plan.
    public struct DayChange: Hashable, Sendable {
        public var enumeratorID: EnumeratorID
        public var date: CalendarDate
        public var previousVisits: Int
        public var newVisits: Int
        public var kept: Int
        /// New to the plan (not in the previous plan at all).
        public var added: Int
        /// Gone from the plan.
        public var removed: Int
        /// Were planned elsewhere (another day or enumerator) and come here.
        public var movedIn: Int
        /// Were planned here and go elsewhere.
        public var movedOut: Int
    }

    /// One enumerator's previous remaining visits, and what became of them.
    public struct EnumeratorChange: Hashable, Sendable {
        public var enumeratorID: EnumeratorID
        public var previousVisits: Int
        public var kept: Int
        /// Previous visits now planned elsewhere (another date or enumerator).
        public var moved: Int
        public var removed: Int
        /// Visits the enumerator gets that it did not have (moved in or added).
        public var received: Int
        public var newVisits: Int
    }

    /// By unit ID; kept visits included.
    public var visits: [VisitChange]
    /// By enumerator, then date.
    public var days: [DayChange]
    /// By enumerator.
    public var enumerators: [EnumeratorChange]

    public init(previous: [VisitAssignment], new: [VisitAssignment]) {
        let before = Dictionary(previous.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [VisitChange] = []
        for unitID in Set(before.keys).union(after.keys).sorted() {
            let old = before[unitID], now = after[unitID]
            let kind: Kind
            switch (old, now) {
            case let (old?, now?): kind = old.enumeratorID == now.enumeratorID && old.date == now.date ? .kept : .moved
            case (_?, nil): kind = .removed
            default: kind = .added
            }
            changes.append(VisitChange(unitID: unitID, kind: kind, previousEnumeratorID: old?.enumeratorID,
                                       previousDate: old?.date, newEnumeratorID: now?.enumeratorID, newDate: now?.date))
        }
        visits = changes

        struct Key: Hashable, Comparable {
            var enumerator: EnumeratorID
            var date: CalendarDate
            static func < (lhs: Key, rhs: Key) -> Bool { (lhs.enumerator, lhs.date) < (rhs.enumerator, rhs.date) }
        }
        var dayTable: [Key: DayChange] = [:]
        func entry(_ enumerator: EnumeratorID, _ date: CalendarDate) -> Key {
            let key = Key(enumerator: enumerator, date: date)
            if dayTable[key] == nil {
                dayTable[key] = DayChange(enumeratorID: enumerator, date: date, previousVisits: 0, newVisits: 0,
                                          kept: 0, added: 0, removed: 0, movedIn: 0, movedOut: 0)
            }
            return key
        }
        for change in changes {
            if let enumerator = change.previousEnumeratorID, let date = change.previousDate {
                let key = entry(enumerator, date)
                dayTable[key]!.previousVisits += 1
                switch change.kind {
                case .kept: dayTable[key]!.kept += 1
                case .moved: dayTable[key]!.movedOut += 1
                case .removed: dayTable[key]!.removed += 1
                case .added: break
                }
            }
            if let enumerator = change.newEnumeratorID, let date = change.newDate {
                let key = entry(enumerator, date)
                dayTable[key]!.newVisits += 1
                switch change.kind {
                case .moved: dayTable[key]!.movedIn += 1
                case .added: dayTable[key]!.added += 1
                case .kept, .removed: break
                }
            }
        }
        days = dayTable.keys.sorted().map { dayTable[$0]! }

        var byEnumerator: [EnumeratorID: EnumeratorChange] = [:]
        for day in days {
            var total = byEnumerator[day.enumeratorID] ?? EnumeratorChange(
                enumeratorID: day.enumeratorID, previousVisits: 0, kept: 0, moved: 0, removed: 0, received: 0,
                newVisits: 0)
            total.previousVisits += day.previousVisits
            total.kept += day.kept
            total.removed += day.removed
            total.newVisits += day.newVisits
            byEnumerator[day.enumeratorID] = total
        }
        // An enumerator's visit moved to another of its own days counts once as moved, not also as received.
        for change in changes where change.kind == .moved {
            byEnumerator[change.previousEnumeratorID!]!.moved += 1
            byEnumerator[change.newEnumeratorID!]!.received += change.previousEnumeratorID == change.newEnumeratorID ? 0 : 1
        }
        for change in changes where change.kind == .added { byEnumerator[change.newEnumeratorID!]!.received += 1 }
        enumerators = byEnumerator.keys.sorted().map { byEnumerator[$0]! }
    }

    /// Visits moved, per enumerator, as a share of the previous visits of `enumerators` (nil with none).
    public func movedShare(of enumerators: Set<EnumeratorID>) -> Double? {
        let concerned = self.enumerators.filter { enumerators.contains($0.enumeratorID) }
        let previous = concerned.reduce(0) { $0 + $1.previousVisits }
        guard previous > 0 else { return nil }
        return Double(concerned.reduce(0) { $0 + $1.moved }) / Double(previous)
    }

    public func count(_ kind: Kind) -> Int { visits.filter { $0.kind == kind }.count }
}
