import PlannerCore
import PlannerFieldwork

/// Planned visits before the as-of date that no progress file and no parent history gives an outcome for.
///
/// A re-plan must not guess what they were: a forgotten row would be planned again as if never made, a whole
/// office's missing file would silently redo its days. So they stop the re-plan unless the user says what they
/// were (`Handling`); both choices plan the units again from the as-of date, and neither counts as an attempt
/// towards `max_attempts` (a visit made and not met is recorded as `not_at_home` or `postponed`).
public struct UnrecordedVisits: Hashable, Sendable {
    /// What the user says the visits were.
    public enum Handling: String, Hashable, Sendable, CaseIterable {
        /// The visits were not made: the units are planned again.
        case notVisited = "not-visited"
        /// The visits were put off on purpose: planned again, and the report lists them as postponed.
        case postpone
    }

    public struct Visit: Hashable, Sendable {
        public var unitID: String
        public var enumeratorID: EnumeratorID
        public var date: CalendarDate
    }

    /// Visits per enumerator and day.
    public struct Day: Hashable, Sendable {
        public var enumeratorID: EnumeratorID
        public var date: CalendarDate
        public var visits: Int
    }

    /// By date, enumerator and unit.
    public var visits: [Visit]
    public var handling: Handling?

    public init(visits: [Visit], handling: Handling?) {
        self.visits = visits
        self.handling = handling
    }

    /// The planned visits before `asOf` with no outcome. A planned visit has one when the unit has a recorded
    /// visit on its day or later (a visit made on another day than planned still counts), or when the history
    /// already finishes the unit (completed, lost, or `maxAttempts` visits without contact).
    public init(planned: [VisitAssignment], history: [RecordedVisit], asOf: CalendarDate, maxAttempts: Int,
                handling: Handling?) {
        let byUnit = Dictionary(grouping: history, by: \.unitID)
        visits = planned.filter { $0.date < asOf }.filter { visit in
            let recorded = byUnit[visit.unitID] ?? []
            if recorded.contains(where: { $0.date >= visit.date }) { return false }
            return UnitProgress(unitID: visit.unitID, visits: recorded, maxAttempts: maxAttempts).isPending
        }
        .map { Visit(unitID: $0.unitID, enumeratorID: $0.enumeratorID, date: $0.date) }
        .sorted { ($0.date, $0.enumeratorID, $0.unitID) < ($1.date, $1.enumeratorID, $1.unitID) }
        self.handling = handling
    }

    public var isEmpty: Bool { visits.isEmpty }

    /// Counts per enumerator and day, by date then enumerator.
    public var days: [Day] {
        var days: [Day] = []
        for visit in visits {
            if let last = days.last, last.enumeratorID == visit.enumeratorID, last.date == visit.date {
                days[days.count - 1].visits += 1
            } else {
                days.append(Day(enumeratorID: visit.enumeratorID, date: visit.date, visits: 1))
            }
        }
        return days
    }

    /// Why the re-plan stops when nothing was said about these visits, and what to do.
    public func refusal(asOf: CalendarDate) -> String {
        let shownDays = days.prefix(20).map { "\($0.enumeratorID) \($0.date): \($0.visits)" }
        let units = visits.prefix(5).map(\.unitID)
        return "\(visits.count) planned visit\(visits.count == 1 ? "" : "s") before \(asOf) "
            + "\(visits.count == 1 ? "has" : "have") no recorded outcome in the progress files or the parent's "
            + "history (per enumerator and day: \(shownDays.joined(separator: ", "))"
            + (days.count > 20 ? ", … \(days.count - 20) more days" : "") + "; first units: "
            + units.joined(separator: ", ") + (visits.count > 5 ? ", …" : "") + "). Add their rows to a progress "
            + "file (give every office's file with --progress), or say what they were: --unrecorded not-visited "
            + "(not made: the units are planned again) or --unrecorded postpone (put off: planned again and "
            + "listed as postponed in the report)"
    }
}
