import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat

extension PlanInvariants {
    /// A re-planned folder's history as a record on its own (docs/replanning.md, rule 1 and the checks of
    /// `progress.csv`): recorded visits before the as-of date, planned ones from it on; one record per unit and
    /// date, in the survey window, by a known enumerator; no visit after the unit was completed or lost.
    ///
    /// Whether the history is the parent's plus the progress reported is checked against the parent
    /// (`PlanVerifier.ParentState`).
    func checkHistoryRows(_ visits: [Visit], asOf: CalendarDate, _ findings: inout [PlanFinding]) {
        let calendar = dataset.settings.calendar
        let enumerators = Set(dataset.enumerators.map(\.id))
        struct UnitDay: Hashable {
            var unitID: String
            var date: CalendarDate
        }
        var firstLine: [UnitDay: Int] = [:]
        for visit in visits {
            func finding(_ check: PlanFinding.Check, _ message: String) {
                findings.append(PlanFinding(check, PlanFile.assignments, line: visit.line, message))
            }
            guard visit.isHistory else {
                if visit.date < asOf {
                    finding(.history, "\(visit.unitID) is planned on \(visit.date), before the as-of date \(asOf): "
                                + "days before it hold only recorded visits")
                }
                continue
            }
            if visit.date >= asOf {
                finding(.history, "\(visit.unitID) has a recorded visit on \(visit.date), on or after the as-of date "
                            + "\(asOf): days from it on are planned, not recorded")
            }
            if !calendar.contains(visit.date) {
                finding(.calendar, "recorded visit of \(visit.unitID) on \(visit.date), outside the survey window "
                            + "\(calendar.firstDay)…\(calendar.lastDay)")
            }
            if !enumerators.contains(visit.enumeratorID) {
                finding(.skills, "enumerator \(InputProblem.quoted(visit.enumeratorID.rawValue)) of a recorded visit "
                            + "is not in enumerators.csv or \(ReplannedFolder.newEnumeratorsPath)")
            }
            let key = UnitDay(unitID: visit.unitID, date: visit.date)
            if let first = firstLine[key] {
                finding(.history, "\(visit.unitID) is recorded again on \(visit.date) (first on line \(first)); "
                            + "expected one record per unit and date")
            } else {
                firstLine[key] = visit.line
            }
        }

        // Nothing after a unit is done or lost: its first completed, refused, not_found or closed visit.
        let history = visits.filter(\.isHistory)
        let ending = Dictionary(grouping: history.filter { visit in
            visit.status.map { $0 == .completed || $0.endsInNonresponse } ?? false
        }, by: \.unitID).mapValues { $0.min { ($0.date, $0.line) < ($1.date, $1.line) }! }
        for visit in history {
            if let end = ending[visit.unitID], end.date < visit.date {
                findings.append(PlanFinding(.history, PlanFile.assignments, line: visit.line,
                                            "\(visit.unitID) has a recorded visit on \(visit.date), after it was "
                                                + "\(end.status!.rawValue) on \(end.date) (line \(end.line))"))
            }
        }
    }
}
