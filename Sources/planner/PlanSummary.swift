import Foundation
import PlannerFormats
import PlannerPipeline
import PlannerReports

extension OutputOptions {
    /// Prints what a job wrote as `--quiet` and `--json` ask; an incomplete plan then ends the command with
    /// exit 3 and its diagnosis.
    func report(_ written: WrittenPlan, command: String) throws {
        if json {
            print(try RunReport(command: command, written: written, language: chosenLanguage).jsonText())
        } else if !quiet {
            for line in PlanSummary.lines(written) { print(InputText.escapedLines(line)) }
        }
        if let plan = written.fieldwork, !plan.isComplete {
            throw IncompletePlanWritten(unscheduledVisits: plan.unscheduledUnitIDs.count,
                                        diagnosis: (plan.shortfallProof.map { [$0.summaryLine] } ?? [])
                                            + (plan.diagnosis?.summaryLines ?? []))
        }
    }
}

/// The summary lines a command prints on standard output after writing a plan folder.
enum PlanSummary {
    static func lines(_ written: WrittenPlan) -> [String] {
        guard let plan = written.fieldwork else {
            return written.drawnSample.map { [SampleFolder.summaryLine(for: $0, destination: written.folder)] } ?? []
        }
        let solver = written.manifest.solver
        let totals = plan.totals
        let gap = solver?.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "–"
        return (written.replan.map(replanLines) ?? []) + [
            "Fieldwork: \(totals.scheduledUnits) of \(totals.units) visits in \(totals.enumeratorDays) "
                + "enumerator-days by \(totals.enumeratorsUsed) enumerators, \(Int(totals.travelMinutes.rounded())) "
                + "travel minutes; \(solver?.backend ?? "solver") "
                + (solver.map { SolverStatusWords.commandLine(status: $0.status, gap: $0.gap) } ?? "–") + ", objective "
                + String(format: "%.1f", solver?.objective ?? 0) + ", gap \(gap), "
                + String(format: "%.1f s of planning", solver?.seconds ?? 0),
            "Plan written to \(written.folder.path)",
        ] + (solver?.stoppedByTimeLimit == true ? [Self.timeLimitNote] : [])
    }

    /// The planner's own stopping rules make a plan reproducible; a time limit reached on a busy machine does not.
    static let timeLimitNote = "Note: the time limit ended the planning before its own stopping rules did, so "
        + "another run (on a less busy machine, or with a larger --time-limit) may give a different plan."

    /// What a re-plan recorded, released and changed.
    private static func replanLines(_ content: ReplanContent) -> [String] {
        let changes = content.result.changes
        let share = content.movedShareOfOthers.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        var lines = [
            "Re-plan from \(content.asOf): \(content.history.count) visits recorded, "
                + "\(content.newReleases.count) reserve units released"
                + (content.exhausted.isEmpty ? "" : " (\(content.exhausted.count) lost units have no reserve left)")
                + "; \(content.plan.totals.units) units to visit",
            "Changes: \(changes.count(.kept)) visits kept, \(changes.count(.moved)) moved, "
                + "\(changes.count(.added)) added, \(changes.count(.removed)) removed; "
                + "\(share) of the other enumerators' remaining visits moved",
        ]
        // The notices the post offices must hand to the communes and zones again; the summary page names them.
        let notices = ReplanDashboard.noticesToSendAgain(content, .english)
        lines.append("Notices to send again (schedule changed): \(notices.changed.count) of \(notices.total) "
                     + "(listed on summary.html)")
        // The route sheets to print, keep and take back: each office's daily bundle names them.
        if let sheets = content.sheetChanges.map(SheetChange.counts) {
            let changed = sheets[.changed]!, new = sheets[.new]!
            lines.append("Route sheets from \(content.asOf): \(changed + new) to print (\(changed) changed, \(new) new), "
                         + "\(sheets[.unchanged]!) unchanged, \(sheets[.withdrawn]!) to take back (each office's daily "
                         + "bundle names them)")
        } else {
            lines.append("Route sheets from \(content.asOf): not compared with the parent's (its folder has no "
                         + "reserve-holders.csv); print them all")
        }
        if !content.progressFiles.isEmpty {
            lines.append("Progress read: " + content.progressFiles.map { file in
                "\(file.path) \(file.rows) rows (\(file.used) used"
                    + (file.repeated > 0 ? ", \(file.repeated) repeated" : "")
                    + (file.alreadyRecorded > 0 ? ", \(file.alreadyRecorded) already recorded" : "")
                    + (file.unfilled > 0 ? ", \(file.unfilled) with no status" : "") + ")"
            }.joined(separator: "; "))
        }
        if let leave = content.datasetLeave {
            lines.append("The dataset's unavailability.csv changed since the plan: "
                         + (leave.isEmpty ? "no span covers a planned visit"
                            : leave.map { "\($0.enumeratorID) from \($0.from)" }.joined(separator: ", ")))
        }
        if let unrecorded = content.unrecorded {
            lines.append("Planned visits before \(content.asOf) with no recorded outcome: \(unrecorded.visits.count), "
                         + (unrecorded.handling == .postpone ? "postponed" : "taken as not made")
                         + " (planned again, not counted as attempts)")
        }
        let moved = changes.enumerators.filter { $0.moved > 0 || $0.removed > 0 }
        if !moved.isEmpty {
            // A strike moves the visits of a hundred enumerators: the terminal line names the ten who lose most
            // and counts the rest, which changes.csv and the summary page list.
            let named = moved.count <= Self.movedNamedLimit ? moved
                : Array(moved.sorted { ($0.moved + $0.removed, $1.enumeratorID) > ($1.moved + $1.removed, $0.enumeratorID) }
                    .prefix(Self.movedNamedLimit))
            lines.append("Moved per enumerator: "
                         + named.map { "\($0.enumeratorID) \($0.moved + $0.removed)/\($0.previousVisits)" }
                .joined(separator: ", ")
                         + (named.count < moved.count
                            ? " and \(moved.count - named.count) more enumerators (changes.csv, summary.html)" : ""))
        }
        return lines
    }

    /// Enumerators named on the terminal's "Moved per enumerator" line; the others are counted.
    static let movedNamedLimit = 10
}
