import PlannerCore

/// The texts of `replan-report.md` in one language.
struct ReplanText {
    var incomplete: String
    var missed: (Int, Int) -> String
    var title: (CalendarDate) -> String
    var parent, recordedVisits, completed, nonresponse, pending, dropped, droppedMark: String
    var releasesHeading, noRelease, group, rank, reserve, replaces, reason, date, exhausted: String
    var changesHeading, tripsKept, kept, moved, added, removed, movedShare, solver: String
    var bufferDays, bufferKept, noBufferDays: String
    var bufferUsed: (Int) -> String
    var enumerator, previous, received, now: String
    var deadlineHeading, missedList, weightsHeading, weightsRule: String
    var progressHeading, noProgressFile, progressFile, rows, used, repeated, alreadyRecorded, unfilled: String
    var unrecordedHeading, unrecordedNotVisited, unrecordedPostponed, visits: String
    var datasetLeaveHeading, datasetLeaveRule, from, to, toTheEnd: String
    /// The heading of the release's origin: `planner`, `used-in-field` or `out-of-order`.
    var releasedBy: String

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
                bufferDays: "Buffer days",
                bufferKept: "kept free for call-backs and reserve units",
                noBufferDays: "none left in the window",
                bufferUsed: { "used, planned visits on them: \($0) (a re-plan uses them only when the remaining work cannot "
                    + "all be planned before them)" },
                enumerator: "Enumerator", previous: "Previous visits", received: "Received",
                now: "Visits now", deadlineHeading: "Deadline",
                missedList: "Units that would be missed:", weightsHeading: "Weights",
                weightsRule: "weights.csv: the weights of the units released in each release group (stratum, or "
                    + "commune of a two-stage design), with those not lost counted as respondents; provisional "
                    + "until fieldwork ends (docs/replanning.md).",
                progressHeading: "Progress files read", noProgressFile: "No progress file.", progressFile: "File",
                rows: "Rows", used: "Visits used", repeated: "Repeated (counted once)",
                alreadyRecorded: "Already recorded", unfilled: "Status empty",
                unrecordedHeading: "Planned visits with no recorded outcome",
                unrecordedNotVisited: "Taken as not made (--unrecorded not-visited): the units are planned again; "
                    + "not counted as attempts.",
                unrecordedPostponed: "Postponed (--unrecorded postpone): the units are planned again; not counted "
                    + "as attempts.",
                visits: "Visits",
                datasetLeaveHeading: "Leave added to the dataset's unavailability.csv",
                datasetLeaveRule: "The file changed since the parent plan; its spans that cover visits the parent "
                    + "planned are taken as changes of availability:",
                from: "From", to: "To", toTheEnd: "end of survey", releasedBy: "Released by")
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
                bufferDays: "Ngày dự phòng",
                bufferKept: "để trống cho thăm lại và đơn vị dự phòng",
                noBufferDays: "không còn trong thời gian còn lại",
                bufferUsed: { "đã dùng, số lượt thăm xếp vào: \($0) (chỉ dùng khi không xếp kịp toàn bộ công việc còn lại "
                    + "trước các ngày này)" },
                enumerator: "Điều tra viên", previous: "Lượt thăm trước", received: "Nhận thêm",
                now: "Lượt thăm hiện tại", deadlineHeading: "Thời hạn",
                missedList: "Đơn vị sẽ bị bỏ sót:", weightsHeading: "Quyền số",
                weightsRule: "weights.csv: quyền số của các đơn vị đã dùng trong từng nhóm (tầng, hoặc xã của "
                    + "thiết kế hai giai đoạn), coi các đơn vị chưa mất là trả lời; quyền số tạm thời cho đến khi kết thúc "
                    + "điều tra (docs/replanning.md).",
                progressHeading: "Tệp tiến độ đã đọc", noProgressFile: "Không có tệp tiến độ.", progressFile: "Tệp",
                rows: "Số dòng", used: "Lượt thăm sử dụng", repeated: "Trùng (tính một lần)",
                alreadyRecorded: "Đã ghi nhận trước", unfilled: "Chưa điền kết quả",
                unrecordedHeading: "Lượt thăm theo kế hoạch chưa ghi kết quả",
                unrecordedNotVisited: "Coi là chưa thăm (--unrecorded not-visited): các đơn vị được lập kế hoạch "
                    + "lại; không tính là lần thăm.",
                unrecordedPostponed: "Hoãn (--unrecorded postpone): các đơn vị được lập kế hoạch lại; không tính "
                    + "là lần thăm.",
                visits: "Lượt thăm",
                datasetLeaveHeading: "Nghỉ phép mới trong unavailability.csv của bộ dữ liệu",
                datasetLeaveRule: "Tệp đã thay đổi so với kế hoạch gốc; các khoảng nghỉ trùng với lượt thăm đã lập "
                    + "được coi là thay đổi về người làm:",
                from: "Từ", to: "Đến", toTheEnd: "hết đợt khảo sát", releasedBy: "Cách sử dụng")
        }
    }
}
