import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling
import Testing
@testable import PlannerReports

@Suite struct FieldworkFolderTests {
    struct Case: Sendable {
        var dataset: Dataset
        var sample: [SampledUnit]
        var plan: FieldworkPlan

        func files(_ language: Language = .vietnamese, edition: SheetEdition? = nil) -> [String: Data] {
            let files = FieldworkFolder.files(plan: plan, sample: sample, dataset: dataset, language: language,
                                              edition: edition)
            return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.data) })
        }
    }

    /// Every unit fits: three enumerators for 8 households and 3 enterprises in three days.
    static let complete: Case = {
        let dataset = FieldworkFixture.dataset()
        let sample = FieldworkFixture.sample()
        return Case(dataset: dataset, sample: sample, plan: try! FieldworkFixture.plan(sample, dataset: dataset))
    }()

    /// Only EN02 (households, half days): 40 households cannot fit and nobody may interview enterprises.
    static let incomplete: Case = {
        let dataset = FieldworkFixture.dataset(enumerators: [FieldworkFixture.enumerators[1]])
        let sample = FieldworkFixture.sample(householdsPerWard: 20)
        return Case(dataset: dataset, sample: sample, plan: try! FieldworkFixture.plan(sample, dataset: dataset))
    }()

    /// The complete plan with one of EN02's households of Phường 5 on 3 October given to EN01, who works there
    /// that day too: two enumerators in one commune on one day (EN02, with three, holds its reserve list).
    static let sharedCommune: Case = {
        var item = complete
        let index = item.plan.visits.firstIndex { $0.unitID == "HH-31498-00004" }!
        item.plan.visits[index].enumeratorID = EnumeratorID("EN01")
        item.plan.visits[index].visitOrder = 9
        return item
    }()

    /// The complete plan with a large plan's solver figures: GLPK's gap limit reached on the one-site model it
    /// solved, and the printed plan's gap, to the day-capacity bound, far above that limit (×10 read 0.5 % and 31 %).
    static let boundedByCapacity: Case = {
        var item = complete
        item.plan.solver.statusName = "feasible_gap_limit"
        item.plan.solver.lowerBound = item.plan.solver.planObjective * 0.7
        return item
    }()

    static func text(_ data: Data?) -> String { data.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    static func table(_ data: Data?, _ name: String) throws -> CSVTable {
        try CSVReader().read(try #require(data, "\(name) missing"), file: name)
    }

    static func column(_ table: CSVTable, _ name: String) throws -> [String] {
        let index = try #require(table.header.firstIndex { $0.text == name }, "no column \(name)")
        return table.records.map { $0.fields[index].text }
    }

    /// The route sheet that visits the enterprise named `<script>…`: it shows escaping and reserves.
    static func hostileRoute(_ item: Case) throws -> DayRoute {
        try #require(item.plan.routes.first { $0.unitIDs.contains("DN0001") })
    }

    // MARK: Golden files

    @Test func routeSheetAndCommuneNoticeMatchTheGoldenFiles() throws {
        let item = Self.complete
        #expect(item.plan.isComplete)
        let edition = SheetEdition(planName: "valid-seed-1", version: 1, asOf: nil)
        let files = item.files(edition: edition)
        let route = try Self.hostileRoute(item)
        let path = "routes/\(route.date)/\(route.enumeratorID)"
        try GoldenFile.check(try #require(files[path + ".csv"]), named: "route.csv")
        try GoldenFile.check(try #require(files[path + ".html"]), named: "route.html")
        try GoldenFile.check(try #require(files["notices/communes/31498.html"]), named: "notice-31498.html")
        let office = try #require(FieldworkFixture.enumerators.first { $0.id == route.enumeratorID }).postOffice
        let context = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset,
                                       language: .vietnamese)
        try GoldenFile.check(try #require(files[context.bundlePath(office, route.date)]), named: "bundle.html")
        try GoldenFile.check(try #require(files[context.postOfficePath(office)]), named: "post-office.html")
    }

    // MARK: Coverage

    @Test(arguments: [complete, incomplete])
    func everyScheduledUnitAppearsOnceInRoutesAndAssignments(item: Case) throws {
        let files = item.files()
        let scheduled = item.plan.visits.map(\.unitID).sorted()
        let assigned = try Self.column(try Self.table(files["assignments.csv"], "assignments.csv"), "unit_id")
        #expect(assigned.sorted() == scheduled)
        var onRoutes: [String] = []
        for (path, data) in files where path.hasPrefix("routes/") && path.hasSuffix(".csv") {
            onRoutes += try Self.column(try Self.table(data, path), "unit_id")
        }
        #expect(onRoutes.sorted() == scheduled)
        #expect(Set(scheduled).isDisjoint(with: item.plan.unscheduledUnitIDs))
        let routeSheets = files.keys.filter { $0.hasPrefix("routes/") && $0.hasSuffix(".html") }
        #expect(routeSheets.count == item.plan.routes.count)
    }

    @Test func assignmentsAreSortedByDateEnumeratorAndOrder() throws {
        let table = try Self.table(Self.complete.files()["assignments.csv"], "assignments.csv")
        #expect(table.header.map(\.text).prefix(7) == ["unit_id", "enumerator_id", "date", "visit_order",
                                                       "planned_start", "travel_minutes", "interview_minutes"])
        let keys = try zip(zip(Self.column(table, "date"), Self.column(table, "enumerator_id")),
                           Self.column(table, "visit_order")).map { ($0.0, $0.1, Int($1)!) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        let zoneVisit = try #require(table.records.first { $0.fields[0].text == "DN0003" })
        #expect(zoneVisit.fields[10].text == "IZ01")
    }

    @Test func noticesCountEveryVisitOfTheirSite() throws {
        let item = Self.complete
        let files = item.files()
        let table = try Self.table(files["notices/communes.csv"], "notices/communes.csv")
        let visits = try Self.column(table, "visits").map { Int($0)! }.reduce(0, +)
        #expect(visits == item.plan.visits.filter { $0.siteID != "IZ01" }.count)
        let zoneNotice = Self.text(files["notices/zones/IZ01.html"])
        #expect(zoneNotice.contains("Ban Quản lý các khu công nghiệp"))
        #expect(zoneNotice.contains(FieldworkFixture.contact))
        let communeNotice = Self.text(files["notices/communes/31498.html"])
        #expect(communeNotice.contains("Kính gửi: Ủy ban nhân dân Phường 5, Thành phố Sóc Trăng"))
    }

    @Test func aNoticeIsALetterListingItsUnitsTheirDaysAndTheReserves() throws {
        let item = Self.complete
        let files = item.files()
        let notice = Self.text(files["notices/communes/31498.html"])
        for line in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
                     "SỞ NỘI VỤ TỈNH SÓC TRĂNG", "Sóc Trăng, ngày …… tháng …… năm 2023", "Nơi nhận:",
                     "Mọi thắc mắc xin liên hệ: \(FieldworkFixture.contact)."] {
            #expect(notice.contains(line), "missing \(line)")
        }
        // Every unit visited in the commune, with its day; and the commune's reserves, in rank order.
        let context = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset,
                                       language: .vietnamese)
        for visit in item.plan.visits where visit.siteID == "31498" {
            let row = try #require(notice.range(of: ">\(visit.unitID)<"), "\(visit.unitID) not listed")
            #expect(notice[row.upperBound...].prefix(400).contains(context.text.shortDate(visit.date)))
        }
        let reserves = item.sample.filter { $0.role == .reserve && $0.communeCode == "31498" && $0.zoneID == nil }
        #expect(!reserves.isEmpty)
        // One list per reserve group, the commune's households first: a refusal is replaced from its own list.
        func listOrder(_ unit: SampledUnit) -> (Int, String, Int) {
            (FieldworkContext.reserveScope(of: unit).isCommune ? 0 : 1, unit.stratumID.rawValue, unit.reserveRank!)
        }
        let positions = try reserves.sorted { listOrder($0) < listOrder($1) }
            .map { try #require(notice.range(of: ">\($0.unitID)<"), "reserve \($0.unitID) not listed").lowerBound }
        #expect(positions == positions.sorted())
        // A list whose ranks here skip (a stratum's reserves spread over communes) says where the others are.
        let skips = Dictionary(grouping: reserves) { FieldworkContext.reserveScope(of: $0) }.values.contains { list in
            list.compactMap(\.reserveRank).sorted() != Array(1...list.count)
        }
        #expect(notice.contains(context.text.noticeReservesElsewhere) == skips)
        // An enterprise's address from enterprises.csv is on its sheet and its commune's letter.
        let withAddress = try #require(item.plan.routes.first { $0.unitIDs.contains("DN0002") })
        let sheet = Self.text(files["routes/\(withAddress.date)/\(withAddress.enumeratorID).html"])
        #expect(sheet.contains("Số 12 đường Trần Hưng Đạo, khóm 3"))
        #expect(Self.text(files["notices/communes/31501.html"]).contains("Số 12 đường Trần Hưng Đạo, khóm 3"))
        // The zone's letter lists the zone's units, not the commune's.
        let zoneNotice = Self.text(files["notices/zones/IZ01.html"])
        #expect(zoneNotice.contains(">DN0003<") && zoneNotice.contains(">DN0005<"))
        #expect(!zoneNotice.contains(">DN0001<"))
    }

    @Test func postOfficeSummariesUseFoldedSlugsAndAddUp() throws {
        let item = Self.complete
        let files = item.files()
        let table = try Self.table(files["post-offices/buu-dien-tinh-soc-trang.csv"], "post office")
        let dates = try Self.column(table, "date")
        let visits = try Self.column(table, "visits").map { Int($0)! }
        #expect(dates.last == "total")
        #expect(visits.dropLast().reduce(0, +) == visits.last)
        let cityVisits = item.plan.visits.filter { ["EN01", "EN02"].contains($0.enumeratorID.rawValue) }.count
        #expect(visits.last == cityVisits)
        // Whole minutes (a Vietnamese-locale Excel reads "12.5" as text); totals add up the minutes shown.
        for column in ["travel_minutes", "used_minutes"] {
            let minutes = try Self.column(table, column).map { try #require(Int($0), "\(column): \($0) is not whole") }
            #expect(minutes.dropLast().reduce(0, +) == minutes.last)
        }
        for (path, data) in files where path.hasPrefix("routes/") && path.hasSuffix(".csv") {
            #expect(try Self.column(try Self.table(data, path), "travel_minutes").allSatisfy { Int($0) != nil }, "\(path)")
        }
        let offices = files.keys.filter { $0.hasPrefix("post-offices/") }.sorted()
        #expect(offices.allSatisfy {
            $0.hasPrefix("post-offices/buu-dien-tinh-soc-trang.") || $0.hasPrefix("post-offices/buu-dien-huyen-chau-thanh.")
        })
    }

    // MARK: Safety

    @Test(arguments: [complete, incomplete])
    func everyPathIsSafeAndThePlanFolderAcceptsThem(item: Case) throws {
        let files = FieldworkFolder.files(plan: item.plan, sample: item.sample, dataset: item.dataset,
                                          language: .vietnamese)
        #expect(Set(files.map(\.path)).count == files.count)
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(file.path.unicodeScalars.allSatisfy { $0.isASCII }, "\(file.path)")
            #expect(parts.allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") }, "\(file.path)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanFolder(destination: folder).write(files) { _ in Data("{}\n".utf8) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("assignments.csv").path))
    }

    @Test func fileNamesFoldDiacriticsAndCannotEscapeTheFolder() {
        #expect(FileNames.slug("Bưu điện tỉnh Sóc Trăng") == "buu-dien-tinh-soc-trang")
        #expect(FileNames.slug("Bưu điện thị xã Ngã Năm") == "buu-dien-thi-xa-nga-nam")
        #expect(FileNames.slug("ĐỒNG / ../..") == "dong")
        #expect(FileNames.slug("...") == "unnamed")
        for hostile in ["../../etc/passwd", "..", ".hidden", "a/b\\c", "EN 01", "Đặng\0x", ""] {
            let name = FileNames.component(hostile)
            #expect(!name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\"), "\(name)")
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII })
        }
        let names = FileNames.unique(["EN/1", "EN_1", "en_1"]) { FileNames.component($0) }
        #expect(Set(names.values.map { $0.lowercased() }).count == 3)
    }

    // MARK: Bundles and links

    /// The targets of every `href` in `html`, which lives at `path` of the folder: in-page anchors as `#id`.
    static func links(in html: String, at path: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.map { target in
            if target.hasPrefix("#") { return target }
            var parts = path.split(separator: "/").dropLast().map(String.init)
            for part in target.split(separator: "/") {
                if part == ".." { parts = parts.dropLast() } else { parts.append(String(part)) }
            }
            return parts.joined(separator: "/")
        }
    }

    @Test(arguments: [complete, incomplete])
    func everyLinkLeadsToAFileOfTheFolderOrAnAnchorOfThePage(item: Case) throws {
        let files = item.files()
        let summary = SummaryPage.html(SummaryPageTests.input(item))
        let pages = files.filter { $0.key.hasSuffix(".html") }.map { ($0.key, Self.text($0.value)) }
            + [(SummaryPage.path, summary)]
        var linked = 0
        for (path, html) in pages {
            for target in Self.links(in: html, at: path) {
                linked += 1
                if target.hasPrefix("#") {
                    #expect(html.contains("id=\"\(target.dropFirst())\""), "\(path): no anchor \(target)")
                } else {
                    #expect(files[target] != nil, "\(path) links to \(target), which the folder does not have")
                }
            }
        }
        #expect(linked > 0)
    }

    @Test func aBundlePerOfficeAndDayHoldsEveryRouteSheetOfThatDayOnItsOwnPage() throws {
        let item = Self.complete
        let files = item.files()
        let context = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset,
                                       language: .vietnamese)
        var sheets = 0
        for route in item.plan.routes {
            let office = try #require(context.enumerator(route.enumeratorID)).postOffice
            let bundle = Self.text(files[context.bundlePath(office, route.date)])
            #expect(bundle.contains("<section class=\"sheet\" id=\"sheet-\(route.enumeratorID.rawValue)\">"))
            // The bundle's sheet is the route sheet's body, byte for byte.
            #expect(bundle.contains(RouteSheets.body(route, context)))
            #expect(bundle.contains("section.sheet { break-before: page;"))
            sheets += 1
        }
        let bundlePaths = files.keys.filter { $0.hasPrefix("bundles/") }
        let inBundles = bundlePaths.reduce(0) { $0 + Self.text(files[$1]).components(separatedBy: "<section class=\"sheet\"").count - 1 }
        #expect(inBundles == sheets, "every sheet in exactly one bundle")
        let summary = Self.text(files["post-offices/buu-dien-tinh-soc-trang.html"])
        for path in bundlePaths where path.hasSuffix("/buu-dien-tinh-soc-trang.html") {
            #expect(summary.contains("href=\"../\(path)\""), "the office's summary links \(path)")
        }
    }

    // MARK: Reserve holders

    /// The holder of a list is whoever has the most visits in its commune or stratum that day, the lowest ID
    /// among equals.
    @Test func theHolderHasTheMostVisitsAndTiesGoToTheLowestID() {
        #expect(FieldworkContext.holder(among: [EnumeratorID("EN03"): 2, EnumeratorID("EN01"): 1]) == EnumeratorID("EN03"))
        #expect(FieldworkContext.holder(among: [EnumeratorID("EN09"): 2, EnumeratorID("EN02"): 2,
                                                EnumeratorID("EN05"): 1]) == EnumeratorID("EN02"))
    }

    /// Each reserve list of a day is printed in full on its holder's sheet only; every other sheet of that day
    /// whose visits fall in the list's commune or stratum names the holder in one line instead; the CSV agrees.
    @Test(arguments: [complete, incomplete, sharedCommune])
    func eachReserveListIsPrintedOnItsHoldersSheetOnly(item: Case) throws {
        let files = item.files(.english)
        let context = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset, language: .english)
        var sharedLists = 0
        for holding in context.reserveHoldings {
            let routes = context.routes.filter { route in
                route.date == holding.date && context.visits(of: route).contains { visit in
                    context.sampled(visit.unitID).map(FieldworkContext.reserveScope(of:)) == holding.group.scope
                }
            }
            #expect(routes.contains { $0.enumeratorID == holding.holder })
            if routes.count > 1 { sharedLists += 1 }
            for route in routes {
                let html = Self.text(files[context.routePath(route) + ".html"])
                let printed = holding.group.units.filter { html.contains("<span class=\"id\">\($0.unitID)</span>") }.count
                if route.enumeratorID == holding.holder {
                    #expect(printed == holding.group.units.count, "\(context.routePath(route))")
                } else {
                    #expect(printed == 0, "\(context.routePath(route)) prints another holder's reserves")
                    #expect(html.contains("held today by \(holding.holder.rawValue)"), "\(context.routePath(route))")
                }
            }
        }
        let table = try Self.table(files["reserve-holders.csv"], "reserve-holders.csv")
        let rows = zip(try Self.column(table, "date"), try Self.column(table, "reserve_unit_id")).map { "\($0) \($1)" }
        #expect(Set(rows).count == rows.count)
        #expect(rows.count == context.reserveHoldings.reduce(0) { $0 + $1.group.units.count })
        // The holder of Phường 5's list on 3 October, counted from the plan: most visits there, lowest ID among equals.
        let day = CalendarDate(year: 2023, month: 10, day: 3)!
        var visitsThere: [EnumeratorID: Int] = [:]
        for visit in item.plan.visits where visit.date == day && visit.siteID == "31498" {
            visitsThere[visit.enumeratorID, default: 0] += 1
        }
        let expected = visitsThere.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
            .first?.key
        if let expected {
            #expect(context.reserveHolder(of: .commune(CommuneCode("31498")), on: day) == expected)
        }
    }

    // MARK: Editions

    /// The version follows the chain of re-plans (a parent without a recorded version counts as v2); the name is
    /// the dataset folder's and the seed; the marks are the re-plan's added and moved visits only. The manifest's
    /// creation time is not part of it: two runs on different days print the same sheets.
    @Test func theEditionComesFromTheManifestAndTheChanges() throws {
        var manifest = PlanManifest(kind: "plan", seed: 7, generator: .init(name: "g", version: "1"),
                                    dataset: "Inputs/soc-trang-2023/", inputs: [], files: [],
                                    run: .init(createdAt: "2023-10-08T23:59:59Z", seconds: 1))
        let plan = SheetEdition(manifest: manifest)
        #expect(plan.planName == "soc-trang-2023-seed-7" && plan.version == 1 && plan.asOf == nil)
        var nextDay = manifest
        nextDay.run = .init(createdAt: "2023-10-09T00:00:01Z", seconds: 30)
        #expect(SheetEdition(manifest: nextDay) == plan)
        #expect(SheetEdition.nextVersion(after: manifest) == 2)
        manifest.replan = .init(asOf: "2023-10-09", progress: [], availability: [], newReleases: 0, releases: 0,
                                changedTripMinutes: 120)
        #expect(SheetEdition.nextVersion(after: manifest) == 3, "a re-plan without a recorded version is v2")
        manifest.replan?.version = 4
        let day = CalendarDate(year: 2023, month: 10, day: 9)!
        func visit(_ unit: String, _ enumerator: String) -> VisitAssignment {
            VisitAssignment(unitID: unit, unitKind: .household, label: "", enumeratorID: EnumeratorID(enumerator),
                            date: day, visitOrder: 1, siteID: "31498", plannedStartMinutes: 480, travelMinutes: 0,
                            interviewMinutes: 30)
        }
        let changes = PlanChanges(previous: [visit("A", "EN01"), visit("B", "EN01"), visit("C", "EN01")],
                                  new: [visit("A", "EN01"), visit("B", "EN02"), visit("D", "EN02")])
        let replan = SheetEdition(manifest: manifest, changes: changes)
        #expect(replan.version == 4 && replan.asOf == day)
        #expect(replan.marks == ["B": .moved, "D": .added])
        #expect(SheetEdition.nextVersion(after: manifest) == 5)
    }

    /// Two versions' sheets are the same only when the enumerator does the same: the same visits in the same order
    /// at the same times and the same reserve lists; a day only in the new version is new, one only in the old is
    /// taken back; the keys of withdrawn sheets read back to their enumerator and date.
    @Test func sheetsCompareByWhatTheEnumeratorDoes() {
        let day = CalendarDate(year: 2023, month: 10, day: 9)!, next = CalendarDate(year: 2023, month: 10, day: 10)!
        func visit(_ unit: String, _ enumerator: String, _ date: CalendarDate, order: Int, start: Int) -> VisitAssignment {
            VisitAssignment(unitID: unit, unitKind: .household, label: "", enumeratorID: EnumeratorID(enumerator),
                            date: date, visitOrder: order, siteID: "31498", plannedStartMinutes: start, travelMinutes: 0,
                            interviewMinutes: 30)
        }
        func reserve(_ holder: String, _ unit: String) -> SheetEdition.HeldReserve {
            .init(date: day, groupID: "31498", holder: EnumeratorID(holder), unitID: unit)
        }
        let before = [visit("A", "EN01", day, order: 1, start: 480), visit("B", "EN01", day, order: 2, start: 520),
                      visit("C", "EN02", day, order: 1, start: 480), visit("D", "EN03", day, order: 1, start: 480),
                      visit("E", "EN04", day, order: 1, start: 480), visit("F", "EN05", day, order: 1, start: 480)]
        var after = before
        after[4] = visit("E", "EN04", day, order: 1, start: 490)            // EN04: same visit, another time
        after[5] = visit("F", "EN05", next, order: 1, start: 480)           // EN05: the day moves
        let previous = SheetEdition.sheetContents(visits: before, reserves: [reserve("EN02", "R1"), reserve("EN03", "R2")])
        let new = SheetEdition.sheetContents(visits: after, reserves: [reserve("EN02", "R1"), reserve("EN01", "R2")])
        let changes = SheetEdition.sheetChanges(previous: previous, new: new)
        #expect(SheetChange.record(changes) == [
            "EN01 2023-10-09": "changed",     // now carries the reserve list EN03 held
            "EN02 2023-10-09": "unchanged",
            "EN03 2023-10-09": "changed",     // the same visit, but no reserve list any more
            "EN04 2023-10-09": "changed",
            "EN05 2023-10-09": "withdrawn",
            "EN05 2023-10-10": "new",
        ])
        // The record reads back as the changes, and text that is not a sheet key or a change is left out.
        #expect(SheetChange.changes(record: SheetChange.record(changes)) == changes)
        #expect(SheetChange.changes(record: ["EN05": "new", "EN05 2023-10-32": "new", "EN 05 2023-10-09": "gone",
                                             "EN 05 2023-10-09 ": "new", "Tổ 1 EN05 2023-10-11": "new"])
                == [SheetKey(EnumeratorID("Tổ 1 EN05"), CalendarDate(year: 2023, month: 10, day: 11)!): .new])
        let edition = SheetEdition(planName: "x", version: 2, asOf: day, sheetChanges: changes)
        #expect(edition.withdrawnSheets.map(\.description) == ["EN05 2023-10-09"])
        #expect(edition.sheetChange(EnumeratorID("EN02"), day) == .unchanged)
        #expect(SheetEdition(planName: "x", version: 2, asOf: day).sheetChange(EnumeratorID("EN02"), day) == nil)
    }

    /// A re-plan's sheet marks exactly its added and moved visits, explains the marks and names the sheet it
    /// replaces; a plan's sheet has none of these.
    @Test func aReplansSheetMarksExactlyItsAddedAndMovedVisits() throws {
        let item = Self.complete
        let route = try #require(item.plan.routes.first { $0.unitIDs.count >= 3 })
        let units = item.plan.visits.filter { $0.enumeratorID == route.enumeratorID && $0.date == route.date }.map(\.unitID)
        try #require(units.count >= 3)
        let marks: [String: SheetEdition.Mark] = [units[0]: .moved, units[2]: .added, "ELSEWHERE": .moved]
        let edition = SheetEdition(planName: "valid-seed-1", version: 2,
                                   asOf: CalendarDate(year: 2023, month: 10, day: 3), marks: marks)
        let context = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset, language: .english,
                                       edition: edition)
        let html = Self.text(item.files(.english, edition: edition)[context.routePath(route) + ".html"])
        let visitsTable = try #require(html.components(separatedBy: "<table class=\"visits").dropFirst().first)
            .components(separatedBy: "</table>")[0]
        let rows = visitsTable.components(separatedBy: "<tr>").filter { $0.contains("data-label=\"Unit\"") }
        #expect(rows.count == units.count)
        for (unit, row) in zip(units, rows) {
            let expected = marks[unit].map { "<span class=\"mark \($0.rawValue)\">" }
            #expect(row.contains(">\(unit)<"))
            #expect(row.contains("class=\"mark ") == (expected != nil), "\(unit)")
            if let expected { #expect(row.contains(expected), "\(unit)") }
        }
        #expect(html.contains("valid-seed-1, version v2 (re-planned from 2023-10-03)</td>"))
        #expect(html.contains("the sheet of \(route.enumeratorID.rawValue) for \(route.date) printed from version v1 or earlier"))
        #expect(html.contains("visit moved here from another day or enumerator"))

        let planSheet = Self.text(item.files(.english, edition: SheetEdition(
            planName: "valid-seed-1", version: 1, asOf: nil, marks: marks))[context.routePath(route) + ".html"])
        #expect(!planSheet.contains("class=\"mark ") && !planSheet.contains("Replaces") && !planSheet.contains("moved here"))
        #expect(planSheet.contains("Result (tick one box): 1 completed · 2 refused · 3 not at home (not_at_home)"))
    }

    /// A re-plan's bundle counts the sheets to print and to keep, gives each sheet's change, and names the sheets to
    /// take back; an office with nothing left on a day it had visits still gets that day's bundle, with that line.
    @Test func aReplansBundleSaysWhatToPrintAndWhatToTakeBack() throws {
        let item = Self.complete
        let route = try #require(item.plan.routes.first)
        let colleagues = item.plan.routes.filter { $0.date == route.date && $0.enumeratorID != route.enumeratorID }
        let office = try #require(FieldworkFixture.enumerators.first { $0.id == route.enumeratorID }).postOffice
        let worked = Set(item.plan.routes.map(\.date))
        let idle = try #require(item.dataset.settings.calendar.workingDays.first { !worked.contains($0) })
        var changes: [SheetKey: SheetChange] = [SheetKey(route.enumeratorID, route.date): .unchanged,
                                              SheetKey(EnumeratorID("GONE"), route.date): .withdrawn,
                                              SheetKey(route.enumeratorID, idle): .withdrawn]
        for other in colleagues { changes[SheetKey(other.enumeratorID, other.date)] = .new }
        let edition = SheetEdition(planName: "valid-seed-1", version: 2, asOf: route.date, sheetChanges: changes)
        let context = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset, language: .english,
                                       edition: edition)
        let files = item.files(.english, edition: edition)
        func officeOf(_ id: EnumeratorID) -> PostOfficeID? { FieldworkFixture.enumerators.first { $0.id == id }?.postOffice }
        let sheets = item.plan.routes.filter { $0.date == route.date && officeOf($0.enumeratorID) == office }
        let bundle = Self.text(files[context.bundlePath(office, route.date)])
        #expect(bundle.contains("<td>\(sheets.count) (\(sheets.count - 1) to print; 1 unchanged (keep the sheets printed from v1))</td>"))
        #expect(bundle.contains("<th>Compared with v1</th>") && bundle.contains(">unchanged</td>"))
        #expect(!bundle.contains("<p class=\"withdrawn\">"), "GONE is of no office: no bundle names it")
        let sheet = Self.text(files[context.routePath(route) + ".html"])
        #expect(sheet.contains("unchanged — the sheet printed from version v1 stays valid; no need to reprint it"))
        #expect(!sheet.contains("Replaces"))

        let takeBack = Self.text(files[context.bundlePath(office, idle)])
        #expect(takeBack.contains("<p class=\"withdrawn\">Take back and discard this day&#39;s sheets printed from version "
                                  + "v1 of: \(route.enumeratorID.rawValue) — "))
        #expect(!takeBack.contains("<section class=\"sheet\""), "nothing replaces them")
        #expect(takeBack.contains("<td>0</td>") && !takeBack.contains("to print"), "no count of nothing")
        // Only a bundle whose every sheet is unchanged, with nothing to take back, is unchanged.
        let bundles = DailyBundles.bundles(context)
        #expect(bundles.filter { DailyBundles.isUnchanged($0, context) }.map { "\($0.office) \($0.date)" }
                    == (sheets.count == 1 ? ["\(office) \(route.date)"] : []))
        let alone = SheetEdition(planName: "valid-seed-1", version: 2, asOf: route.date, sheetChanges: Dictionary(
            uniqueKeysWithValues: sheets.map { (SheetKey($0.enumeratorID, $0.date), SheetChange.unchanged) }))
        let aloneContext = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset,
                                            language: .english, edition: alone)
        #expect(DailyBundles.bundles(aloneContext).filter { DailyBundles.isUnchanged($0, aloneContext) }
                    .map { "\($0.office) \($0.date)" } == ["\(office) \(route.date)"])
        #expect(files[context.bundlePath(office, idle)] != nil && item.files(.english, edition: SheetEdition(
            planName: "valid-seed-1", version: 2, asOf: route.date))[context.bundlePath(office, idle)] == nil)
    }

    // MARK: Escaping and neutralising

    @Test func htmlEscapingCoversMarkupAmpersandsAndQuotes() {
        #expect(HTMLPage.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLPage.escape("Đại Ngãi & Cộng sự") == "Đại Ngãi &amp; Cộng sự")
        #expect(HTMLPage.escape("\"a\" 'b'") == "&quot;a&quot; &#39;b&#39;")
        #expect(HTMLPage.escape("&amp;") == "&amp;amp;")
    }

    @Test func hostileNamesAreEscapedInHTMLAndNeutralisedInCSV() throws {
        let item = Self.complete
        let files = item.files()
        for (path, data) in files where path.hasSuffix(".html") {
            let html = Self.text(data)
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("src=") && !html.contains("url("), "\(path) must not load anything")
        }
        let route = try Self.hostileRoute(item)
        let sheet = Self.text(files["routes/\(route.date)/\(route.enumeratorID).html"])
        #expect(sheet.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for (path, data) in files where path.hasSuffix(".csv") {
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(path) needs a byte order mark")
            for record in try Self.table(data, path).records {
                #expect(record.fields.allSatisfy { !$0.text.hasPrefix("=") }, "\(path)")
            }
        }
        let labels = try Self.column(try Self.table(files["assignments.csv"], "assignments.csv"), "label")
        #expect(labels.contains("'=HYPERLINK(\"x\")"))
        #expect(labels.contains(FieldworkFixture.scriptName))
    }

    // MARK: Language

    @Test func vietnameseByDefaultWithDiacriticsWeekdaysAndContact() throws {
        let item = Self.complete
        let route = try Self.hostileRoute(item)
        let sheet = Self.text(item.files()["routes/\(route.date)/\(route.enumeratorID).html"])
        #expect(sheet.contains("<html lang=\"vi\">"))
        #expect(sheet.contains("<meta charset=\"utf-8\">"))
        #expect(sheet.contains("@page { size: A4 portrait"))
        #expect(sheet.contains("thead { display: table-header-group; }"))
        #expect(sheet.contains(FieldworkText.vietnamese.date(route.date)))
        #expect(sheet.contains("Liên hệ: Thanh tra Sở Nội vụ tỉnh Sóc Trăng, điện thoại 02993.624779"))
        #expect(FieldworkText.vietnamese.date(CalendarDate(year: 2023, month: 10, day: 3)!) == "Thứ Ba, 03/10/2023")
        #expect(FieldworkText.vietnamese.date(CalendarDate(year: 2023, month: 10, day: 8)!) == "Chủ Nhật, 08/10/2023")
    }

    @Test func englishOnRequest() throws {
        let item = Self.complete
        let route = try Self.hostileRoute(item)
        let files = item.files(.english)
        let sheet = Self.text(files["routes/\(route.date)/\(route.enumeratorID).html"])
        #expect(sheet.contains("<html lang=\"en\">"))
        #expect(sheet.contains("ROUTE SHEET"))
        #expect(sheet.contains(FieldworkText.english.date(route.date)))
        #expect(FieldworkText.english.date(CalendarDate(year: 2023, month: 10, day: 3)!) == "2023-10-03 Tue")
        // Column names and IDs do not depend on the language.
        #expect(files["assignments.csv"].map { Self.text($0).components(separatedBy: "\r\n")[0] }
                == item.files()["assignments.csv"].map { Self.text($0).components(separatedBy: "\r\n")[0] })
        let labels = try Self.column(try Self.table(files["assignments.csv"], "assignments.csv"), "label")
        #expect(labels.contains("household list line 1"))
    }

    // MARK: Reserves

    @Test func routeSheetListsTheReservesOfItsCommunesAndStrataInRankOrder() throws {
        let item = Self.complete
        let files = item.files(.english)
        for route in item.plan.routes {
            let sheet = Self.text(files["routes/\(route.date)/\(route.enumeratorID).html"])
            #expect(sheet.contains("use the reserve units in rank order; record each release"))
            for unitID in route.unitIDs {
                let unit = try #require(item.sample.first { $0.unitID == unitID })
                let reserves = item.sample.filter {
                    $0.role == .reserve && FieldworkContext.reserveScope(of: $0) == FieldworkContext.reserveScope(of: unit)
                }.sorted { $0.reserveRank! < $1.reserveRank! }
                #expect(!reserves.isEmpty)
                let positions = reserves.map { sheet.range(of: ">\($0.unitID)<")?.lowerBound }
                #expect(positions.allSatisfy { $0 != nil }, "\(unitID): reserves missing")
                let found = positions.compactMap { $0 }
                #expect(found == found.sorted())
            }
        }
    }

    /// What keeps a day of up to fifteen visits on one A4 page with the reserve lists of two sites
    /// (scripts/screenshots.sh prints such days): the only full-height table rows of a sheet are its visits under one
    /// header, and a held reserve list is one wrapping list of items — rank, unit, label — never a table with a row
    /// per reserve.
    @Test(arguments: [complete, incomplete, sharedCommune])
    func aSheetsReserveListsWrapInsteadOfAddingTableRows(item: Case) throws {
        let files = item.files(.english)
        let context = FieldworkContext(plan: item.plan, sample: item.sample, dataset: item.dataset, language: .english)
        var listed = 0
        for route in context.routes {
            let html = Self.text(files[context.routePath(route) + ".html"])
            #expect(!html.contains("<table class=\"reserves"), "\(context.routePath(route))")
            let visitsTable = try #require(html.components(separatedBy: "<table class=\"visits").dropFirst().first)
                .components(separatedBy: "</table>")[0]
            #expect(visitsTable.components(separatedBy: "<tr>").count - 1 == route.unitIDs.count + 1)
            let held = context.reserveHoldings.filter { $0.date == route.date && $0.holder == route.enumeratorID }
            let lists = html.components(separatedBy: "<ol class=\"reserve-list\">").dropFirst()
            #expect(lists.count == held.count, "\(context.routePath(route))")
            for holding in held {
                let first = try #require(holding.group.units.first).unitID
                let list = try #require(lists.first { $0.contains("<span class=\"id\">\(first)</span>") },
                                        "\(context.routePath(route)): \(holding.group.groupID) not listed")
                let items = list.components(separatedBy: "</ol>")[0].components(separatedBy: "<li>").dropFirst()
                #expect(items.count == holding.group.units.count)
                for (entry, unit) in zip(items, holding.group.units) {
                    let rank = try #require(unit.reserveRank)
                    #expect(entry.hasPrefix("<span class=\"rank\">\(rank)</span><span class=\"id\">\(unit.unitID)</span> "
                                            + HTMLPage.escape(context.labels.label(of: unit))))
                }
                listed += items.count
            }
        }
        #expect(listed == context.reserveHoldings.reduce(0) { $0 + $1.group.units.count })
    }

    // MARK: Determinism and incompleteness

    @Test func sameInputsGiveSameBytes() throws {
        let item = Self.complete
        #expect(item.files() == item.files())
        // A second planner run gives the same bytes in every file: timings live only in the manifest.
        let again = Case(dataset: item.dataset, sample: item.sample,
                         plan: try FieldworkFixture.plan(item.sample, dataset: item.dataset))
        let first = item.files(), second = again.files()
        #expect(first.keys.sorted() == second.keys.sorted())
        for path in first.keys.sorted() {
            #expect(first[path] == second[path], "\(path)")
        }
    }

    @Test func completePlanHasNoUnscheduledFileAndNoWarning() {
        let files = Self.complete.files(.english)
        #expect(files["unscheduled.csv"] == nil)
        let report = Self.text(files["fieldwork-report.md"])
        #expect(report.hasPrefix("# Fieldwork plan report"))
        #expect(!report.contains("INCOMPLETE"))
        #expect(report.contains("- Status: "))
        #expect(report.contains("| EN01 Thạch Minh Khang |"))
    }

    @Test(arguments: Language.allCases)
    func incompletePlanWritesUnscheduledUnitsDiagnosisAndHeading(language: Language) throws {
        let item = Self.incomplete
        #expect(!item.plan.isComplete)
        let files = item.files(language)
        let table = try Self.table(files["unscheduled.csv"], "unscheduled.csv")
        #expect(try Self.column(table, "unit_id") == item.plan.unscheduledUnitIDs.sorted())
        let reasons = try Self.column(table, "reason")
        #expect(reasons.allSatisfy { !$0.isEmpty })
        let report = Self.text(files["fieldwork-report.md"])
        let heading = language == .english ? "# INCOMPLETE PLAN\n" : "# KẾ HOẠCH CHƯA ĐẦY ĐỦ\n"
        #expect(report.hasPrefix(heading))
        let text = FieldworkText.of(language)
        #expect(report.contains("## \(text.diagnosisHeading)"))
        #expect(report.contains("## \(text.missedHeading)"))
        for unitID in item.plan.unscheduledUnitIDs { #expect(report.contains("| \(unitID) |")) }
        // Enterprises: nobody has the skill; households: days are lacking.
        let enterpriseReason = try #require(table.records.first { $0.fields[0].text == "DN0001" }).fields.last!.text
        #expect(enterpriseReason == text.reasonNobodyEligible(text.work(.enterprise), "Thành phố Sóc Trăng (941)"))
        // Nobody may interview enterprises, so no plan (the LP's neither) serves them: at least they are proven.
        let proof = try #require(item.plan.shortfallProof)
        let enterprises = item.plan.unscheduledUnitIDs.filter { $0.hasPrefix("DN") }.count
        #expect(enterprises > 0 && (proof.provenMinimum ?? 0) >= enterprises)
        #expect(report.contains(text.shortfallProofLine(proof)))
    }

    /// `planner verify` renders the files again from fieldwork.json, which leaves out the solve time and whether the
    /// time limit fired: an incomplete plan's files, shortfall proof included, must not depend on either.
    @Test(arguments: Language.allCases)
    func anIncompletePlanRendersTheSameFromItsRecord(language: Language) {
        var item = Self.incomplete
        item.plan.solver.stoppedByTimeLimit = true
        item.plan.solver.seconds = 12.5
        // Not proven, so that the proof's advice for the unproven part is rendered too.
        item.plan.solver.unservedLowerBound = 0
        let recorded = Case(dataset: item.dataset, sample: item.sample, plan: FieldworkRecord(plan: item.plan).plan)
        #expect(recorded.plan.solver.stoppedByTimeLimit == nil)
        #expect(item.files(language) == recorded.files(language))
    }

    /// A shortfall the LP does not prove (here: the bound says every unit could be served) is not presented as a
    /// lack of staff alone: the report says it is not proven and what to try first.
    @Test(arguments: Language.allCases)
    func anUnprovenShortfallSaysSoAndWhatToTryFirst(language: Language) throws {
        var item = Self.incomplete
        item.plan.solver.unservedLowerBound = 0
        let proof = try #require(item.plan.shortfallProof)
        #expect(!proof.isProven && proof.provenMinimum == 0)
        let report = Self.text(item.files(language)["fieldwork-report.md"])
        #expect(report.contains(FieldworkText.of(language).shortfallProofLine(proof)))
        #expect(report.contains(language == .english ? "Not proven" : "Chưa được chứng minh"))
        #expect(report.contains("--time-limit"))
    }
}
