/// What the planner can prove about an incomplete plan's shortfall.
///
/// The LP over every day pattern (`PatternGeneration`) puts coverage first in its objective: the unserved penalty
/// exceeds all the travel and balance a plan can have, so its lower bound L on every plan's objective proves that
/// every plan with this staff and calendar leaves at least ⌊L / penalty⌋ units unserved, and, once converged, at
/// least its own unserved units rounded up; a count of working minutes alone (`AssignmentInstance.unservedByCapacity`)
/// gives pooled models a proof too (`SolverStatistics.unservedLowerBound`). A plan that leaves more
/// than that has not been shown to be short of staff: its search stopped (the time limit, or its own rules) before
/// finding room that may exist. Issue 10 asks that a plan be called short only with the proof; this says which
/// part of a shortfall is proven and which is not.
///
/// It is rendered into files that `planner verify` renders again from fieldwork.json, which leaves out whether the
/// time limit fired (that is in manifest.json), so the advice for the unproven part names both cases.
public struct ShortfallProof: Hashable, Sendable {
    /// Units the plan leaves unserved.
    public var unserved: Int
    /// Units every plan must leave unserved (at most `unserved`); nil when no bound was computed.
    public var provenMinimum: Int?

    public init(unserved: Int, provenMinimum: Int?) {
        self.unserved = unserved
        self.provenMinimum = provenMinimum.map { min(max($0, 0), unserved) }
    }

    /// The whole shortfall is proven: every plan leaves at least as many units unserved as this one.
    public var isProven: Bool { provenMinimum == unserved }

    /// What is proven, in one English line: for the command line and the re-plan report, beside the diagnosis'
    /// own English lines.
    public var summaryLine: String {
        let tail = "the search found no room for them, which does not show that there is none; if the time limit "
            + "ended the planning (manifest.json, solver.stopped_by_time_limit), run again with a larger --time-limit "
            + "before adding staff"
        switch provenMinimum {
        case let minimum? where minimum == unserved:
            return "proof: with this staff and calendar every plan leaves at least \(minimum) units unserved (proven "
                + "by a relaxation over every possible working day)"
        case let minimum? where minimum > 0:
            return "proof: with this staff and calendar every plan leaves at least \(minimum) of these \(unserved) "
                + "units unserved; for the other \(unserved - minimum) there is no proof: " + tail
        case .some:
            return "not proven: a plan serving every unit may exist (no relaxation over every possible working day "
                + "rules it out); " + tail
        case nil:
            return "no proof: no bound on the units left unserved was computed for this plan; " + tail
        }
    }
}

extension FieldworkPlan {
    /// What is proven about the units this plan leaves unserved; nil for a complete plan.
    public var shortfallProof: ShortfallProof? {
        guard !isComplete else { return nil }
        return ShortfallProof(unserved: unscheduledUnitIDs.count, provenMinimum: solver.unservedLowerBound)
    }
}
