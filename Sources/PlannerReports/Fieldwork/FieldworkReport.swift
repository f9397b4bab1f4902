import Foundation
import PlannerCore
import PlannerFieldwork

/// `fieldwork-report.md`: how the plan was solved, what it adds up to, who carries what, and — for an
/// incomplete plan — why, what would close the gap, and which units would be missed.
///
/// An incomplete plan says so in its first line, so that it cannot be mistaken for a publishable one. Solver
/// timings are not here but in `manifest.json` (`solver.seconds`, `run`), so that two runs on the same inputs
/// give the same report byte for byte.
enum FieldworkReport {
    static func markdown(_ context: FieldworkContext) -> String {
        let text = context.text
        let plan = context.plan
        // With the reader's decimal mark, as the summary page and the design report: "12.165 %" reads as twelve
        // thousand per cent to a Vietnamese reader.
        func fixed(_ value: Double, _ digits: Int) -> String { SummaryPage.decimal(value, digits: digits, text.language) }
        var lines: [String] = []
        if !plan.isComplete {
            lines += ["# \(text.incompleteHeading)", "",
                      "**\(text.incompleteWarning(plan.unscheduledUnitIDs.count, plan.totals.units))**", ""]
        }
        lines += ["# \(text.reportTitle)", "", "\(text.surveyLabel): \(cell(SurveyName.standalone(context.surveyName)))", ""]

        let solver = plan.solver
        lines += ["## \(text.solverHeading)", ""]
        lines += facts([
            (text.statusLabel, text.solverStatus(solver.statusName, printedPlanGap: solver.planGap)),
            // The printed plan's figures, as in the manifest and on the summary page: the last MIP solve's own
            // (on a plan the neighbourhood search improved, the one-site stage's) would show a gap of 0 % for
            // another model.
            (text.objectiveLabel, fixed(solver.planObjective, 1)),
            (text.bestBoundLabel, solver.planBound.map { fixed($0, 1) } ?? text.none),
            (text.gapLabel, solver.planGap.map { fixed($0 * 100, 3) + " %" } ?? text.none),
            (text.solverVersionLabel, solver.backend.description),
            (text.planSourceLabel, text.planSource(solver.source.rawValue)),
            (text.warmStartLabel, solver.warmStartAccepted.map { $0 ? text.yes : text.no } ?? text.none),
            (text.heuristicObjectiveLabel, fixed(solver.heuristicObjective, 1)),
            (text.chosenObjectiveLabel, fixed(solver.chosenObjective, 1)),
        ])

        let totals = plan.totals
        lines += ["## \(text.totalsHeading)", ""]
        lines += facts([
            (text.unitsScheduledLabel, "\(totals.scheduledUnits) / \(totals.units)"),
            (text.enumeratorDaysUsedLabel, String(totals.enumeratorDays)),
            (text.enumeratorsUsedLabel, String(totals.enumeratorsUsed)),
            (text.realTravelLabel, fixed(totals.travelMinutes, 1)),
            (text.modelTravelLabel, fixed(totals.modelTravelMinutes, 1)),
            (text.moveMinutesLabel, fixed(totals.moveMinutes, 1)),
            (text.interviewMinutesLabel, String(totals.interviewMinutes)),
            (text.dayTripsLabel, String(totals.dayTrips)),
            (text.daysSavedLabel, String(totals.daysSavedByMerging)),
        ])

        lines += ["## \(text.workloadHeading)", ""] + workload(context) + [""]

        if plan.diagnosis != nil {
            lines += ["## \(text.diagnosisHeading)", ""] + shortfall(plan, text, districtName: context.districtName)
        }

        if !plan.isComplete {
            lines += ["## \(text.missedHeading)", "",
                      "| \(text.unitLabel) | \(text.labelLabel) | \(text.districtLabel) | \(text.communeLabel) | "
                          + "\(text.reasonLabel) |",
                      "| --- | --- | --- | --- | --- |"]
            for missed in AssignmentTables.unscheduledUnits(context) {
                lines.append("| " + [missed.unitID, missed.label, missed.districtCode.map(context.districtName) ?? "",
                                     missed.communeCode.map(context.communeName) ?? "", missed.reason]
                    .map(cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func workload(_ context: FieldworkContext) -> [String] {
        let text = context.text
        var lines = ["| \(text.enumeratorLabel) | \(text.postOfficeLabel) | \(text.enumeratorDaysLabel) | "
                         + "\(text.visitsLabel) | \(text.travelLabel) | \(text.interviewLabel) | \(text.usedLabel) | "
                         + "\(text.budgetLabel) |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        let enumerators = Set(context.routes.map(\.enumeratorID)).sorted()
        for id in enumerators {
            let routes = context.routes.filter { $0.enumeratorID == id }
            let visits = routes.reduce(0) { $0 + $1.unitIDs.count }
            let values = ["\(id.rawValue) \(context.enumeratorName(id))",
                          context.enumerator(id)?.postOffice.rawValue ?? "", String(routes.count), String(visits),
                          FieldworkContext.whole(routes.reduce(0) { $0 + $1.travelMinutes }),
                          String(routes.reduce(0) { $0 + $1.interviewMinutes }),
                          FieldworkContext.whole(routes.reduce(0) { $0 + $1.usedMinutes }),
                          String(routes.reduce(0) { $0 + $1.budgetMinutes })]
            lines.append("| " + values.map(cell).joined(separator: " | ") + " |")
        }
        return lines
    }

    /// An incomplete plan's proof, then what each district and kind of work lacks and what would close it, in
    /// the reader's language; nothing for a plan without a diagnosis. The re-plan's report shows the same lines.
    static func shortfall(_ plan: FieldworkPlan, _ text: FieldworkText,
                          districtName: (DistrictCode) -> String) -> [String] {
        guard let diagnosis = plan.diagnosis else { return [] }
        var lines: [String] = []
        if let proof = plan.shortfallProof { lines += [text.shortfallProofLine(proof), ""] }
        for gap in diagnosis.gaps {
            lines.append("- " + text.gapLine("\(districtName(gap.districtCode)) (\(gap.districtCode.rawValue))",
                                             text.work(gap.skill), gap.unservedUnits, gap.lackingEnumeratorDays,
                                             gap.lackingEnumeratorMinutes, gap.eligibleEnumerators.count))
            lines += remedies(gap.remedies, text)
        }
        lines.append("- " + text.totalGapLine(diagnosis.unservedUnits, diagnosis.lackingEnumeratorDays,
                                              diagnosis.lackingEnumeratorMinutes))
        lines += remedies(diagnosis.remedies, text)
        return lines + [""]
    }

    /// Indented list lines under a gap: the heading, then each remedy.
    private static func remedies(_ remedies: ShortfallDiagnosis.Remedies, _ text: FieldworkText) -> [String] {
        ["\(text.closeWith):",
         text.bufferRemedy(remedies.bufferDaysNeeded, remedies.enumeratorDaysFromAllBufferDays),
         text.saturdayRemedy(remedies.saturdaysNeeded, remedies.additionalEnumeratorDays,
                             remedies.enumeratorDaysFromAllSaturdays),
         text.enumeratorRemedy(remedies.additionalEnumerators),
         text.takeRemedy(remedies.takeReduction)]
            .enumerated().map { index, line in (index == 0 ? "  - " : "    - ") + line }
    }

    private static func facts(_ pairs: [(String, String)]) -> [String] {
        pairs.map { "- \($0.0): \(cell($0.1))" } + [""]
    }

    /// Text from inputs inside a Markdown table or list: no line breaks, no cell separators, no raw HTML.
    static func cell(_ value: String) -> String {
        MarkdownText.inline(value)
    }
}
