import PlannerCore
import PlannerSampling

/// The words of `design-report.md` in one language. Method names are spelt out: a Vietnamese reader should not
/// meet `proportional` or `srs` mid-sentence, and an English one should read what was done, not a raw key.
struct DesignReportText: Sendable {
    let title: String
    let seed: String
    let generator: @Sendable (String, String) -> String
    let counts: @Sendable (Int, Int, Int, Int) -> String
    let warnings: String
    let households: String
    let enterprises: String
    let stratification: @Sendable (String, Int) -> String
    let selection: String
    let takeNote: @Sendable (Int, Int) -> String
    let reservesPerStratum: @Sendable (Int) -> String
    let sizeRule: String
    let allocation: String
    let bounds: @Sendable (Int, String) -> String
    let certaintyThreshold: @Sendable (Int) -> String
    let measureOfSize: String
    let measures: (households: String, employees: String, none: String, listing: String)
    let precisionHeading: String
    let statedTarget: String
    let assumedTarget: String
    let targetHeader: [String]
    let wholeSizeHeading: String
    let raised: @Sendable (Int, Int) -> String
    let perStratumSizeHeading: String
    let perStratumSizeHeader: [String]
    let capped: String
    let strataHeading: String
    let strataHeader: [String]
    let twoStageHeader: [String]
    let total: String
    let weightsHeading: String
    let weightsHeader: [String]
    let precisionTableHeading: String
    let precisionTableHeader: [String]
    let wholeSample: String
    let met: String
    let notMet: String
    let noTarget: String
    let precisionNote: @Sendable (String) -> String
    let certaintyHeading: String
    let certaintyHeader: [String]
    let none: String
    let levels: (commune: String, enterprise: String)
    let reasons: (allCommunes: String, pps: String, threshold: @Sendable (Int) -> String)
    let sizeRules: (total: @Sendable (Int) -> String, totalForPrecision: String, perStratum: String)
    let stratifications: [SampleDesignParameters.Stratification: String]
    let selections: [SampleDesignParameters.SelectionMethod: String]
    let allocations: [SampleDesignParameters.AllocationMethod: String]
    let marginKinds: (absolute: String, relative: String)
    let analysisHeading: String
    let analysisIntro: String
    let analysisNotes: (twoStage: String, pps: String, oneStage: String)

    static func of(_ language: Language) -> DesignReportText { language == .vietnamese ? .vietnamese : .english }

    static let english = DesignReportText(
        title: "Sample design",
        seed: "Seed",
        generator: { "Generator: \($0), version \($1)" },
        counts: { "Main units: \($0) households, \($1) enterprises; reserve units: \($2) households, \($3) enterprises" },
        warnings: "Warnings",
        households: "Households",
        enterprises: "Enterprises",
        stratification: { "Stratification: \($0) (\($1) strata)" },
        selection: "Selection",
        takeNote: { "\($0) households per selected commune as set, \($1) reserve households per commune; where a stratum "
            + "has too few communes every commune is taken and the take raised (the take used is in the table)" },
        reservesPerStratum: { "\($0) reserve units per stratum" },
        sizeRule: "Size rule",
        allocation: "Allocation",
        bounds: { "Per-stratum bounds: minimum \($0), maximum \($1) (never above N_h)" },
        certaintyThreshold: { "Enterprises with \($0) or more employees are taken with certainty" },
        measureOfSize: "Measure of size",
        measures: (households: "census households per commune (communes.csv/households)",
                   employees: "employees (enterprises.csv/employees)",
                   none: "none: equal probabilities within a stratum",
                   listing: "second stage drawn from the listed households (households.csv)"),
        precisionHeading: "Precision target",
        statedTarget: "The target as stated in survey.toml; the margins below are what the design gives under it.",
        assumedTarget: "The size is given and no target is stated: the margins below assume these values.",
        targetHeader: ["p", "margin", "kind", "confidence", "design effect", "response rate", "eligibility rate"],
        wholeSizeHeading: "Sample size for the whole sample",
        raised: { "The formula's n = \($0) assumes simple random sampling at one p; under this allocation and these "
            + "weights it falls short of the target, so n was raised to \($1), the smallest total whose allocation meets it." },
        perStratumSizeHeading: "Sample size per stratum",
        perStratumSizeHeader: ["Stratum", "N_h", "p_h", "z", "e", "n0", "deff", "after deff", "after FPC",
                               "after nonresponse", "n", "n used"],
        capped: "capped: target not met",
        strataHeading: "Strata: frame, costs and allocation",
        strataHeader: ["Stratum", "Name", "N_h", "p_h", "cost c_h", "weight a_h", "share", "allocated", "sample",
                       "reserve (asked)"],
        twoStageHeader: ["communes", "communes selected", "take used"],
        total: "Total",
        weightsHeading: "Inclusion probabilities and weights (main units)",
        weightsHeader: ["Stratum", "π min", "π max", "weight min", "weight max", "weight CV"],
        precisionTableHeading: "Design effect and expected precision per domain",
        precisionTableHeader: ["Stratum", "p_h", "deff clustering", "deff weighting (Kish)", "deff", "respondents",
                               "± margin", "relative margin", "target", "met"],
        wholeSample: "Whole sample",
        met: "yes",
        notMet: "NO",
        noTarget: "—",
        precisionNote: { "Margins are half-widths of the \($0) confidence interval of each domain's proportion p_h from "
            + "the expected respondents n' = n·RR·E, with deff = deff_c·deff_w: the clustering effect (1 + (m − 1)·ICC, "
            + "or the given design effect; 1 where every commune is taken, the communes being then strata) times "
            + "Kish's n·Σw²/(Σw)² of the drawn weights, and each stratum's finite population correction. The whole "
            + "sample combines the strata as z·√(Σ W_h²·V_h), W_h = N_h/N, at p = Σ W_h·p_h." },
        certaintyHeading: "Certainty units",
        certaintyHeader: ["Stratum", "Unit", "Level", "Size", "Why"],
        none: "None.",
        levels: (commune: "commune", enterprise: "enterprise"),
        reasons: (allCommunes: "all communes of the stratum taken",
                  pps: "π reached 1 under PPS",
                  threshold: { "\($0) employees or more" }),
        sizeRules: (total: { "a given total of \($0), allocated" },
                    totalForPrecision: "a precision target for the whole sample, then allocated",
                    perStratum: "a precision target in every stratum (each stratum a domain)"),
        stratifications: [.district: "by district", .districtUrbanRural: "by district × urban/rural",
                          .districtGroups: "each operating industrial zone alone, the rest by district group"],
        selections: [.simpleRandom: "simple random sampling without replacement",
                     .systematic: "systematic sampling with a fractional interval",
                     .ppsSystematic: "systematic sampling with probability proportional to size (PPS)",
                     .twoStage: "two stages: communes by PPS systematic, then households by simple random sampling"],
        allocations: [.equal: "equal", .proportional: "proportional to N_h", .neyman: "Neyman (N_h·S_h)",
                      .costOptimal: "cost-optimal (N_h·S_h/√c_h)", .power: "power (Bankier)",
                      .kish: "Kish's compromise √(W_h² + H⁻²)"],
        marginKinds: (absolute: "absolute", relative: "relative"),
        analysisHeading: "Hand-off to analysis",
        analysisIntro: "sample.csv carries for every unit its stratum, its first-stage unit (psu), π "
            + "(inclusion_probability) and the design weight 1/π, the stage probabilities of a two-stage design, the "
            + "stratum's first-stage frame size (stratum_psu_count) and the commune's second-stage frame "
            + "(psu_unit_count). Keep the main units; after fieldwork, use the weights adjusted for nonresponse "
            + "(docs/replanning.md) and add the survey variable y.",
        analysisNotes: (
            twoStage: "Communes were selected with probability proportional to size: the first stage is declared "
                + "with replacement (the ultimate-cluster variance), which is conservative; where every commune of "
                + "a stratum is taken it overstates the variance further, the communes being strata then.",
            pps: "Enterprises were selected with probability proportional to size: R uses Brewer's approximation "
                + "of the joint probabilities; Stata and samplics declare the design with replacement (conservative).",
            oneStage: "Simple random or systematic selection within strata: the finite population correction uses "
                + "each stratum's N_h (samplics without it, conservatively)."))

    static let vietnamese = DesignReportText(
        title: "Thiết kế mẫu",
        seed: "Số khởi tạo ngẫu nhiên",
        generator: { "Bộ sinh số ngẫu nhiên: \($0), phiên bản \($1)" },
        counts: { "Mẫu chính: \($0) hộ gia đình, \($1) doanh nghiệp; mẫu dự phòng: \($2) hộ gia đình, \($3) doanh nghiệp" },
        warnings: "Cảnh báo",
        households: "Hộ gia đình",
        enterprises: "Doanh nghiệp",
        stratification: { "Phân tầng: \($0) (\($1) tầng)" },
        selection: "Cách chọn mẫu",
        takeNote: { "mỗi xã được chọn lấy \($0) hộ theo cài đặt, cộng \($1) hộ dự phòng; tầng nào có quá ít xã thì "
            + "chọn tất cả các xã và tăng số hộ mỗi xã (số hộ thực dùng ghi trong bảng)" },
        reservesPerStratum: { "\($0) đơn vị dự phòng mỗi tầng" },
        sizeRule: "Cách xác định cỡ mẫu",
        allocation: "Phân bổ",
        bounds: { "Giới hạn mỗi tầng: tối thiểu \($0), tối đa \($1) (không vượt quá N_h)" },
        certaintyThreshold: { "Doanh nghiệp có từ \($0) lao động trở lên được chọn chắc chắn" },
        measureOfSize: "Thước đo quy mô",
        measures: (households: "số hộ theo tổng điều tra của mỗi xã (cột communes.csv/households)",
                   employees: "số lao động (cột enterprises.csv/employees)",
                   none: "không có: xác suất chọn bằng nhau trong mỗi tầng",
                   listing: "giai đoạn hai chọn từ danh sách hộ đã lập (households.csv)"),
        precisionHeading: "Mục tiêu độ chính xác",
        statedTarget: "Mục tiêu như ghi trong survey.toml; sai số dưới đây là sai số thiết kế thực sự đạt được.",
        assumedTarget: "Cỡ mẫu được cho sẵn và không ghi mục tiêu: sai số dưới đây giả định các giá trị này.",
        targetHeader: ["p", "sai số", "loại", "độ tin cậy", "hệ số thiết kế", "tỷ lệ trả lời", "tỷ lệ hợp lệ"],
        wholeSizeHeading: "Cỡ mẫu cho toàn bộ mẫu",
        raised: { "Công thức cho n = \($0) với giả định chọn ngẫu nhiên đơn giản và một tỷ lệ p chung; với cách phân bổ "
            + "và trọng số này thì chưa đạt mục tiêu, nên n được tăng lên \($1), tổng nhỏ nhất mà phân bổ của nó đạt mục tiêu." },
        perStratumSizeHeading: "Cỡ mẫu từng tầng",
        perStratumSizeHeader: ["Tầng", "N_h", "p_h", "z", "e", "n0", "hệ số thiết kế", "sau hệ số thiết kế",
                               "sau hiệu chỉnh tổng thể hữu hạn", "sau tỷ lệ trả lời", "n", "n dùng"],
        capped: "chạm trần: chưa đạt mục tiêu",
        strataHeading: "Các tầng: tổng thể, chi phí và phân bổ",
        strataHeader: ["Tầng", "Tên tầng", "N_h", "p_h", "chi phí c_h", "trọng số phân bổ a_h", "tỷ phần", "phân bổ",
                       "mẫu chính", "dự phòng (yêu cầu)"],
        twoStageHeader: ["số xã", "số xã được chọn", "số hộ mỗi xã"],
        total: "Tổng",
        weightsHeading: "Xác suất chọn và trọng số (mẫu chính)",
        weightsHeader: ["Tầng", "π nhỏ nhất", "π lớn nhất", "trọng số nhỏ nhất", "trọng số lớn nhất", "hệ số biến thiên trọng số"],
        precisionTableHeading: "Hệ số thiết kế và sai số dự kiến theo miền",
        precisionTableHeader: ["Tầng", "p_h", "hệ số do chọn cụm", "hệ số do trọng số (Kish)", "hệ số thiết kế",
                               "số trả lời dự kiến", "sai số ±", "sai số tương đối", "mục tiêu", "đạt"],
        wholeSample: "Toàn bộ mẫu",
        met: "có",
        notMet: "KHÔNG",
        noTarget: "—",
        precisionNote: { "Sai số là nửa độ rộng khoảng tin cậy \($0) của tỷ lệ p_h của từng miền, tính trên số trả lời "
            + "dự kiến n' = n·RR·E, với hệ số thiết kế = hệ số do chọn cụm (1 + (m − 1)·ICC hoặc giá trị cho sẵn; bằng 1 "
            + "khi chọn tất cả các xã, vì khi đó mỗi xã là một tầng) nhân hệ số Kish n·Σw²/(Σw)² của trọng số đã rút, "
            + "và hiệu chỉnh tổng thể hữu hạn của từng tầng. Toàn bộ mẫu gộp các tầng theo z·√(Σ W_h²·V_h), "
            + "W_h = N_h/N, tại p = Σ W_h·p_h." },
        certaintyHeading: "Đơn vị được chọn chắc chắn",
        certaintyHeader: ["Tầng", "Đơn vị", "Cấp", "Quy mô", "Lý do"],
        none: "Không có.",
        levels: (commune: "xã", enterprise: "doanh nghiệp"),
        reasons: (allCommunes: "chọn tất cả các xã của tầng",
                  pps: "π đạt 1 theo PPS",
                  threshold: { "từ \($0) lao động trở lên" }),
        sizeRules: (total: { "tổng cỡ mẫu cho sẵn \($0), rồi phân bổ" },
                    totalForPrecision: "mục tiêu độ chính xác cho toàn bộ mẫu, rồi phân bổ",
                    perStratum: "mục tiêu độ chính xác trong từng tầng (mỗi tầng là một miền)"),
        stratifications: [.district: "theo huyện", .districtUrbanRural: "theo huyện × thành thị/nông thôn",
                          .districtGroups: "mỗi khu công nghiệp đang hoạt động là một tầng, còn lại theo nhóm huyện"],
        selections: [.simpleRandom: "ngẫu nhiên đơn giản không hoàn lại",
                     .systematic: "hệ thống với khoảng cách thực",
                     .ppsSystematic: "hệ thống với xác suất tỷ lệ với quy mô (PPS)",
                     .twoStage: "hai giai đoạn: chọn xã theo PPS hệ thống, rồi chọn hộ ngẫu nhiên đơn giản"],
        allocations: [.equal: "bằng nhau", .proportional: "tỷ lệ với N_h", .neyman: "Neyman (N_h·S_h)",
                      .costOptimal: "tối ưu chi phí (N_h·S_h/√c_h)", .power: "lũy thừa (Bankier)",
                      .kish: "thỏa hiệp Kish √(W_h² + H⁻²)"],
        marginKinds: (absolute: "tuyệt đối", relative: "tương đối"),
        analysisHeading: "Chuyển cho phân tích",
        analysisIntro: "Tệp sample.csv ghi cho mỗi đơn vị: tầng, đơn vị cấp một (psu), xác suất chọn π "
            + "(inclusion_probability) và trọng số thiết kế 1/π, xác suất từng giai đoạn của thiết kế hai giai đoạn, "
            + "số đơn vị cấp một của tầng (stratum_psu_count) và số hộ của xã ở giai đoạn hai (psu_unit_count). Chỉ "
            + "giữ mẫu chính; sau thực địa, dùng trọng số đã điều chỉnh theo tỷ lệ trả lời (docs/replanning.md) và "
            + "thêm biến khảo sát y.",
        analysisNotes: (
            twoStage: "Xã được chọn với xác suất tỷ lệ với quy mô: giai đoạn một được khai báo là chọn có hoàn lại "
                + "(phương sai theo cụm cuối cùng), cho kết quả thận trọng; ở tầng chọn tất cả các xã thì phương sai "
                + "còn bị ước lượng cao hơn nữa, vì khi đó các xã là các tầng.",
            pps: "Doanh nghiệp được chọn với xác suất tỷ lệ với quy mô: R dùng xấp xỉ Brewer cho xác suất chọn đồng "
                + "thời; Stata và samplics khai báo chọn có hoàn lại (thận trọng).",
            oneStage: "Chọn ngẫu nhiên đơn giản hoặc hệ thống trong từng tầng: hiệu chỉnh tổng thể hữu hạn dùng N_h "
                + "của mỗi tầng (samplics không dùng, cho kết quả thận trọng)."))
}

extension DesignReportText {
    /// The random generator's version as a reader of `language` reads it. The manifest records the version in
    /// English (it is an identifier, compared by `verify`); a Vietnamese page says what the same words mean.
    static func generatorVersion(_ version: String, _ language: Language) -> String {
        guard language == .vietnamese, version == Xoshiro256StarStar.version else { return version }
        return "1.0 (khởi tạo bằng SplitMix64; mỗi tầng một dòng số riêng theo FNV-1a; số nguyên có chặn theo Lemire)"
    }
}
