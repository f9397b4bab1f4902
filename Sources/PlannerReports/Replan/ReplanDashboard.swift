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
                SummarySection(id: "changes", title: text.changesHeading, bodyHTML: changes(content, text, language))]
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
        // Units with neither a recorded nor a planned visit (left unscheduled) have no enumerator nor office.
        func named(_ key: String) -> String { key == "–" ? text.unscheduled : key }
        func table(_ title: String, _ groups: [(String, Tally)]) -> String {
            let rows = groups.map { name, tally in
                [named(name)] + tally.counts.map(String.init)
                    + [String(tally.units), tally.responseRate.map(percent) ?? "–"]
            }
            var total = Tally()
            for (_, tally) in groups {
                for (index, count) in tally.counts.enumerated() { total.counts[index] += count }
                total.lost += tally.lost
            }
            let footer = [text.total] + total.counts.map(String.init)
                + [String(total.units), total.responseRate.map(percent) ?? "–"]
            return SummarySection.table(header: [title] + header, rows: rows, numericColumns: Set(1...7),
                                        footer: [footer])
        }
        func office(_ line: UnitLine) -> String {
            line.enumeratorID.flatMap { enumerators[$0]?.postOffice.rawValue } ?? "–"
        }
        html += "<h3>\(SummarySection.escape(text.district))</h3>\n" + table(text.district, tallies(lines) { $0.district })
        html += "<h3>\(SummarySection.escape(text.postOffice))</h3>\n" + table(text.postOffice, tallies(lines, by: office))
        // Per enumerator, one closed block per post office: at a hundred enumerators the one long table printed
        // on five pages of a summary whose readers look at offices; each office's staff is a click away.
        html += "<h3>\(SummarySection.escape(text.perEnumeratorByOffice))</h3>\n"
        html += SummarySection.paragraph(text.openAnOffice)
        for (name, ofOffice) in groups(lines, by: office) {
            let byEnumerator = tallies(ofOffice) { line in
                guard let id = line.enumeratorID else { return "–" }
                return enumerators[id].map { "\(id.rawValue) — \($0.name)" } ?? id.rawValue
            }
            let line = text.officeLine(named(name), name == "–" ? 0 : byEnumerator.count, ofOffice.count)
            html += SummarySection.disclosure(summary: line, bodyHTML: table(text.enumerator, byEnumerator))
        }
        html += SummarySection.paragraph(text.attributionNote)
        return html
    }

    /// `items` grouped by `key`, groups by key, each in the order of `items`.
    static func groups<Item>(_ items: [Item], by key: (Item) -> String) -> [(String, [Item])] {
        let grouped = Dictionary(grouping: items, by: key)
        return grouped.keys.sorted().map { ($0, grouped[$0]!) }
    }

    private static func changes(_ content: ReplanContent, _ text: DashboardText, _ language: Language) -> String {
        let changes = content.result.changes
        let staff = Dictionary(content.dataset.enumerators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dropped = Set(content.droppedEnumerators)
        var items = [
            "\(text.moved): \(changes.count(.moved))", "\(text.added): \(changes.count(.added))",
            "\(text.removed): \(changes.count(.removed))", "\(text.kept): \(changes.count(.kept))",
            "\(text.released): \(content.newReleases.count)",
        ]
        // A few names read well in the list; a strike's hundred do not, and are named per office below.
        if content.droppedEnumerators.count <= namedDropoutsLimit {
            items.append("\(text.dropped): " + (content.droppedEnumerators.isEmpty ? "–" : content.droppedEnumerators.map {
                "\($0.rawValue) — \(staff[$0]?.name ?? "")"
            }.joined(separator: "; ")))
        } else {
            items.append("\(text.dropped): \(content.droppedEnumerators.count) (\(text.namedBelow))")
        }
        let notices = noticesToSendAgain(content, language)
        if notices.total > 0 { items.append("\(text.noticesAgain): \(notices.changed.count) / \(notices.total)") }
        if let sheets = content.sheetChanges.map(SheetChange.counts) {
            items.append(text.sheetsToPrint(sheets[.changed]!, sheets[.new]!, sheets[.unchanged]!, sheets[.withdrawn]!))
        }
        var html = "<ul>\n" + items.map { "<li>\(SummarySection.escape($0))</li>\n" }.joined() + "</ul>\n"
        if !notices.changed.isEmpty {
            let list = notices.changed.map { "<li>\(SummarySection.escape($0.name)) — \(SummarySection.escape($0.path))</li>\n" }
            html += SummarySection.disclosure(summary: text.noticesAgainLine(notices.changed.count),
                                              bodyHTML: "<ul>\n" + list.joined() + "</ul>\n")
        }
        html += SummarySection.paragraph(text.sheetsNote)
        if !content.newReleases.isEmpty {
            let words = FieldworkText.of(language)
            html += "<h3>\(SummarySection.escape(text.released))</h3>\n"
            html += SummarySection.table(
                header: [text.group, text.rank, text.reserve, text.replaces, text.reason, text.date],
                rows: content.newReleases.map {
                    [$0.groupID, String($0.rank), $0.reserveUnitID, $0.replacedUnitID,
                     words.releaseReason($0.reason), $0.date.description]
                }, numericColumns: [1])
        }
        // Every enumerator with a change, and every one dropping out even with no visit left to lose.
        struct Row {
            var id: EnumeratorID
            /// Previous visits, kept, moved, removed, received, visits now.
            var figures: [Int]
        }
        var concerned = changes.enumerators.filter {
            $0.moved + $0.removed + $0.received > 0 || dropped.contains($0.enumeratorID)
        }.map { Row(id: $0.enumeratorID, figures: [$0.previousVisits, $0.kept, $0.moved, $0.removed, $0.received,
                                                    $0.newVisits]) }
        let listed = Set(changes.enumerators.map(\.enumeratorID))
        concerned += content.droppedEnumerators.filter { !listed.contains($0) }.map {
            Row(id: $0, figures: Array(repeating: 0, count: 6))
        }
        concerned.sort { $0.id < $1.id }
        guard !concerned.isEmpty else { return html }
        func leaving(_ rows: [Row]) -> Int { rows.filter { dropped.contains($0.id) }.count }
        func totals(_ rows: [Row]) -> [String] {
            (0..<6).map { column in String(rows.reduce(0) { $0 + $1.figures[column] }) }
        }
        let byOffice = groups(concerned) { staff[$0.id]?.postOffice.rawValue ?? "–" }
        html += "<h3>\(SummarySection.escape(text.changesPerOffice))</h3>\n"
        html += SummarySection.table(
            header: [text.postOffice, text.droppingOut, text.previous, text.kept, text.moved, text.removed,
                     text.received, text.now],
            rows: byOffice.map { name, rows in [name, String(leaving(rows))] + totals(rows) },
            numericColumns: Set(1...7), footer: [[text.total, String(leaving(concerned))] + totals(concerned)])
        html += "<h3>\(SummarySection.escape(text.perEnumeratorByOffice))</h3>\n"
        html += SummarySection.paragraph(text.openAnOffice)
        for (name, rows) in byOffice {
            let table = SummarySection.table(
                header: [text.enumerator, text.previous, text.kept, text.moved, text.removed, text.received, text.now],
                rows: rows.map { row in
                    ["\(row.id.rawValue) — \(staff[row.id]?.name ?? "")" + (dropped.contains(row.id) ? " (\(text.dropsOut))" : "")]
                        + row.figures.map(String.init)
                }, numericColumns: Set(1...6), footer: [[text.total] + totals(rows)])
            html += SummarySection.disclosure(summary: text.changedOfficeLine(name, rows.count, leaving(rows)),
                                              bodyHTML: table)
        }
        return html
    }

    /// The commune and zone notices of the new plan whose schedule this re-plan changed (a unit there added,
    /// moved to another day or enumerator, or taken off), by file, with the number of notices in all: the ones
    /// the post offices must hand to the People's Committees and the zones' board again. The others repeat what the
    /// officials already hold.
    public static func noticesToSendAgain(_ content: ReplanContent, _ language: Language)
        -> (changed: [(name: String, path: String)], total: Int) {
        let context = FieldworkContext(plan: content.plan, sample: content.sample, dataset: content.dataset,
                                       language: language)
        let noticed = Set(content.plan.visits.map(\.siteID))
        let planned = Dictionary(content.plan.visits.map { ($0.unitID, $0.siteID) }, uniquingKeysWith: { a, _ in a })
        // A unit taken off the plan has no new visit: its site is where the sample puts it, as the notices do.
        func sampledSite(_ unitID: String) -> String? {
            guard let unit = context.sampled(unitID) else { return nil }
            if let zone = unit.zoneID.flatMap(context.zone), zone.status == .operating { return zone.id.rawValue }
            return unit.communeCode.rawValue
        }
        var changed = Set<String>()
        for change in content.result.changes.visits where change.kind != .kept {
            if let site = planned[change.unitID] ?? sampledSite(change.unitID), noticed.contains(site) {
                changed.insert(site)
            }
        }
        let notices = changed.sorted().map { site -> (name: String, path: String) in
            let isZone = context.zone(ZoneID(site)) != nil
            let name = isZone ? context.siteName(site)
                : context.commune(CommuneCode(site)).map { "\($0.name), \($0.districtName)" } ?? site
            return (name, "notices/\(isZone ? "zones" : "communes")/\(context.siteFileNames[site] ?? site).html")
        }
        return (notices, noticed.count)
    }

    /// Enumerators dropping out are named in the list of changes up to this many; above it they are counted
    /// there and named in their post office's block.
    static let namedDropoutsLimit = 10

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
    var previous, received, now, dropsOut: String
    var perEnumeratorByOffice, openAnOffice, changesPerOffice, droppingOut, namedBelow, unscheduled: String
    var noticesAgain: String
    var noticesAgainLine: (Int) -> String
    /// The route sheets from the as-of date: changed, new, unchanged, to take back.
    var sheetsToPrint: (Int, Int, Int, Int) -> String
    /// A post office's block of progress: its name, enumerators and units.
    var officeLine: (String, Int, Int) -> String
    /// A post office's block of changes: its name, enumerators concerned and those dropping out.
    var changedOfficeLine: (String, Int, Int) -> String

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
                date: "Ngày", previous: "Lượt thăm trước", received: "Nhận thêm",
                now: "Lượt thăm hiện tại", dropsOut: "nghỉ",
                perEnumeratorByOffice: "Theo điều tra viên, từng bưu điện",
                openAnOffice: "Bấm vào tên bưu điện để xem từng điều tra viên. Bản in chỉ có một dòng cho mỗi bưu điện "
                    + "chưa mở.",
                changesPerOffice: "Theo bưu điện", droppingOut: "Điều tra viên nghỉ",
                namedBelow: "danh sách theo bưu điện ở dưới", unscheduled: "Chưa có điều tra viên (chưa xếp lịch)",
                noticesAgain: "Thông báo xã/khu công nghiệp cần gửi lại (lịch thay đổi)",
                noticesAgainLine: { "\($0) thông báo cần gửi lại (bấm để xem danh sách)" },
                sheetsToPrint: { changed, new, unchanged, withdrawn in
                    "Phiếu lộ trình từ ngày điều chỉnh: \(changed + new) phiếu cần in (\(changed) thay đổi, \(new) mới), "
                        + "\(unchanged) phiếu không đổi, \(withdrawn) phiếu cần thu hồi (tập phiếu của từng ngày ghi rõ)"
                },
                officeLine: { office, enumerators, units in
                    "\(office): " + (enumerators > 0 ? "\(enumerators) điều tra viên, " : "") + "\(units) đơn vị"
                },
                changedOfficeLine: { office, enumerators, leaving in
                    "\(office): \(enumerators) điều tra viên có thay đổi"
                        + (leaving > 0 ? ", trong đó \(leaving) nghỉ" : "")
                })
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
                date: "Date", previous: "Previous visits", received: "Received",
                now: "Visits now", dropsOut: "drops out",
                perEnumeratorByOffice: "Per enumerator, by post office",
                openAnOffice: "Click a post office to see its enumerators. A printed copy shows one line for each "
                    + "post office not opened.",
                changesPerOffice: "Per post office", droppingOut: "Dropping out",
                namedBelow: "named per post office below", unscheduled: "No enumerator (not scheduled)",
                noticesAgain: "Commune and zone notices to send again (schedule changed)",
                noticesAgainLine: { "\($0) notice\($0 == 1 ? "" : "s") to send again (click for the list)" },
                sheetsToPrint: { changed, new, unchanged, withdrawn in
                    "Route sheets from the as-of date: \(changed + new) to print (\(changed) changed, \(new) new), "
                        + "\(unchanged) unchanged, \(withdrawn) to take back (each day's bundle names them)"
                },
                officeLine: { office, enumerators, units in
                    "\(office): " + (enumerators > 0 ? "\(enumerators) enumerator\(enumerators == 1 ? "" : "s"), " : "")
                        + "\(units) unit\(units == 1 ? "" : "s")"
                },
                changedOfficeLine: { office, enumerators, leaving in
                    "\(office): \(enumerators) enumerator\(enumerators == 1 ? "" : "s") with changes"
                        + (leaving > 0 ? ", \(leaving) dropping out" : "")
                })
        }
    }
}
