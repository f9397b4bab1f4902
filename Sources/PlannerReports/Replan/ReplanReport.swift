import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerSampling

/// `replan-report.md`: what the re-plan started from, what it released, what it moved for whom, and — when
/// the deadline can no longer be met — by how much and what would fix it.
enum ReplanReport {
    static func markdown(_ content: ReplanContent, language: Language) -> String {
        let text = ReplanText.of(language)
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

        lines += ["## \(text.releasesHeading)", ""]
        if content.newReleases.isEmpty {
            lines += [text.noRelease, ""]
        } else {
            lines += ["| \(text.group) | \(text.rank) | \(text.reserve) | \(text.replaces) | \(text.reason) | \(text.date) |",
                      "| --- | ---: | --- | --- | --- | --- |"]
            lines += content.newReleases.map { release in
                "| " + [release.groupID, String(release.rank), release.reserveUnitID, release.replacedUnitID,
                        release.reason, release.date.description].map(cell).joined(separator: " | ") + " |"
            }
            lines.append("")
        }
        if !content.exhausted.isEmpty {
            lines += ["\(text.exhausted): " + content.exhausted.joined(separator: ", "), ""]
        }

        lines += ["## \(text.changesHeading)", ""]
        let share = content.movedShareOfOthers.map { String(format: "%.1f %%", $0 * 100) } ?? "–"
        lines += ["- \(text.tripsKept): \(content.result.previousTripsKept) / \(content.result.previousTrips)",
                  "- \(text.kept): \(changes.count(.kept))",
                  "- \(text.moved): \(changes.count(.moved))",
                  "- \(text.added): \(changes.count(.added))",
                  "- \(text.removed): \(changes.count(.removed))",
                  "- \(text.movedShare): \(share)",
                  "- \(text.solver): \(plan.solver.statusName), \(text.source) \(plan.solver.source.rawValue)",
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

        if let diagnosis = plan.diagnosis, !plan.isComplete {
            lines += ["## \(text.deadlineHeading)", ""]
            lines += diagnosis.summaryLines.map { "- " + cell($0) }
            lines += ["", text.missedList + " " + plan.unscheduledUnitIDs.joined(separator: ", "), ""]
        }
        lines += ["## \(text.weightsHeading)", "", text.weightsRule, ""]
        return lines.joined(separator: "\n")
    }

    static func cell(_ value: String) -> String {
        value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "|", with: "\\|")
    }
}

/// The texts of `replan-report.md` in one language.
struct ReplanText {
    var incomplete: String
    var missed: (Int, Int) -> String
    var title: (CalendarDate) -> String
    var parent, recordedVisits, completed, nonresponse, pending, dropped, droppedMark: String
    var releasesHeading, noRelease, group, rank, reserve, replaces, reason, date, exhausted: String
    var changesHeading, tripsKept, kept, moved, added, removed, movedShare, solver, source: String
    var enumerator, previous, received, now: String
    var deadlineHeading, missedList, weightsHeading, weightsRule: String

    static func of(_ language: Language) -> ReplanText {
        switch language {
        case .english:
            return ReplanText(
                incomplete: "INCOMPLETE PLAN",
                missed: { "\($0) of \($1) remaining visits cannot be made by the end of the window." },
                title: { "Re-plan from \($0)" },
                parent: "Parent plan", recordedVisits: "Visits recorded", completed: "Units completed",
                nonresponse: "Units lost (nonresponse)", pending: "Units still to visit",
                dropped: "Enumerators dropping out", droppedMark: "drops out",
                releasesHeading: "Reserve units released", noRelease: "No new release.", group: "Group",
                rank: "Rank", reserve: "Reserve unit", replaces: "Replaces", reason: "Reason", date: "Date",
                exhausted: "No reserve left for",
                changesHeading: "Changes", tripsKept: "Previous day-trips kept", kept: "Kept", moved: "Moved",
                added: "Added", removed: "Removed",
                movedShare: "Share of the other enumerators' remaining visits moved", solver: "Solver",
                source: "plan from", enumerator: "Enumerator", previous: "Previous visits", received: "Received",
                now: "Visits now", deadlineHeading: "Deadline",
                missedList: "Units that would be missed:", weightsHeading: "Weights",
                weightsRule: "weights.csv: ReleaseGroup.releasedWeights per release group (stratum, or commune of "
                    + "a two-stage design) with the released units not lost counted as respondents; provisional "
                    + "until fieldwork ends (docs/replanning.md).")
        case .vietnamese:
            return ReplanText(
                incomplete: "KẾ HOẠCH CHƯA ĐẦY ĐỦ",
                missed: { "\($0) trong \($1) lượt thăm còn lại không thể thực hiện trước khi hết thời gian." },
                title: { "Kế hoạch điều chỉnh từ ngày \($0)" },
                parent: "Kế hoạch gốc", recordedVisits: "Lượt thăm đã ghi nhận", completed: "Đơn vị đã hoàn thành",
                nonresponse: "Đơn vị không trả lời", pending: "Đơn vị còn phải thăm",
                dropped: "Điều tra viên nghỉ", droppedMark: "nghỉ",
                releasesHeading: "Đơn vị dự phòng được sử dụng", noRelease: "Không có đơn vị dự phòng mới.",
                group: "Nhóm", rank: "Thứ tự", reserve: "Đơn vị dự phòng", replaces: "Thay cho", reason: "Lý do",
                date: "Ngày", exhausted: "Hết đơn vị dự phòng cho",
                changesHeading: "Thay đổi", tripsKept: "Chuyến đi cũ được giữ", kept: "Giữ nguyên", moved: "Chuyển",
                added: "Thêm", removed: "Bỏ",
                movedShare: "Tỷ lệ lượt thăm còn lại của các điều tra viên khác bị chuyển", solver: "Bộ giải",
                source: "kế hoạch từ", enumerator: "Điều tra viên", previous: "Lượt thăm trước", received: "Nhận thêm",
                now: "Lượt thăm hiện tại", deadlineHeading: "Thời hạn",
                missedList: "Đơn vị sẽ bị bỏ sót:", weightsHeading: "Quyền số",
                weightsRule: "weights.csv: ReleaseGroup.releasedWeights cho từng nhóm (tầng, hoặc xã của thiết kế "
                    + "hai giai đoạn), coi các đơn vị chưa mất là trả lời; quyền số tạm thời cho đến khi kết thúc "
                    + "điều tra (docs/replanning.md).")
        }
    }
}
