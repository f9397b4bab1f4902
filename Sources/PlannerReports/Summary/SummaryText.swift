import PlannerSampling

/// The sentences and headings that only the summary page uses, in one table per language.
///
/// Labels the page shares with the sheets (enumerator, post office, solver figures, totals) come from
/// `FieldworkText`, so that a term is translated once.
struct SummaryText: Sendable {
    let pageTitle: String
    let sampleOnlyNote: String
    let contentsHeading: String
    /// Monday first, as `Weekday.allCases`: column heads of the calendar.
    let shortWeekdayNames: [String]

    // Sample design
    let designHeading: String
    let stratumLabel: String
    let stratumNameLabel: String
    let unitTypeLabel: String
    let frameLabel: String
    let allocatedLabel: String
    let mainSampleLabel: String
    let reserveLabel: String
    let probabilityLabel: String
    let marginLabel: String
    let relativeMarginLabel: String
    let designEffectLabel: String
    let wholeSampleMargin: @Sendable (_ type: String, _ margin: String) -> String
    let marginsNote: String
    let window: @Sendable (_ first: String, _ last: String, _ working: Int, _ buffer: Int) -> String
    let allocationChartTitle: String

    // Map
    let mapHeading: String
    let sampleMapHeading: String
    let dayPickerLabel: String
    let allDays: String
    let enumeratorPickerLabel: String
    let allEnumerators: String
    let boundariesNote: String
    let postOfficeLegend: String
    let communeLegend: String
    let sampledCommuneLegend: String
    let enterpriseLegend: String
    let zoneLegend: String
    let routeLegend: String
    let mapNote: String

    // Calendar
    let calendarHeading: String
    let calendarNote: String
    let bufferDayLabel: String
    let unavailableLabel: String
    let dayCell: @Sendable (_ used: Int, _ budget: Int, _ visits: Int) -> String

    // Workload
    let workloadHeading: String
    let perEnumeratorTitle: String
    let perPostOfficeTitle: String
    let availableBudgetLegend: String
    let workloadNote: String
    let enumeratorLine: @Sendable (_ days: Int, _ visits: Int) -> String
    let postOfficeLine: @Sendable (_ enumerators: Int, _ days: Int) -> String

    // Printable documents
    let documentsHeading: String
    let documentsNote: String
    let dailyBundlesLabel: String
    /// Beside a re-plan's bundle whose every sheet is the previous version's.
    let unchangedBundle: String

    // Solver and provenance
    let modelSizeLabel: String
    let modelSize: @Sendable (_ rows: Int, _ columns: Int, _ integers: Int) -> String
    let provenanceHeading: String
    let kindLabel: String
    let kindSample: String
    let kindPlan: String
    let seedLabel: String
    let generatorLabel: String
    let datasetLabel: String
    let toolLabel: String
    let parentLabel: String
    let inputFilesLabel: String
    let reproduceNote: String

    static func of(_ language: Language) -> SummaryText {
        language == .vietnamese ? vietnamese : english
    }

    static let vietnamese = SummaryText(
        pageTitle: "TÓM TẮT KẾ HOẠCH KHẢO SÁT",
        sampleOnlyNote: "Thư mục này mới có mẫu. Lệnh planner assign lập kế hoạch thực địa (phân công, lộ trình) cho mẫu này.",
        contentsHeading: "Nội dung",
        shortWeekdayNames: ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
        designHeading: "Thiết kế mẫu",
        stratumLabel: "Tầng", stratumNameLabel: "Tên tầng", unitTypeLabel: "Loại đơn vị", frameLabel: "Tổng thể (N_h)", allocatedLabel: "Phân bổ",
        mainSampleLabel: "Mẫu chính", reserveLabel: "Dự phòng", probabilityLabel: "Xác suất chọn π",
        marginLabel: "Sai số dự kiến (±)", relativeMarginLabel: "Sai số tương đối", designEffectLabel: "Hệ số thiết kế",
        wholeSampleMargin: { type, margin in "Toàn bộ mẫu \(type): sai số dự kiến ±\(margin)." },
        marginsNote: "Sai số là nửa độ rộng khoảng tin cậy của một tỷ lệ (p = 0,5) tính trên số người trả lời dự kiến, "
            + "có hệ số thiết kế và hiệu chỉnh tổng thể hữu hạn của từng tầng; sai số toàn mẫu kết hợp các tầng theo "
            + "√(Σ W_h²·e_h²), W_h = N_h/N. Xác suất chọn: nhỏ nhất – lớn nhất của các đơn vị mẫu chính trong tầng. "
            + "Cách tính chi tiết: design-report.md.",
        window: { first, last, working, buffer in
            "\(first) – \(last): \(working) ngày làm việc, trong đó \(buffer) ngày dự phòng cuối đợt"
        },
        allocationChartTitle: "Phân bổ mẫu theo tầng",
        mapHeading: "Bản đồ: bưu điện, đơn vị được chọn và lộ trình hằng ngày",
        sampleMapHeading: "Bản đồ: bưu điện và đơn vị được chọn",
        dayPickerLabel: "Chọn ngày", allDays: "Tất cả các ngày",
        enumeratorPickerLabel: "Làm nổi bật điều tra viên", allEnumerators: "Tất cả điều tra viên",
        boundariesNote: "Ranh giới tỉnh và huyện theo boundaries.csv của bộ dữ liệu.",
        postOfficeLegend: "Bưu điện (nơi xuất phát)", communeLegend: "Xã/phường/thị trấn",
        sampledCommuneLegend: "Xã/phường có hộ được chọn", enterpriseLegend: "Doanh nghiệp được chọn",
        zoneLegend: "Khu công nghiệp", routeLegend: "Lộ trình trong ngày, màu theo bưu điện",
        mapNote: "Tọa độ theo phép chiếu trụ đều (kinh độ nhân cos vĩ độ); các chặng vẽ bằng đường thẳng, không theo "
            + "đường bộ.",
        calendarHeading: "Lịch làm việc của điều tra viên",
        calendarNote: "Mỗi ô là một ngày làm việc; độ dài thanh màu là thời gian sử dụng so với quỹ thời gian trong ngày "
            + "(cả ô). Cột có sọc là ngày dự phòng, giữ trống cho đến lại và đơn vị dự phòng; ô xám là ngày nghỉ.",
        bufferDayLabel: "Ngày dự phòng", unavailableLabel: "Nghỉ",
        dayCell: { used, budget, visits in "\(used) / \(budget) phút, \(visits) lượt khảo sát" },
        workloadHeading: "Khối lượng công việc",
        perEnumeratorTitle: "Theo điều tra viên (phút)", perPostOfficeTitle: "Theo bưu điện (lượt khảo sát)",
        availableBudgetLegend: "Quỹ thời gian các ngày có thể xếp lịch",
        workloadNote: "Khung viền là tổng quỹ thời gian của các ngày điều tra viên có thể được xếp lịch (trừ ngày nghỉ "
            + "và ngày dự phòng).",
        enumeratorLine: { days, visits in "\(days) ngày, \(visits) lượt" },
        postOfficeLine: { enumerators, days in "\(enumerators) điều tra viên, \(days) ngày công" },
        documentsHeading: "Phiếu in theo bưu điện",
        documentsNote: "Tên bưu điện mở bảng tổng hợp hằng ngày của bưu điện; mỗi ngày mở tập phiếu lộ trình để in của "
            + "ngày đó (mục lục có tổng số, mỗi phiếu một trang).",
        dailyBundlesLabel: "Tập phiếu lộ trình theo ngày",
        unchangedBundle: "(không đổi, không cần in lại)",
        modelSizeLabel: "Kích thước mô hình",
        modelSize: { rows, columns, integers in "\(rows) ràng buộc, \(columns) biến (\(integers) biến nguyên)" },
        provenanceHeading: "Hạt giống và dữ liệu đầu vào",
        kindLabel: "Loại thư mục", kindSample: "mẫu (planner sample)", kindPlan: "kế hoạch thực địa",
        seedLabel: "Hạt giống ngẫu nhiên", generatorLabel: "Bộ sinh số ngẫu nhiên", datasetLabel: "Bộ dữ liệu",
        toolLabel: "Công cụ", parentLabel: "Lập từ kế hoạch", inputFilesLabel: "Tệp đầu vào",
        reproduceNote: "Cùng các tệp đầu vào (cùng SHA-256) và cùng hạt giống cho cùng mẫu và cùng kế hoạch."
    )

    static let english = SummaryText(
        pageTitle: "SURVEY PLAN SUMMARY",
        sampleOnlyNote: "This folder holds the sample only. planner assign plans its fieldwork (assignments, routes).",
        contentsHeading: "Contents",
        shortWeekdayNames: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        designHeading: "Sample design",
        stratumLabel: "Stratum", stratumNameLabel: "Name", unitTypeLabel: "Unit type", frameLabel: "Frame (N_h)", allocatedLabel: "Allocated",
        mainSampleLabel: "Main sample", reserveLabel: "Reserve", probabilityLabel: "Inclusion probability π",
        marginLabel: "Expected margin (±)", relativeMarginLabel: "Relative margin", designEffectLabel: "Design effect",
        wholeSampleMargin: { type, margin in "Whole \(type) sample: expected margin ±\(margin)." },
        marginsNote: "Margins are half-widths of the confidence interval of a proportion (p = 0.5) from the expected "
            + "respondents, with each stratum's design effect and finite population correction; the whole-sample "
            + "margin combines the strata as √(Σ W_h²·e_h²), W_h = N_h/N. Inclusion probabilities: smallest – largest "
            + "of the stratum's main units. Every step: design-report.md.",
        window: { first, last, working, buffer in
            "\(first) – \(last): \(working) working days, the last \(buffer) kept as buffer days"
        },
        allocationChartTitle: "Allocation by stratum",
        mapHeading: "Map: post offices, sampled units and daily routes",
        sampleMapHeading: "Map: post offices and sampled units",
        dayPickerLabel: "Day", allDays: "All days",
        enumeratorPickerLabel: "Highlight enumerator", allEnumerators: "All enumerators",
        boundariesNote: "Province and district outlines from the dataset's boundaries.csv.",
        postOfficeLegend: "Post office (base)", communeLegend: "Commune", sampledCommuneLegend: "Commune with sampled households",
        enterpriseLegend: "Sampled enterprise", zoneLegend: "Industrial zone",
        routeLegend: "Day routes, coloured by post office",
        mapNote: "Equirectangular projection (longitude scaled by the cosine of the latitude); legs are drawn as "
            + "straight lines, not along roads.",
        calendarHeading: "Enumerators' calendar",
        calendarNote: "Each cell is a working day; the coloured bar is the minutes used against the day's budget (the "
            + "whole cell). Hatched columns are buffer days, kept free for call-backs and reserve units; grey cells "
            + "are days off.",
        bufferDayLabel: "Buffer day", unavailableLabel: "Unavailable",
        dayCell: { used, budget, visits in "\(used) of \(budget) min, \(visits) visits" },
        workloadHeading: "Workload",
        perEnumeratorTitle: "Per enumerator (minutes)", perPostOfficeTitle: "Per post office (visits)",
        availableBudgetLegend: "Budget of the plannable days",
        workloadNote: "The outline is the budget of every day the enumerator could be planned on (days off and buffer "
            + "days excluded).",
        enumeratorLine: { days, visits in "\(days) days, \(visits) visits" },
        postOfficeLine: { enumerators, days in "\(enumerators) enumerators, \(days) enumerator-days" },
        documentsHeading: "Printable documents by post office",
        documentsNote: "A post office's name opens its day-by-day summary; each day opens the printable bundle of "
            + "that day's route sheets (an index with totals, then one sheet a page).",
        dailyBundlesLabel: "Daily bundles of route sheets",
        unchangedBundle: "(unchanged, no need to reprint)",
        modelSizeLabel: "Model size",
        modelSize: { rows, columns, integers in "\(rows) rows, \(columns) columns (\(integers) integer)" },
        provenanceHeading: "Seed and inputs",
        kindLabel: "Folder kind", kindSample: "sample (planner sample)", kindPlan: "fieldwork plan",
        seedLabel: "Random seed", generatorLabel: "Random generator", datasetLabel: "Dataset", toolLabel: "Tool",
        parentLabel: "Derived from", inputFilesLabel: "Input files",
        reproduceNote: "The same input files (same SHA-256) and the same seed give the same sample and the same plan."
    )
}
