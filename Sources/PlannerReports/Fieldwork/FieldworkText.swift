import PlannerCore
import PlannerSampling
import PlannerFieldwork

/// Every sentence and heading of the fieldwork files in one language: one table per language, so that a
/// translation is reviewed in one place and no literal hides in the rendering code.
///
/// Parametrised texts are functions of the values they show; dates follow the readers' habits
/// (Vietnamese `Thứ Ba, 03/10/2023`, English `2023-10-03 Tue`).
struct FieldworkText: Sendable {
    let language: Language
    /// Monday first, as `Weekday.allCases`.
    let weekdayNames: [String]
    let writesDayFirst: Bool

    // Units
    let household: String
    let enterprise: String
    let registerLine: @Sendable (Int) -> String
    let householdWork: String
    let enterpriseWork: String
    let minutesUnit: String

    // Shared headings and columns
    let surveyLabel: String
    let enumeratorLabel: String
    let postOfficeLabel: String
    let dateLabel: String
    let communeLabel: String
    let districtLabel: String
    let zoneLabel: String
    let unitLabel: String
    let labelLabel: String
    let addressLabel: String
    let visitsLabel: String
    let householdsLabel: String
    let enterprisesLabel: String
    let contactLabel: String
    let totalLabel: String
    let viaZoneBoard: String

    // Route sheet
    let routeSheetTitle: String
    let orderLabel: String
    let plannedTimeLabel: String
    let travelBeforeLabel: String
    let interviewLabel: String
    let leaveAndBackLabel: String
    /// The lunch break on a route sheet (`DayRoute.breakStartMinutes`).
    var lunchBreakLabel: String { language == .vietnamese ? "Nghỉ trưa" : "Lunch break" }
    var enumeratorIDLabel: String { language == .vietnamese ? "Mã điều tra viên" : "Enumerator ID" }
    var siteCodesLabel: String { language == .vietnamese ? "Mã nơi đến" : "Site codes" }
    /// The sheet of a post office's workbook (Excel allows 31 characters).
    var postOfficeSheetName: String { language == .vietnamese ? "Lịch khảo sát hằng ngày" : "Daily fieldwork" }
    var postOfficeWorkbookLink: String {
        language == .vietnamese ? "Bảng tính Excel của bưu điện (.xlsx)" : "The office's Excel workbook (.xlsx)"
    }
    let dayTotalsLabel: String
    let roadTravelLabel: String
    let movesLabel: String
    let returnLegLabel: String
    let interviewsLabel: String
    let usedOfBudgetLabel: String
    let usedOfBudget: @Sendable (Int, Int) -> String
    let reservesTitle: String
    let reserveRule: @Sendable (Int) -> String
    let communeReserves: @Sendable (String) -> String
    /// The stratum's ID and its name (empty when the language has none beyond the ID).
    let stratumReserves: @Sendable (String, String) -> String
    let rankLabel: String
    let noReserves: String
    // Edition, result and signature (route sheets)
    var planLabel: String { language == .vietnamese ? "Kế hoạch" : "Plan" }
    /// The plan's name and version, with the first re-planned day for a re-plan. No date of the run: a sheet is
    /// a function of the inputs (`SheetEdition`).
    func planVersion(_ name: String, _ version: Int, asOf: CalendarDate?) -> String {
        var line = language == .vietnamese ? "\(name), phiên bản v\(version)" : "\(name), version v\(version)"
        if let asOf {
            line += language == .vietnamese ? " (điều chỉnh từ ngày \(shortDate(asOf)))"
                                            : " (re-planned from \(shortDate(asOf)))"
        }
        return line
    }
    var replacesLabel: String { language == .vietnamese ? "Thay thế" : "Replaces" }
    func replacesSheet(version: Int, enumerator: String, date: CalendarDate) -> String {
        language == .vietnamese
            ? "phiếu của \(enumerator) ngày \(shortDate(date)) in theo phiên bản v\(version) và các phiên bản trước; "
                + "hủy các phiếu đó"
            : "the sheet of \(enumerator) for \(shortDate(date)) printed from version v\(version) or earlier; "
                + "discard those"
    }
    /// How a re-plan's sheet compares with the previous version's (`SheetChange`), on the sheet itself.
    func comparedLabel(previous version: Int) -> String {
        language == .vietnamese ? "So với v\(version)" : "Compared with v\(version)"
    }
    func sheetChangeSentence(_ change: SheetChange, previous version: Int) -> String {
        switch (change, language) {
        case (.unchanged, .vietnamese):
            return "không đổi — phiếu đã in theo phiên bản v\(version) vẫn dùng được, không cần in lại"
        case (.unchanged, _):
            return "unchanged — the sheet printed from version v\(version) stays valid; no need to reprint it"
        case (.new, .vietnamese):
            return "phiếu mới — phiên bản v\(version) không có phiếu của ngày này"
        case (.new, _):
            return "new — version v\(version) had no sheet for this day"
        case (.changed, .vietnamese), (.withdrawn, .vietnamese):
            return "đã thay đổi — in phiếu này; thu hồi và hủy phiếu in theo phiên bản v\(version) và các phiên bản trước"
        case (.changed, _), (.withdrawn, _):
            return "changed — print this sheet; take back and discard the one printed from version v\(version) or earlier"
        }
    }
    /// The same in a bundle's index, in a few words.
    func sheetChangeWords(_ change: SheetChange) -> String {
        switch (change, language) {
        case (.unchanged, .vietnamese): return "không đổi"
        case (.unchanged, _): return "unchanged"
        case (.changed, .vietnamese): return "thay đổi — in lại"
        case (.changed, _): return "changed — reprint"
        case (.new, .vietnamese): return "mới — in"
        case (.new, _): return "new — print"
        case (.withdrawn, .vietnamese): return "thu hồi"
        case (.withdrawn, _): return "take back"
        }
    }
    /// A bundle's list of the sheets of the previous version to take back, with nothing to replace them.
    func withdrawnSheets(previous version: Int, enumerators: [String]) -> String {
        language == .vietnamese
            ? "Thu hồi và hủy phiếu ngày này in theo phiên bản v\(version) của: \(enumerators.joined(separator: "; ")) "
                + "— không còn lượt thăm nào trong ngày, không có phiếu thay thế."
            : "Take back and discard this day's sheets printed from version v\(version) of: "
                + "\(enumerators.joined(separator: "; ")) — no visit is left that day and no sheet replaces them."
    }
    /// A bundle's count of sheets to print and to keep.
    func bundleSheetCounts(print: Int, unchanged: Int, previous version: Int) -> String {
        language == .vietnamese
            ? "\(print) phiếu cần in; \(unchanged) phiếu không đổi (dùng phiếu đã in theo v\(version))"
            : "\(print) to print; \(unchanged) unchanged (keep the sheets printed from v\(version))"
    }

    /// A re-plan's notice: which schedule it replaces, so that an official holding two notices knows which one
    /// counts, and what its marks mean.
    func noticeReplaces(version: Int, asOf: CalendarDate?) -> String {
        let from = asOf.map(shortDate) ?? ""
        return language == .vietnamese
            ? "Thông báo này (phiên bản v\(version)) điều chỉnh lịch khảo sát từ ngày \(from) và thay cho lịch của các "
                + "thông báo trước từ ngày đó. Đơn vị có dấu \(SheetEdition.symbol(.added)) mới được bổ sung; đơn vị có "
                + "dấu \(SheetEdition.symbol(.moved)) được chuyển sang ngày khác hoặc điều tra viên khác; đơn vị không "
                + "có dấu giữ nguyên lịch."
            : "This notice (version v\(version)) adjusts the survey schedule from \(from) and replaces the schedule of "
                + "earlier notices from that date. Units marked \(SheetEdition.symbol(.added)) are new; units marked "
                + "\(SheetEdition.symbol(.moved)) moved to another day or enumerator; unmarked units keep their day."
    }
    /// The legend of the marks beside added and moved visits.
    var marksLegend: String {
        language == .vietnamese
            ? "\(SheetEdition.symbol(.added)) lượt thăm mới trong phiên bản này · \(SheetEdition.symbol(.moved)) lượt "
                + "thăm chuyển đến từ ngày khác hoặc điều tra viên khác · không dấu: như phiên bản trước"
            : "\(SheetEdition.symbol(.added)) visit new in this version · \(SheetEdition.symbol(.moved)) visit moved "
                + "here from another day or enumerator · no mark: as in the previous version"
    }
    var resultLabel: String { language == .vietnamese ? "Kết quả" : "Result" }
    /// The six outcomes in `VisitStatus.allCases` order, as a person writes them.
    var outcomeWords: [String] {
        language == .vietnamese
            ? ["hoàn thành", "từ chối", "không gặp", "không tìm thấy", "đóng cửa", "hoãn"]
            : ["completed", "refused", "not at home", "not found", "closed", "postponed"]
    }
    /// Why a reserve was released, as the release log keeps it (`UnitProgress`: the last outcome's status,
    /// with "(N visits)" when attempts ran out), in the reader's words; a reason this does not know as it is.
    func releaseReason(_ reason: String) -> String {
        let parts = reason.split(separator: " ", maxSplits: 1).map(String.init)
        guard let status = parts.first.flatMap(VisitStatus.init(rawValue:)),
              let index = VisitStatus.allCases.firstIndex(of: status) else { return reason }
        var words = outcomeWords[index]
        if parts.count == 2 {
            let visits = parts[1].filter(\.isNumber)
            guard !visits.isEmpty, parts[1] == "(\(visits) visits)" else { return reason }
            words += language == .vietnamese ? " (\(visits) lần thăm)" : " (\(visits) visits)"
        }
        return words
    }

    /// How a reserve came to be released (`ReserveRelease.Origin`), in words.
    func releaseOrigin(_ origin: ReserveRelease.Origin) -> String {
        switch (origin, language) {
        case (.planner, .vietnamese): "kế hoạch điều chỉnh, theo thứ tự"
        case (.usedInField, .vietnamese): "đã dùng tại thực địa, đúng thứ tự"
        case (.outOfOrder, .vietnamese): "đã dùng tại thực địa, sai thứ tự"
        case (.planner, .english): "the re-plan, in rank order"
        case (.usedInField, .english): "used in the field, in rank order"
        case (.outOfOrder, .english): "used in the field, out of rank order"
        }
    }

    var outcomesLegendLabel: String {
        language == .vietnamese ? "Kết quả (đánh dấu một ô)" : "Result (tick one box)"
    }
    var progressCodesNote: String {
        language == .vietnamese ? "mã ghi vào progress.csv" : "code for progress.csv"
    }
    var signatureLine: String {
        language == .vietnamese
            ? "Điều tra viên ký, ghi rõ họ tên: ………………………………   Ngày: …… / …… / ……   Bưu điện xác nhận: ……………………"
            : "Enumerator's signature and name: ………………………………   Date: …… / …… / ……   Post office: ……………………"
    }

    // Post-office summary of a re-plan
    var recordedHeading: String {
        language == .vietnamese ? "Đã thực hiện (ghi nhận trước ngày điều chỉnh)" : "Recorded visits (before the re-plan)"
    }
    var recordedNote: String {
        language == .vietnamese ? "Số lượt thăm theo kết quả, như các bưu điện đã báo cáo."
                                : "Visits by outcome, as the post offices reported them."
    }
    var plannedHeading: String { language == .vietnamese ? "Lịch từ ngày điều chỉnh" : "Planned from the re-plan on" }

    /// One line on the sheets of those who do not carry a reserve list that day: the list, its holder, the office.
    func reservesHeldBy(_ list: String, _ holder: String, _ office: String) -> String {
        language == .vietnamese
            ? "\(list): do \(holder) (\(office)) giữ trong ngày; báo cho người giữ khi cần dùng đơn vị dự phòng."
            : "\(list): held today by \(holder) (\(office)); call them when a reserve is needed."
    }
    let sitesLabel: String

    // Daily bundle
    let bundleTitle: String
    let sheetsLabel: String
    let leaveLabel: String
    let backLabel: String
    let bundleLink: @Sendable (_ date: String, _ sheets: Int) -> String

    // Post-office summary
    let postOfficeTitle: String
    let dayTotalLabel: String
    let enumeratorDaysLabel: String
    let usedLabel: String
    let budgetLabel: String
    let travelLabel: String

    // Notices
    let noticeTitle: String
    let nationalHeading: String
    let nationalMotto: String
    let letterNumber: String
    let dateLine: @Sendable (_ place: String?, _ year: Int) -> String
    let noticeSubject: @Sendable (_ place: String) -> String
    let toCommune: @Sendable (String, String) -> String
    let toZoneBoard: @Sendable (String) -> String
    let noticeBody: @Sendable (_ survey: String, _ issuer: String?) -> String
    let noticeVisitsHeading: String
    let noticeUnitsHeading: String
    let noticeReservesHeading: String
    let noticeReservesRule: @Sendable (_ attempts: Int) -> String
    /// Under a reserve list whose ranks here do not run 1, 2, 3…: the rest of the list is elsewhere.
    let noticeReservesElsewhere: String
    let visitDateLabel: String
    let noticeRequest: String
    let contactSentence: @Sendable (String) -> String
    let recipientsLabel: String
    let recipientsAsAbove: String
    let recipientsArchive: String
    let signatureNote: String

    // Fieldwork report
    let reportTitle: String
    let incompleteHeading: String
    let incompleteWarning: @Sendable (Int, Int) -> String
    let solverHeading: String
    let totalsHeading: String
    let workloadHeading: String
    let diagnosisHeading: String
    let missedHeading: String
    let statusLabel: String
    let objectiveLabel: String
    let bestBoundLabel: String
    let gapLabel: String
    let secondsLabel: String
    /// Where the measured solve time is: kept out of every other file so that plans compare byte for byte.
    let secondsInManifest: String
    let solverVersionLabel: String
    let planSourceLabel: String
    let warmStartLabel: String
    let heuristicObjectiveLabel: String
    let chosenObjectiveLabel: String
    let unitsScheduledLabel: String
    let enumeratorDaysUsedLabel: String
    let enumeratorsUsedLabel: String
    let realTravelLabel: String
    let modelTravelLabel: String
    /// The report's total of moves inside communes, with its unit (the sheets' column says it in its header).
    let moveMinutesLabel: String
    let dayTripsLabel: String
    let daysSavedLabel: String
    let interviewMinutesLabel: String
    let yes: String
    let no: String
    let none: String
    let gapLine: @Sendable (_ district: String, _ work: String, _ units: Int, _ days: Int, _ minutes: Int,
                            _ eligible: Int) -> String
    let totalGapLine: @Sendable (_ units: Int, _ days: Int, _ minutes: Int) -> String
    /// Which part of the shortfall is proven (`ShortfallProof`), and what to do about the rest.
    let shortfallProofLine: @Sendable (ShortfallProof) -> String
    let bufferRemedy: @Sendable (Int?, Int) -> String
    let saturdayRemedy: @Sendable (Int?, Int, Int) -> String
    let enumeratorRemedy: @Sendable (Int) -> String
    let takeRemedy: @Sendable (Int) -> String
    let closeWith: String
    let reasonLabel: String
    let reasonLacking: @Sendable (_ work: String, _ district: String, _ days: Int) -> String
    let reasonNobodyEligible: @Sendable (_ work: String, _ district: String) -> String
    let reasonUnknown: String

    static func of(_ language: Language) -> FieldworkText {
        language == .vietnamese ? vietnamese : english
    }

    // MARK: Dates

    /// The date with its weekday, as readers of the language write it.
    func date(_ date: CalendarDate) -> String {
        let weekday = weekdayNames[Weekday.allCases.firstIndex(of: date.weekday)!]
        return writesDayFirst ? "\(weekday), \(shortDate(date))" : "\(shortDate(date)) \(weekday)"
    }

    /// The date alone: `03/10/2023` or `2023-10-03`.
    func shortDate(_ date: CalendarDate) -> String {
        guard writesDayFirst else { return date.description }
        return Self.pad2(date.day) + "/" + Self.pad2(date.month) + "/" + String(date.year)
    }

    /// A solver status (`TerminationStatus.name`, as the manifest keeps it) in words; a name this does not
    /// know is shown as it is. "Interrupted" is the node limit (the planner stops GLPK for nothing else but its
    /// deadline, which is the time limit), so the words say so rather than suggest a fault.
    func solverStatus(_ name: String) -> String {
        guard language == .vietnamese else { return name }
        let words: [String: String] = [
            "optimal": "tối ưu", "feasible_time_limit": "khả thi, dừng khi hết thời gian giải",
            "feasible_gap_limit": "khả thi, dừng khi đạt khoảng cách cho phép", "feasible_interrupted": "khả thi, dừng sau số nút nhánh cận đã định",
            "infeasible": "không khả thi", "unbounded": "không bị chặn",
            "no_solution_time_limit": "chưa có lời giải khi hết thời gian giải",
            "no_solution_gap_limit": "chưa có lời giải", "no_solution_interrupted": "chưa có lời giải sau số nút nhánh cận đã định",
            "failure": "bộ giải gặp lỗi", "not_solved_empty": "không giải: không có đơn vị nào cần xếp lịch",
            "feasible_merged_start": "khả thi: các ngày ghép từ lời giải tối ưu một điểm mỗi ngày",
            "feasible_lp_dive": "khả thi: nghiệm quy hoạch tuyến tính các mẫu ngày, làm tròn dần",
            "feasible_neighbourhood_search": "khả thi: cải thiện bằng tìm kiếm lân cận (các bài toán con GLPK)",
            "not_solved_time_limit": "không giải: hết thời gian trước khi bộ giải bắt đầu, dùng lời giải khởi đầu",
        ]
        return words[name] ?? name
    }

    /// The status as the plan's documents give it, beside the printed plan's gap (nil: no bound covers it).
    ///
    /// "Optimal" (or "gap limit reached") is GLPK's verdict on the model it solved, which is not always the
    /// printed plan's: when GLPK solved the master over the day patterns generated, the printed plan's bound is the
    /// one over every day pattern, and a re-plan's gap also holds what keeping the previous plan costs; when a
    /// pooled plan's one-site days were merged after the solve, its bound is the day-capacity LP's
    /// (`DayCapacityBound`), or none when that LP had no time. The words say which, so that "optimal" beside a gap of
    /// 25 % is not read as a contradiction (as a re-plan of the default dataset printed it: "GLPK optimal, objective
    /// 8607.4, gap 24.89%"), nor "gap limit reached" (0.5 % on the one-site model) beside a gap of 31 % (×10).
    func solverStatus(_ name: String, printedPlanGap gap: Double?) -> String {
        guard ["optimal", "feasible_gap_limit"].contains(name) else { return solverStatus(name) }
        guard let gap else {
            return solverStatus(name) + (language == .vietnamese
                ? " (cho mô hình đã giải; kế hoạch in ra được cải thiện sau khi giải — ghép ngày, dùng thời gian còn "
                    + "trống — nên chưa có cận cho kế hoạch này)"
                : " (for the model solved; the printed plan was improved after the solve — days merged, free room used "
                    + "— so no bound is computed for it)")
        }
        // Below GLPK's tolerances "optimal" (or its gap limit) means what it says of the printed plan too.
        guard gap > 1e-4 else { return solverStatus(name) }
        return solverStatus(name) + (language == .vietnamese
            ? " (cho mô hình đã giải; khoảng cách của kế hoạch in ra tính đến cận dưới trên mọi kế hoạch — mọi mẫu "
                + "ngày, hoặc với kế hoạch lớn, sức chứa của các ngày làm việc — và khi điều chỉnh kế hoạch thì gồm cả "
                + "phần giữ lại kế hoạch trước)"
            : " (for the model solved; the printed plan's gap is to a bound over every plan — every day pattern, or "
                + "for large plans the working days' capacity — and, in a re-plan, includes what keeping the previous "
                + "plan costs)")
    }

    /// Where the plan's day-trips came from (`SolverStatistics.Source`), in words.
    func planSource(_ name: String) -> String {
        let words: [String: String] = language == .vietnamese
            ? ["solver": "lời giải của bộ giải GLPK", "heuristic": "lời giải tham lam",
               "lp_dive": "làm tròn dần nghiệm quy hoạch tuyến tính (đơn hình GLPK)",
               "empty": "không có đơn vị nào cần xếp lịch"]
            : ["solver": "the GLPK solver's solution", "heuristic": "the greedy heuristic",
               "lp_dive": "an LP relaxation rounded step by step (GLPK's simplex)", "empty": "no units to plan"]
        return words[name] ?? name
    }

    func unitType(_ type: UnitType) -> String { type == .household ? household : enterprise }

    func work(_ skill: Skill) -> String { skill == .household ? householdWork : enterpriseWork }

    private static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    // MARK: Tables

    static let vietnamese = FieldworkText(
        language: .vietnamese,
        weekdayNames: ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"],
        writesDayFirst: true,
        household: "Hộ gia đình", enterprise: "Doanh nghiệp",
        registerLine: { "dòng \($0) danh sách hộ" },
        householdWork: "khảo sát hộ gia đình", enterpriseWork: "khảo sát doanh nghiệp",
        minutesUnit: "phút",
        surveyLabel: "Cuộc khảo sát", enumeratorLabel: "Điều tra viên", postOfficeLabel: "Bưu điện",
        dateLabel: "Ngày", communeLabel: "Xã/phường/thị trấn", districtLabel: "Huyện/thị xã/thành phố",
        zoneLabel: "Khu công nghiệp", unitLabel: "Mã đơn vị", labelLabel: "Hộ (dòng danh sách hộ) / tên doanh nghiệp",
        addressLabel: "Địa chỉ", visitsLabel: "Số lượt khảo sát", householdsLabel: "Hộ gia đình",
        enterprisesLabel: "Doanh nghiệp", contactLabel: "Liên hệ", totalLabel: "Tổng cộng",
        viaZoneBoard: "qua Ban Quản lý các khu công nghiệp",
        routeSheetTitle: "PHIẾU LỘ TRÌNH KHẢO SÁT", orderLabel: "TT", plannedTimeLabel: "Giờ dự kiến",
        travelBeforeLabel: "Di chuyển trước (phút)", interviewLabel: "Phỏng vấn (phút)",
        leaveAndBackLabel: "Xuất phát / về đến bưu điện", dayTotalsLabel: "Tổng trong ngày",
        roadTravelLabel: "Di chuyển đường bộ", movesLabel: "Di chuyển trong xã",
        returnLegLabel: "trong đó chặng về bưu điện",
        interviewsLabel: "Phỏng vấn", usedOfBudgetLabel: "Thời gian sử dụng / quỹ thời gian",
        usedOfBudget: { used, budget in "\(used) / \(budget) phút" },
        reservesTitle: "Đơn vị dự phòng",
        reserveRule: { attempts in
            "Khi một đơn vị từ chối, hoặc không gặp được sau \(attempts) lần đến, dùng đơn vị dự phòng theo đúng "
                + "thứ tự; ghi lại mỗi lần sử dụng đơn vị dự phòng. Không tự chọn đơn vị thay thế."
        },
        communeReserves: { "Hộ dự phòng của \($0)" },
        stratumReserves: { id, name in "Đơn vị dự phòng của tầng \(id)" + (name.isEmpty ? "" : " (\(name))") },
        rankLabel: "Thứ tự", noReserves: "Không có đơn vị dự phòng.", sitesLabel: "Nơi đến",
        bundleTitle: "TẬP PHIẾU LỘ TRÌNH TRONG NGÀY", sheetsLabel: "Số phiếu", leaveLabel: "Xuất phát",
        backLabel: "Về", bundleLink: { date, sheets in "Tập phiếu in ngày \(date) (\(sheets) phiếu)" },
        postOfficeTitle: "TỔNG HỢP LỊCH KHẢO SÁT HẰNG NGÀY", dayTotalLabel: "Cộng ngày",
        enumeratorDaysLabel: "Ngày công", usedLabel: "Thời gian sử dụng (phút)", budgetLabel: "Quỹ thời gian (phút)",
        travelLabel: "Di chuyển (phút)",
        noticeTitle: "THÔNG BÁO",
        nationalHeading: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nationalMotto: "Độc lập - Tự do - Hạnh phúc",
        letterNumber: "Số: ……/TB-……",
        dateLine: { place, year in "\(place ?? "……"), ngày …… tháng …… năm \(year)" },
        noticeSubject: { place in "Về lịch khảo sát tại \(place)" },
        toCommune: { commune, district in "Kính gửi: Ủy ban nhân dân \(commune), \(district)" },
        toZoneBoard: { zone in "Kính gửi: Ban Quản lý các khu công nghiệp (\(zone))" },
        noticeBody: { survey, issuer in
            "Thực hiện \(survey), \(issuer ?? "cơ quan chủ trì cuộc khảo sát") thông báo lịch nhân viên bưu điện "
                + "đến khảo sát các hộ gia đình và doanh nghiệp được chọn trên địa bàn như sau:"
        },
        noticeVisitsHeading: "1. Ngày khảo sát và điều tra viên",
        noticeUnitsHeading: "2. Hộ gia đình và doanh nghiệp được chọn",
        noticeReservesHeading: "3. Đơn vị dự phòng",
        noticeReservesRule: { attempts in
            "Chỉ khảo sát khi một đơn vị được chọn từ chối hoặc không gặp được sau \(attempts) lần đến: hộ gia đình "
                + "được thay bằng hộ dự phòng, doanh nghiệp bằng doanh nghiệp dự phòng, theo đúng thứ tự của danh sách."
        },
        noticeReservesElsewhere: "Thứ tự là thứ tự trong cả danh sách; các thứ tự không có ở đây thuộc địa bàn khác.",
        visitDateLabel: "Ngày khảo sát",
        noticeRequest: "Đề nghị Quý cơ quan thông báo trước cho các hộ gia đình và doanh nghiệp có tên trên, kể cả "
            + "đơn vị dự phòng, để tiếp đón điều tra viên vào ngày đã định.",
        contactSentence: { "Mọi thắc mắc xin liên hệ: \($0)." },
        recipientsLabel: "Nơi nhận:", recipientsAsAbove: "- Như trên;", recipientsArchive: "- Lưu: VT.",
        signatureNote: "(Ký, ghi rõ họ tên và đóng dấu)",
        reportTitle: "Báo cáo kế hoạch thực địa", incompleteHeading: "KẾ HOẠCH CHƯA ĐẦY ĐỦ",
        incompleteWarning: { missed, total in
            "\(missed) trong \(total) đơn vị chưa được xếp lịch. Không công bố kế hoạch này như một kế hoạch đầy đủ."
        },
        solverHeading: "Bộ giải", totalsHeading: "Tổng số", workloadHeading: "Khối lượng công việc của điều tra viên",
        diagnosisHeading: "Chẩn đoán: thiếu năng lực ở đâu và cách khắc phục",
        missedHeading: "Các đơn vị sẽ bị bỏ sót", statusLabel: "Trạng thái", objectiveLabel: "Giá trị mục tiêu của kế hoạch",
        bestBoundLabel: "Cận tốt nhất", gapLabel: "Khoảng cách tương đối", secondsLabel: "Thời gian giải (giây)",
        secondsInManifest: "ghi trong manifest.json (solver.seconds)",
        solverVersionLabel: "Phiên bản bộ giải", planSourceLabel: "Nguồn lời giải",
        warmStartLabel: "Lời giải khởi đầu được chấp nhận", heuristicObjectiveLabel: "Mục tiêu của lời giải tham lam",
        chosenObjectiveLabel: "Mục tiêu của lời giải được dùng", unitsScheduledLabel: "Đơn vị đã xếp lịch",
        enumeratorDaysUsedLabel: "Ngày công sử dụng", enumeratorsUsedLabel: "Điều tra viên tham gia",
        realTravelLabel: "Thời gian di chuyển thực tế (phút)",
        modelTravelLabel: "Thời gian di chuyển theo mô hình MIP (phút)",
        moveMinutesLabel: "Thời gian di chuyển trong xã (phút)", dayTripsLabel: "Chuyến đi trong ngày (MIP)",
        daysSavedLabel: "Ngày công tiết kiệm nhờ gộp chuyến", interviewMinutesLabel: "Thời gian phỏng vấn (phút)",
        yes: "có", no: "không", none: "không có",
        gapLine: { district, work, units, days, minutes, eligible in
            "\(district), \(work): \(units) đơn vị chưa xếp lịch, thiếu \(days) ngày công (\(minutes) phút "
                + "điều tra viên), \(eligible) điều tra viên đủ điều kiện."
        },
        totalGapLine: { units, days, minutes in
            "Tổng: \(units) đơn vị chưa xếp lịch, thiếu \(days) ngày công (\(minutes) phút điều tra viên)."
        },
        shortfallProofLine: { proof in
            let tail = "việc tìm kiếm không tìm được chỗ cho chúng, nhưng điều đó không chứng tỏ là không có chỗ; nếu việc "
                + "lập kế hoạch dừng vì hết thời gian giải (manifest.json, solver.stopped_by_time_limit), hãy chạy lại với "
                + "--time-limit lớn hơn trước khi bổ sung nhân lực."
            switch proof.provenMinimum {
            case let minimum? where minimum == proof.unserved:
                return "Đã chứng minh: với lực lượng và lịch hiện có, mọi kế hoạch đều bỏ sót ít nhất \(minimum) đơn vị "
                    + "(chứng minh bằng một bài toán nới lỏng trên mọi ngày làm việc khả dĩ)."
            case let minimum? where minimum > 0:
                return "Đã chứng minh một phần: với lực lượng và lịch hiện có, mọi kế hoạch đều bỏ sót ít nhất \(minimum) "
                    + "trong \(proof.unserved) đơn vị này; với \(proof.unserved - minimum) đơn vị còn lại chưa có chứng minh: "
                    + tail
            case .some:
                return "Chưa được chứng minh: có thể có kế hoạch phục vụ mọi đơn vị (không bài toán nới lỏng nào trên "
                    + "mọi ngày làm việc khả dĩ loại trừ khả năng này); " + tail
            case nil:
                return "Không có chứng minh: kế hoạch này không có cận dưới cho số đơn vị bỏ sót; " + tail
            }
        },
        bufferRemedy: { needed, total in
            needed.map { "dùng \($0) ngày dự phòng đầu tiên" }
                ?? (total == 0 ? "không còn ngày công nào trong ngày dự phòng"
                               : "tất cả ngày dự phòng chỉ cho \(total) ngày công, chưa đủ")
        },
        saturdayRemedy: { needed, days, total in
            needed.map { "làm thêm \(days) ngày công vào \($0) ngày thứ Bảy" }
                ?? "tất cả ngày thứ Bảy chỉ cho \(total) ngày công, chưa đủ"
        },
        enumeratorRemedy: { "bổ sung khoảng \($0) điều tra viên" },
        takeRemedy: { "giảm cỡ mẫu \($0) đơn vị" },
        closeWith: "Mỗi cách sau đủ để khắc phục",
        reasonLabel: "Lý do",
        reasonLacking: { work, district, days in
            "không còn ngày công cho \(work) ở \(district) (thiếu \(days) ngày công)"
        },
        reasonNobodyEligible: { work, district in
            "không có điều tra viên nào đủ điều kiện cho \(work) ở \(district)"
        },
        reasonUnknown: "không có chuyến đi nào đến được đơn vị này"
    )

    static let english = FieldworkText(
        language: .english,
        weekdayNames: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        writesDayFirst: false,
        household: "household", enterprise: "enterprise",
        registerLine: { "household list line \($0)" },
        householdWork: "household visits", enterpriseWork: "enterprise visits",
        minutesUnit: "min",
        surveyLabel: "Survey", enumeratorLabel: "Enumerator", postOfficeLabel: "Post office", dateLabel: "Date",
        communeLabel: "Commune", districtLabel: "District", zoneLabel: "Industrial zone", unitLabel: "Unit",
        labelLabel: "Household (list line) / enterprise", addressLabel: "Address", visitsLabel: "Visits",
        householdsLabel: "Households", enterprisesLabel: "Enterprises", contactLabel: "Contact",
        totalLabel: "Total", viaZoneBoard: "through the zones' management board",
        routeSheetTitle: "ROUTE SHEET", orderLabel: "#", plannedTimeLabel: "Planned time",
        travelBeforeLabel: "Travel before (min)", interviewLabel: "Interview (min)",
        leaveAndBackLabel: "Leave / back at the post office", dayTotalsLabel: "Day totals", roadTravelLabel: "Road travel",
        movesLabel: "Moves within communes", returnLegLabel: "of which the way back",
        interviewsLabel: "Interviews", usedOfBudgetLabel: "Used of the day's budget",
        usedOfBudget: { used, budget in "\(used) of \(budget) min" },
        reservesTitle: "Reserve units",
        reserveRule: { attempts in
            "After a refusal, or no contact after \(attempts) visits, use the reserve units in rank order; record "
                + "each release. Never choose a replacement yourself."
        },
        communeReserves: { "Reserve households of \($0)" },
        stratumReserves: { id, name in "Reserve units of stratum \(id)" + (name.isEmpty ? "" : " (\(name))") },
        rankLabel: "Rank", noReserves: "No reserve units.", sitesLabel: "Communes / zones",
        bundleTitle: "ROUTE SHEETS OF THE DAY", sheetsLabel: "Sheets", leaveLabel: "Leave", backLabel: "Back",
        bundleLink: { date, sheets in "Printable sheets of \(date) (\(sheets) sheet\(sheets == 1 ? "" : "s"))" },
        postOfficeTitle: "DAILY FIELDWORK SUMMARY", dayTotalLabel: "Day total", enumeratorDaysLabel: "Enumerator-days",
        usedLabel: "Used (min)", budgetLabel: "Budget (min)", travelLabel: "Travel (min)",
        noticeTitle: "NOTICE",
        nationalHeading: "SOCIALIST REPUBLIC OF VIET NAM", nationalMotto: "Independence - Freedom - Happiness",
        letterNumber: "No.: ……",
        dateLine: { place, year in "\(place ?? "……"), …… …… \(year)" },
        noticeSubject: { place in "Survey visits in \(place)" },
        toCommune: { commune, district in "To: the People's Committee of \(commune), \(district)" },
        toZoneBoard: { zone in "To: the management board of the industrial zones (\(zone))" },
        noticeBody: { survey, issuer in
            "For the \(survey), \(issuer ?? "the body conducting the survey") announces the visits of post-office "
                + "staff to the selected households and enterprises of your area:"
        },
        noticeVisitsHeading: "1. Days and enumerators",
        noticeUnitsHeading: "2. Selected households and enterprises",
        noticeReservesHeading: "3. Reserve units",
        noticeReservesRule: { attempts in
            "Visited only when a selected unit refuses or is not met after \(attempts) visits: a household is "
                + "replaced by a reserve household, an enterprise by a reserve enterprise, in the order of its list."
        },
        noticeReservesElsewhere: "Ranks are those of the whole list; the ranks missing here belong to other areas.",
        visitDateLabel: "Visit date",
        noticeRequest: "Please inform the households and enterprises listed above, reserve units included, in "
            + "advance so that they can receive the enumerators on the days given.",
        contactSentence: { "Questions: \($0)." },
        recipientsLabel: "Recipients:", recipientsAsAbove: "- As above;", recipientsArchive: "- Archive.",
        signatureNote: "(Signature, full name and seal)",
        reportTitle: "Fieldwork plan report", incompleteHeading: "INCOMPLETE PLAN",
        incompleteWarning: { missed, total in
            "\(missed) of \(total) units are not scheduled. Do not publish this plan as complete."
        },
        solverHeading: "Solver", totalsHeading: "Totals", workloadHeading: "Workload per enumerator",
        diagnosisHeading: "Diagnosis: where capacity is lacking and what would close the gap",
        missedHeading: "Units that would be missed", statusLabel: "Status", objectiveLabel: "Objective of the plan",
        bestBoundLabel: "Best bound", gapLabel: "Relative gap", secondsLabel: "Solver seconds",
        secondsInManifest: "recorded in manifest.json (solver.seconds)",
        solverVersionLabel: "Solver version", planSourceLabel: "Plan built from",
        warmStartLabel: "Warm start accepted", heuristicObjectiveLabel: "Greedy objective",
        chosenObjectiveLabel: "Objective of the plan's day-trips", unitsScheduledLabel: "Units scheduled",
        enumeratorDaysUsedLabel: "Enumerator-days used", enumeratorsUsedLabel: "Enumerators used",
        realTravelLabel: "Travel minutes (real routes)", modelTravelLabel: "Travel minutes (MIP round trips)",
        moveMinutesLabel: "Minutes of moves within communes",
        dayTripsLabel: "Day-trips (MIP)", daysSavedLabel: "Enumerator-days saved by merging",
        interviewMinutesLabel: "Interview minutes",
        yes: "yes", no: "no", none: "none",
        gapLine: { district, work, units, days, minutes, eligible in
            "\(district), \(work): \(units) units unscheduled, lacking \(days) enumerator-days "
                + "(\(minutes) enumerator-minutes), \(eligible) eligible enumerators."
        },
        totalGapLine: { units, days, minutes in
            "Total: \(units) units unscheduled, lacking \(days) enumerator-days (\(minutes) enumerator-minutes)."
        },
        shortfallProofLine: { proof in
            let sentence = proof.summaryLine
            return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
        },
        bufferRemedy: { needed, total in
            needed.map { "use the first \($0) buffer day(s)" }
                ?? (total == 0 ? "no enumerator-day is left in buffer days"
                               : "all buffer days give only \(total) enumerator-days, not enough")
        },
        saturdayRemedy: { needed, days, total in
            needed.map { "work \(days) enumerator-days on \($0) Saturday(s)" }
                ?? "all Saturdays give only \(total) enumerator-days, not enough"
        },
        enumeratorRemedy: { "about \($0) more enumerator(s)" },
        takeRemedy: { "a take smaller by \($0) units" },
        closeWith: "Each of these would close it",
        reasonLabel: "Reason",
        reasonLacking: { work, district, days in
            "no enumerator-day left for \(work) in \(district) (lacking \(days) enumerator-days)"
        },
        reasonNobodyEligible: { work, district in "no eligible enumerator for \(work) in \(district)" },
        reasonUnknown: "no day-trip reached this unit"
    )
}

/// The solver's status as the command line prints it, in English like the rest of its output.
public enum SolverStatusWords {
    /// `status` as the manifest keeps it, qualified as `FieldworkText.solverStatus(_:printedPlanGap:)` says.
    public static func commandLine(status: String, gap: Double?) -> String {
        FieldworkText.english.solverStatus(status, printedPlanGap: gap)
    }
}
