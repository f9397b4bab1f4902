import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerPlanFormat
import PlannerSampling

/// `replan-report.md`: what the re-plan started from, what it released, what it moved for whom, and — when
/// the deadline can no longer be met — by how much and what would fix it.
enum ReplanReport {
    static func markdown(_ content: ReplanContent, language: Language) -> String {
        let text = ReplanText.of(language)
        let fieldworkText = FieldworkText.of(language)
        let plan = content.plan
        let changes = content.result.changes
        var lines: [String] = []
        if !plan.isComplete {
            lines += ["# \(text.incomplete)", "", "**\(text.missed(plan.unscheduledUnitIDs.count, plan.totals.units))**", ""]
        }
        lines += ["# \(text.title(content.asOf))", ""]
        lines += ["- \(text.parent): `\(cell(content.parentPath))`",
                  "- \(text.recordedVisits): \(content.history.count)",
                  "- \(text.completed): \(content.progress.filter { $0.stateName == "completed" }.count)",
                  "- \(text.nonresponse): \(content.progress.filter(\.isNonresponse).count)",
                  "- \(text.pending): \(content.progress.filter(\.isPending).count)",
                  "- \(text.dropped): " + (content.droppedEnumerators.isEmpty ? "–"
                                           : content.droppedEnumerators.map(\.rawValue).joined(separator: ", ")),
                  ""]

        lines += ["## \(text.progressHeading)", ""]
        if content.progressFiles.isEmpty {
            lines += [text.noProgressFile, ""]
        } else {
            lines += ["| \(text.progressFile) | \(text.rows) | \(text.used) | \(text.repeated) | \(text.alreadyRecorded) "
                        + "| \(text.unfilled) |",
                      "| --- | ---: | ---: | ---: | ---: | ---: |"]
            lines += content.progressFiles.map { file in
                "| " + [file.path, String(file.rows), String(file.used), String(file.repeated),
                        String(file.alreadyRecorded), String(file.unfilled)].map(cell).joined(separator: " | ") + " |"
            }
            lines.append("")
        }

        if let leave = content.datasetLeave {
            lines += ["## \(text.datasetLeaveHeading)", "", text.datasetLeaveRule, "",
                      "| \(text.enumerator) | \(text.from) | \(text.to) | \(text.reason) |", "| --- | --- | --- | --- |"]
            lines += leave.map { span in
                "| " + [span.enumeratorID.rawValue, span.from.description, span.to?.description ?? text.toTheEnd,
                        span.reason].map(cell).joined(separator: " | ") + " |"
            }
            lines.append("")
        }
        if let unrecorded = content.unrecorded {
            lines += ["## \(text.unrecordedHeading)", "",
                      unrecorded.handling == .postpone ? text.unrecordedPostponed : text.unrecordedNotVisited, "",
                      "| \(text.enumerator) | \(text.date) | \(text.visits) |", "| --- | --- | ---: |"]
            lines += unrecorded.days.map { "| \(cell($0.enumeratorID.rawValue)) | \($0.date) | \($0.visits) |" }
            lines.append("")
        }

        lines += ["## \(text.releasesHeading)", ""]
        if content.newReleases.isEmpty {
            lines += [text.noRelease, ""]
        } else {
            lines += ["| \(text.group) | \(text.rank) | \(text.reserve) | \(text.replaces) | \(text.reason) | \(text.date) "
                        + "| \(text.releasedBy) |",
                      "| --- | ---: | --- | --- | --- | --- | --- |"]
            lines += content.newReleases.map { release in
                "| " + [release.groupID, String(release.rank), release.reserveUnitID, release.replacedUnitID,
                        fieldworkText.releaseReason(release.reason), release.date.description,
                        fieldworkText.releaseOrigin(release.origin)]
                    .map(cell).joined(separator: " | ") + " |"
            }
            lines.append("")
        }
        if !content.exhausted.isEmpty {
            lines += ["\(text.exhausted): " + content.exhausted.joined(separator: ", "), ""]
        }

        lines += ["## \(text.changesHeading)", ""]
        let share = content.movedShareOfOthers.map { SummaryPage.percent($0, language) } ?? "–"
        lines += ["- \(text.tripsKept): \(content.result.previousTripsKept) / \(content.result.previousTrips)",
                  "- \(text.kept): \(changes.count(.kept))",
                  "- \(text.moved): \(changes.count(.moved))",
                  "- \(text.added): \(changes.count(.added))",
                  "- \(text.removed): \(changes.count(.removed))",
                  "- \(text.movedShare): \(share)",
                  "- \(text.bufferDays): " + bufferLine(content, text, fieldworkText),
                  "- \(text.solver): "
                    + fieldworkText.solverStatus(plan.solver.statusName, printedPlanGap: plan.solver.planGap)
                    + "; " + fieldworkText.planSource(plan.solver.source.rawValue),
                  ""]
        lines += ["| \(text.enumerator) | \(text.previous) | \(text.kept) | \(text.moved) | \(text.removed) | "
                      + "\(text.received) | \(text.now) |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        lines += changes.enumerators.map { row in
            let name = row.enumeratorID.rawValue
                + (content.droppedEnumerators.contains(row.enumeratorID) ? " (\(text.droppedMark))" : "")
            return "| " + [name, String(row.previousVisits), String(row.kept), String(row.moved), String(row.removed),
                           String(row.received), String(row.newVisits)].map(cell).joined(separator: " | ") + " |"
        }
        lines.append("")

        if plan.diagnosis != nil, !plan.isComplete {
            // The same words as fieldwork-report.md, in the reader's language (the terminal's summary lines are
            // English only).
            let districts = Dictionary(content.dataset.communes.map { ($0.districtCode, $0.districtName) },
                                       uniquingKeysWith: { first, _ in first })
            lines += ["## \(text.deadlineHeading)", ""]
                + FieldworkReport.shortfall(plan, fieldworkText) { districts[$0] ?? $0.rawValue }
            lines += [text.missedList + " " + plan.unscheduledUnitIDs.joined(separator: ", "), ""]
        }
        lines += ["## \(text.weightsHeading)", "", text.weightsRule, ""]
        return lines.joined(separator: "\n")
    }

    /// Whether the buffer days still ahead were kept free: a manager reads from it whether call-backs and
    /// reserves still have days at the end, without looking up the dates.
    static func bufferLine(_ content: ReplanContent, _ text: ReplanText, _ fieldworkText: FieldworkText) -> String {
        let days = content.bufferDaysAhead
        guard !days.isEmpty else { return text.noBufferDays }
        let dates = days.map(fieldworkText.shortDate).joined(separator: ", ")
        let visits = content.visitsOnBufferDays
        return (visits == 0 ? text.bufferKept : text.bufferUsed(visits)) + " (\(dates))"
    }

    static func cell(_ value: String) -> String {
        MarkdownText.inline(value)
    }
}
