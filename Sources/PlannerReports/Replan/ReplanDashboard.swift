import PlannerCore
import PlannerFieldwork
import PlannerPlanFormat
import PlannerSampling

/// The sections a re-plan adds at the top of `summary.html` (`SummarySection`): the progress so far — every unit
/// of the plan by where it stands, per district, post office and enumerator, and the response rate against the
/// rate the design assumed — and what this re-plan changed: visits moved and added, reserves released,
/// enumerators dropping out.
public enum ReplanDashboard {
    /// Where a unit of the plan stands, by its recorded visits: the columns of the progress tables, which add up
    /// to the units of the plan.
    enum Standing: CaseIterable {
        case completed
        /// Lost by a refusal.
        case refused
        /// Its last recorded visit found nobody at home (still to visit again, or lost after the last attempt).
        case notAtHome
        /// Lost as not found or closed, or postponed until no attempt was left.
        case otherLoss
        /// No outcome recorded yet, or postponed: still to visit.
        case pending
    }

    /// One row of a progress table: the units of a district, post office or enumerator by standing.
    struct Tally: Hashable {
        var counts: [Int] = Array(repeating: 0, count: Standing.allCases.count)

        subscript(_ standing: Standing) -> Int { counts[Standing.allCases.firstIndex(of: standing)!] }

        mutating func add(_ standing: Standing) { counts[Standing.allCases.firstIndex(of: standing)!] += 1 }

        var units: Int { counts.reduce(0, +) }
        /// Units lost for good (refused, not found, closed, or out of attempts).
        var lost = 0
        /// Completed among the units with a final outcome; nil before any.
        var responseRate: Double? {
            self[.completed] + lost == 0 ? nil : Double(self[.completed]) / Double(self[.completed] + lost)
        }
    }

    /// One unit of the plan with what the tables group it by.
    struct UnitLine {
        var unitID: String
        var unitType: UnitType
        var standing: Standing
        var isLost: Bool
        var district: String
        /// The enumerator of its last recorded visit, else of its planned visit; nil when neither.
        var enumeratorID: EnumeratorID?
    }

    public static func sections(_ content: ReplanContent, language: Language) -> [SummarySection] {
        let text = DashboardText.of(language)
        let lines = unitLines(content)
        return [SummarySection(id: "progress", title: text.progressHeading,
                               bodyHTML: progress(lines, content, text, language: language)),
                SummarySection(id: "changes", title: text.changesHeading, bodyHTML: changes(content, text))]
    }

    /// Every unit of the plan (main units and released reserves), by unit ID.
    static func unitLines(_ content: ReplanContent) -> [UnitLine] {
        let sample = Dictionary(content.sample.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        let lastVisit = Dictionary(content.history.map { ($0.unitID, $0) }) { earlier, later in
            RecordedVisit.historyOrder(earlier, later) ? later : earlier
        }
        let planned = Dictionary(content.plan.visits.map { ($0.unitID, $0.enumeratorID) },
                                 uniquingKeysWith: { first, _ in first })
        let districts = Dictionary(content.dataset.communes.map { ($0.districtCode, $0.districtName) },
                                   uniquingKeysWith: { first, _ in first })
        return content.progress.sorted { $0.unitID < $1.unitID }.map { unit in
            let last = lastVisit[unit.unitID]
            let standing: Standing
            switch unit.state {
            case .completed: standing = .completed
            case .nonresponse(let reason, _):
                standing = reason == VisitStatus.refused.rawValue ? .refused
                    : last?.status == .notAtHome ? .notAtHome : .otherLoss
            case .pending: standing = last?.status == .notAtHome ? .notAtHome : .pending
            }
            let sampled = sample[unit.unitID]
            let district = sampled.map { districts[$0.districtCode] ?? $0.districtCode.rawValue } ?? "–"
            return UnitLine(unitID: unit.unitID, unitType: sampled?.unitType ?? .household, standing: standing,
                            isLost: unit.isNonresponse, district: district,
                            enumeratorID: last?.enumeratorID ?? planned[unit.unitID])
        }
    }

    /// Tallies of `lines` grouped by `key`, by key.
    static func tallies(_ lines: [UnitLine], by key: (UnitLine) -> String) -> [(String, Tally)] {
        var tallies: [String: Tally] = [:]
        for line in lines {
            tallies[key(line), default: Tally()].add(line.standing)
            if line.isLost { tallies[key(line)]!.lost += 1 }
        }
        return tallies.keys.sorted().map { ($0, tallies[$0]!) }
    }

    private static func progress(_ lines: [UnitLine], _ content: ReplanContent, _ text: DashboardText,
                                 language: Language) -> String {
        // With the reader's decimal separator, as the rest of the page.
        func percent(_ value: Double) -> String { SummaryPage.percent(value, language) }
        let enumerators = Dictionary(content.dataset.enumerators.map { ($0.id, $0) },
                                     uniquingKeysWith: { first, _ in first })
        let asOf = FieldworkText.of(language).shortDate(content.asOf)
        var html = SummarySection.paragraph(text.progressNote(content.history.count, asOf))

        let settings = content.dataset.settings
        var rates: [String] = []
        for (type, parameters) in [(UnitType.household, settings.households), (.enterprise, settings.enterprises)] {
            let ofType = lines.filter { $0.unitType == type }
            guard !ofType.isEmpty else { continue }
            let tally = tallies(ofType) { _ in "" }[0].1
            rates.append(text.rateLine(type, tally.responseRate.map(percent) ?? "–",
                                       assumedResponseRate(parameters).map(percent) ?? text.noAssumption))
        }
        html += "<ul>\n" + rates.map { "<li>\(SummarySection.escape($0))</li>\n" }.joined() + "</ul>\n"

        let header = [text.completed, text.refused, text.notAtHome, text.otherLoss, text.pending, text.units,
                      text.responseRate]
        func table(_ title: String, _ groups: [(String, Tally)]) -> String {
            let rows = groups.map { name, tally in
                [name] + tally.counts.map(String.init) + [String(tally.units), tally.responseRate.map(percent) ?? "–"]
            }
            var total = Tally()
            for (_, tally) in groups {
                for (index, count) in tally.counts.enumerated() { total.counts[index] += count }
                total.lost += tally.lost
            }
            let footer = [text.total] + total.counts.map(String.init)
                + [String(total.units), total.responseRate.map(percent) ?? "–"]
            return "<h3>\(SummarySection.escape(title))</h3>\n"
                + SummarySection.table(header: [title] + header, rows: rows, numericColumns: Set(1...7),
                                       footer: [footer])
        }
        html += table(text.district, tallies(lines) { $0.district })
        html += table(text.postOffice, tallies(lines) { line in
            line.enumeratorID.flatMap { enumerators[$0]?.postOffice.rawValue } ?? "–"
        })
        html += table(text.enumerator, tallies(lines) { line in
            guard let id = line.enumeratorID else { return "–" }
            return enumerators[id].map { "\(id.rawValue) — \($0.name)" } ?? id.rawValue
        })
        html += SummarySection.paragraph(text.attributionNote)
        return html
    }

    private static func changes(_ content: ReplanContent, _ text: DashboardText) -> String {
        let changes = content.result.changes
        let names = Dictionary(content.dataset.enumerators.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var items = [
            "\(text.moved): \(changes.count(.moved))", "\(text.added): \(changes.count(.added))",
            "\(text.removed): \(changes.count(.removed))", "\(text.kept): \(changes.count(.kept))",
            "\(text.released): \(content.newReleases.count)",
        ]
        items.append("\(text.dropped): " + (content.droppedEnumerators.isEmpty ? "–" : content.droppedEnumerators.map {
            "\($0.rawValue) — \(names[$0] ?? "")"
        }.joined(separator: "; ")))
        var html = "<ul>\n" + items.map { "<li>\(SummarySection.escape($0))</li>\n" }.joined() + "</ul>\n"
        html += SummarySection.paragraph(text.sheetsNote)
        if !content.newReleases.isEmpty {
            html += "<h3>\(SummarySection.escape(text.released))</h3>\n"
            html += SummarySection.table(
                header: [text.group, text.rank, text.reserve, text.replaces, text.reason, text.date],
                rows: content.newReleases.map {
                    [$0.groupID, String($0.rank), $0.reserveUnitID, $0.replacedUnitID, $0.reason, $0.date.description]
                }, numericColumns: [1])
        }
        let concerned = changes.enumerators.filter { $0.moved + $0.removed + $0.received > 0 }
        if !concerned.isEmpty {
            html += "<h3>\(SummarySection.escape(text.perEnumerator))</h3>\n"
            html += SummarySection.table(
                header: [text.enumerator, text.previous, text.kept, text.moved, text.removed, text.received, text.now],
                rows: concerned.map { row in
                    let name = row.enumeratorID.rawValue + (content.droppedEnumerators.contains(row.enumeratorID)
                                                            ? " (\(text.dropsOut))" : "")
                    return [name, String(row.previousVisits), String(row.kept), String(row.moved),
                            String(row.removed), String(row.received), String(row.newVisits)]
                }, numericColumns: Set(1...6))
        }
        return html
    }

    /// The response rate the design's precision target assumes for a unit type; nil when it assumes none.
    static func assumedResponseRate(_ parameters: SampleDesignParameters) -> Double? {
        func rate(_ rule: SampleDesignParameters.SizeRule?) -> Double? {
            switch rule {
            case .totalForPrecision(let target), .perStratumForPrecision(let target): target.responseRate
            case .total, nil: nil
            }
        }
        return rate(parameters.size) ?? rate(parameters.targetForGivenSize)
    }
}

/// The dashboard's texts in one language.
struct DashboardText {
    var progressHeading, changesHeading: String
    var progressNote: (Int, String) -> String
    var rateLine: (UnitType, String, String) -> String
    var noAssumption: String
    var completed, refused, notAtHome, otherLoss, pending, units, responseRate, total: String
    var district, postOffice, enumerator, attributionNote: String
    var moved, added, removed, kept, released, dropped, sheetsNote: String
    var group, rank, reserve, replaces, reason, date: String
    var perEnumerator, previous, received, now, dropsOut: String

    static func of(_ language: Language) -> DashboardText {
        switch language {
        case .vietnamese:
            return DashboardText(
                progressHeading: "Tiến độ đến nay", changesHeading: "Những gì thay đổi",
                progressNote: { visits, asOf in
                    "\(visits) lượt thăm đã ghi nhận trước ngày \(asOf). Mỗi đơn vị của kế hoạch (đơn vị chính và "
                        + "đơn vị dự phòng đã dùng) được tính một lần, theo kết quả ghi nhận gần nhất."
                },
                rateLine: { type, observed, assumed in
                    "\(type == .household ? "Hộ gia đình" : "Doanh nghiệp"): tỷ lệ trả lời \(observed) "
                        + "(thiết kế giả định \(assumed))"
                },
                noAssumption: "không giả định",
                completed: "Hoàn thành", refused: "Từ chối", notAtHome: "Không gặp",
                otherLoss: "Không tìm thấy / đóng cửa / hoãn quá số lần", pending: "Còn phải thăm", units: "Số đơn vị",
                responseRate: "Tỷ lệ trả lời", total: "Tổng cộng",
                district: "Huyện/thị xã/thành phố", postOffice: "Bưu điện", enumerator: "Điều tra viên",
                attributionNote: "Đơn vị được tính cho điều tra viên của lượt thăm ghi nhận gần nhất, nếu chưa có thì "
                    + "cho điều tra viên được xếp lịch. Tỷ lệ trả lời = hoàn thành / (hoàn thành + không trả lời).",
                moved: "Lượt thăm chuyển ngày hoặc người", added: "Lượt thăm mới", removed: "Lượt thăm bỏ",
                kept: "Lượt thăm giữ nguyên", released: "Đơn vị dự phòng được sử dụng",
                dropped: "Điều tra viên nghỉ",
                sheetsNote: "Trên phiếu lộ trình mới, lượt thăm mới có dấu + và lượt thăm chuyển đến có dấu →.",
                group: "Nhóm", rank: "Thứ tự", reserve: "Đơn vị dự phòng", replaces: "Thay cho", reason: "Lý do",
                date: "Ngày", perEnumerator: "Theo điều tra viên", previous: "Lượt thăm trước", received: "Nhận thêm",
                now: "Lượt thăm hiện tại", dropsOut: "nghỉ")
        case .english:
            return DashboardText(
                progressHeading: "Progress so far", changesHeading: "What changed",
                progressNote: { visits, asOf in
                    "\(visits) visits recorded before \(asOf). Each unit of the plan (main units and released "
                        + "reserves) counts once, by its latest recorded outcome."
                },
                rateLine: { type, observed, assumed in
                    "\(type == .household ? "Households" : "Enterprises"): response rate \(observed) "
                        + "(the design assumes \(assumed))"
                },
                noAssumption: "none",
                completed: "Completed", refused: "Refused", notAtHome: "Not at home",
                otherLoss: "Not found / closed / postponed out of attempts", pending: "Still to visit", units: "Units",
                responseRate: "Response rate", total: "Total",
                district: "District", postOffice: "Post office", enumerator: "Enumerator",
                attributionNote: "A unit counts for the enumerator of its latest recorded visit, else the one it is "
                    + "planned with. Response rate = completed / (completed + lost).",
                moved: "Visits moved to another day or enumerator", added: "Visits added", removed: "Visits removed",
                kept: "Visits kept", released: "Reserve units released", dropped: "Enumerators dropping out",
                sheetsNote: "On the new route sheets, added visits are marked + and moved visits →.",
                group: "Group", rank: "Rank", reserve: "Reserve unit", replaces: "Replaces", reason: "Reason",
                date: "Date", perEnumerator: "Per enumerator", previous: "Previous visits", received: "Received",
                now: "Visits now", dropsOut: "drops out")
        }
    }
}
