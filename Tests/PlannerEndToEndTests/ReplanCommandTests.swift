import Foundation
import PlannerCore
import PlannerFormats
import Testing

/// `planner replan` and `planner progress-template` on the default dataset: one enumerator drops out on day 5
/// (9 October) after four days of visits with refusals, absences and closures.
@Suite("planner replan", .serialized)
struct ReplanCommandTests {
    static let asOf = "2023-10-09"
    static let dropped = "EN05"

    /// A planned default survey with its filled progress file and a dropout, made once for every test here.
    final class Field: Sendable {
        let scratch: URL
        let parentDigest: String

        init() throws {
            // One fixed folder per checkout, emptied at each run: a static value is never deinitialised, so a fresh
            // folder per run would be left behind every time; two checkouts tested at once must not share it.
            let checkout = SHA256.hexDigest(Data(PlannerProcess.packageRoot.path.utf8)).prefix(12)
            scratch = FileManager.default.temporaryDirectory.appendingPathComponent("planner-e2e-replan-\(checkout)")
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let plan = try PlannerProcess.run(["plan", PlannerProcess.defaultDataset.path, "--out", "p", "--quiet"],
                                              in: scratch)
            try #require(plan.status == 0, "\(plan.standardError)")
            let template = try PlannerProcess.run(["progress-template", "p", "--out", "template.csv", "--until", asOf],
                                                  in: scratch)
            try #require(template.status == 0, "\(template.standardError)")
            // Deterministic outcomes: every 17th visit refused, 13th not at home, 29th closed, the rest completed.
            let lines = try String(decoding: Data(contentsOf: scratch.appendingPathComponent("template.csv")),
                                   as: UTF8.self).split(separator: "\r\n").map(String.init)
            var filled = [lines[0]]
            for (index, line) in lines.dropFirst().enumerated() {
                let status = index % 17 == 0 ? "refused" : index % 13 == 0 ? "not_at_home"
                    : index % 29 == 0 ? "closed" : "completed"
                filled.append(line + status)
            }
            try Data((filled.joined(separator: "\n") + "\n").utf8).write(to: scratch.appendingPathComponent("progress.csv"))
            try Data("enumerator_id,from,to,reason\n\(dropped),\(asOf),,ill\n".utf8)
                .write(to: scratch.appendingPathComponent("drop.csv"))
            parentDigest = SHA256.hexDigest(try Data(contentsOf: scratch.appendingPathComponent("p/manifest.json")))
        }

        func replan(_ out: String, _ extra: [String] = [], quiet: Bool = true) throws -> PlannerProcess.Run {
            try PlannerProcess.run(["replan", "p", "--as-of", ReplanCommandTests.asOf, "--progress", "progress.csv",
                                    "--unavailable", "drop.csv", "--out", out] + (quiet ? ["--quiet"] : []) + extra,
                                   in: scratch)
        }

        func folder(_ name: String) -> PlanFolderReader { PlanFolderReader(folder: scratch.appendingPathComponent(name)) }
    }

    static let field = Result { try Field() }

    @Test func historyIsFrozenAndEveryUnitIsAccountedForOnce() throws {
        let field = try Self.field.get()
        let run = try field.replan("r1", quiet: false)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("of the other enumerators' remaining visits moved"))
        #expect(run.standardOutput.contains("Notices to send again (schedule changed): "))
        let parent = field.folder("p"), replan = field.folder("r1")

        let progress = try PlanFolderReader(folder: field.scratch).rows("progress.csv")
        let assignments = try replan.rows("assignments.csv")
        let history = assignments.filter { $0["status"] != "planned" }
        let planned = assignments.filter { $0["status"] == "planned" }
        func key(_ row: [String: String]) -> String {
            [row["unit_id"]!, row["date"]!, row["enumerator_id"]!, row["status"]!].joined(separator: " ")
        }
        #expect(Set(history.map(key)) == Set(progress.map(key)), "the history is the progress as recorded")
        #expect(history.count == progress.count)
        #expect(planned.allSatisfy { $0["date"]! >= Self.asOf && $0["date"]! <= "2023-10-18" })
        #expect(!planned.contains { $0["enumerator_id"] == Self.dropped }, "a dropped enumerator has visits")
        // One enumerator gone leaves room before the survey's two buffer days (17–18 October): they stay free,
        // and the report says so.
        #expect(!planned.contains { $0["date"]! >= "2023-10-17" })
        let report = String(decoding: try Data(contentsOf: field.scratch.appendingPathComponent("r1/replan-report.md")),
                            as: UTF8.self)
        #expect(report.contains("- Ngày dự phòng: để trống cho thăm lại và đơn vị dự phòng (17/10/2023, 18/10/2023)"))

        // Every unit of the plan (main and released) is done, lost, or planned exactly once.
        let sample = try replan.rows("sample.csv")
        let releases = try replan.rows("releases.csv")
        let planUnits = Set(sample.filter { $0["role"] == "main" }.map { $0["unit_id"]! })
            .union(releases.map { $0["reserve_unit_id"]! })
        let plannedIDs = planned.map { $0["unit_id"]! }
        #expect(Set(plannedIDs).count == plannedIDs.count, "a unit is planned twice")
        let completed = Set(history.filter { $0["status"] == "completed" }.map { $0["unit_id"]! })
        let lost = Set(history.filter { ["refused", "closed", "not_found"].contains($0["status"]!) }.map { $0["unit_id"]! })
        #expect(completed.isDisjoint(with: plannedIDs))
        #expect(lost.isDisjoint(with: plannedIDs))
        #expect(Set(plannedIDs).union(completed).union(lost) == planUnits)
        // A unit not at home once (max_attempts 3) is visited again.
        let absent = Set(history.filter { $0["status"] == "not_at_home" }.map { $0["unit_id"]! })
        #expect(!absent.isEmpty && absent.isSubset(of: plannedIDs))

        // Reserves released in rank order, one per lost unit, each a reserve of the lost unit's group.
        // One release per lost unit, unless its group's reserve list has run out (the command says how many).
        let replaced = Set(releases.map { $0["replaced_unit_id"]! })
        #expect(replaced.count == releases.count && replaced.isSubset(of: lost))
        let unreplaced = lost.count - replaced.count
        #expect(unreplaced == 0 || run.standardOutput.contains("(\(unreplaced) lost units have no reserve left)"))
        let byID = Dictionary(uniqueKeysWithValues: sample.map { ($0["unit_id"]!, $0) })
        for (group, rows) in Dictionary(grouping: releases, by: { $0["release_group"]! }) {
            #expect(rows.map { Int($0["rank"]!)! }.sorted() == Array(1...rows.count), "group \(group)")
            for row in rows {
                let reserve = try #require(byID[row["reserve_unit_id"]!])
                let replaced = try #require(byID[row["replaced_unit_id"]!])
                #expect(reserve["role"] == "reserve" && reserve["reserve_rank"] == row["rank"])
                #expect(reserve["stratum"] == replaced["stratum"])
                if replaced["unit_type"] == "household" { #expect(reserve["commune_code"] == replaced["commune_code"]) }
            }
        }

        // Budgets kept.
        for office in try FileManager.default.contentsOfDirectory(atPath: field.scratch.appendingPathComponent("r1/post-offices").path)
        where office.hasSuffix(".csv") {
            for row in try replan.rows("post-offices/\(office)") where row["date"] != "total" {
                #expect(Double(row["used_minutes"]!)! <= Double(row["budget_minutes"]!)! + 1e-6, "\(office) \(row["date"]!)")
            }
        }

        // At most 20 % of the other enumerators' remaining visits move.
        let changes = try replan.rows("changes.csv").filter { $0["enumerator_id"] != Self.dropped }
        let previous = changes.reduce(0) { $0 + Int($1["previous_visits"]!)! }
        let moved = changes.reduce(0) { $0 + Int($1["moved_out"]!)! + Int($1["removed"]!)! }
        #expect(previous > 0 && Double(moved) <= 0.2 * Double(previous), "\(moved) of \(previous) moved")

        // The manifest ties the plan to its parent and to the files of the day; the parent is unchanged.
        let manifest = try replan.manifest()
        let parentRecord = try #require(manifest["parent"] as? [String: Any])
        #expect(parentRecord["manifest_sha256"] as? String == field.parentDigest)
        let record = try #require(manifest["replan"] as? [String: Any])
        #expect(record["as_of"] as? String == Self.asOf)
        let progressDigest = SHA256.hexDigest(try Data(contentsOf: field.scratch.appendingPathComponent("progress.csv")))
        #expect((record["progress"] as? [[String: Any]])?.first?["sha256"] as? String == progressDigest)
        #expect((record["availability"] as? [[String: Any]])?.count == 1)
        #expect(manifest["complete"] as? Bool == true)
        #expect(SHA256.hexDigest(try Data(contentsOf: field.scratch.appendingPathComponent("p/manifest.json")))
                == field.parentDigest)
        #expect(try parent.rows("assignments.csv").allSatisfy { $0["status"] == nil })
        #expect(!FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("r1/unscheduled.csv").path))
        #expect(FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("r1/availability/unavailability.csv").path))

        // Route sheets offer only reserves not yet released: a released reserve is scheduled, not offered again.
        let released = Set(releases.map { $0["reserve_unit_id"]! })
        let routes = field.scratch.appendingPathComponent("r1/routes")
        for day in try FileManager.default.contentsOfDirectory(atPath: routes.path) {
            for sheet in try FileManager.default.contentsOfDirectory(atPath: routes.appendingPathComponent(day).path)
            where sheet.hasSuffix(".html") {
                let html = String(decoding: try Data(contentsOf: routes.appendingPathComponent("\(day)/\(sheet)")),
                                  as: UTF8.self)
                let reserveSection = try #require(html.range(of: "<h2>Đơn vị dự phòng</h2>")).upperBound
                let offered = html[reserveSection...]
                for id in released { #expect(!offered.contains(">\(id)<"), "\(day)/\(sheet) offers released \(id)") }
            }
        }
    }

    /// Unit → mark (`added`, `moved`) of every marked row of `html`: `pattern` captures the mark, then the unit.
    static func marks(in html: String, _ pattern: NSRegularExpression) -> [String: String] {
        var found: [String: String] = [:]
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            found[String(html[Range(match.range(at: 2), in: html)!])] = String(html[Range(match.range(at: 1), in: html)!])
        }
        return found
    }

    /// The re-plan's paper: each sheet marks exactly the visits this version added or moved there, names the
    /// plan, its version and the sheet it replaces; the summary's progress tables add up to the progress rows;
    /// the post-office summaries show the recorded days.
    @Test func sheetsMarkTheChangesAndTheDashboardCountsTheProgress() throws {
        let field = try Self.field.get()
        if !FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("r1").path) {
            #expect(try field.replan("r1").status == 0)
        }
        let replan = field.folder("r1")
        let files = try replan.files()
        let record = try #require(try replan.manifest()["replan"] as? [String: Any])
        #expect(record["version"] as? Int == 2)

        var expected: [String: [String: String]] = [:]  // sheet path → unit → mark
        for change in try replan.rows("visit-changes.csv") where ["added", "moved"].contains(change["change"]!) {
            expected["routes/\(change["new_date"]!)/\(change["new_enumerator_id"]!).html", default: [:]][change["unit_id"]!]
                = change["change"]!
        }
        #expect(!expected.isEmpty)
        let marked = try NSRegularExpression(pattern: "<span class=\"mark (added|moved)\">[^<]*</span> [0-9]+</td>"
                                                 + "<td[^>]*>[^<]*</td><td[^>]*>([^<]+)</td>")
        var sheets = 0
        for (path, data) in files where path.hasPrefix("routes/") && path.hasSuffix(".html") {
            sheets += 1
            let html = String(decoding: data, as: UTF8.self)
            #expect(Self.marks(in: html, marked) == expected[path] ?? [:], "\(path)")
            #expect(html.contains("phiên bản v2 (điều chỉnh từ ngày 09/10/2023)"), "\(path)")
            #expect(html.contains("phiên bản v1"), "\(path)")
            #expect(html.contains("hoàn thành") && html.contains("không tìm thấy") && html.contains("Điều tra viên ký"))
        }
        #expect(sheets > 0)

        // Each commune's or zone's notice says it replaces the earlier schedule and marks exactly the units this
        // version added or moved there.
        let site = Dictionary(try replan.rows("assignments.csv").filter { $0["status"] == "planned" }.map { row in
            (row["unit_id"]!, row["zone_id"]!.isEmpty ? "notices/communes/\(row["commune_code"]!).html"
                                                      : "notices/zones/\(row["zone_id"]!).html")
        }, uniquingKeysWith: { first, _ in first })
        var expectedOnNotices: [String: [String: String]] = [:]  // notice path → unit → mark
        for change in try replan.rows("visit-changes.csv") where ["added", "moved"].contains(change["change"]!) {
            expectedOnNotices[try #require(site[change["unit_id"]!]), default: [:]][change["unit_id"]!] = change["change"]!
        }
        let markedOnNotice = try NSRegularExpression(pattern: "<span class=\"mark (added|moved)\">[^<]*</span> [0-9]+</td>"
                                                         + "<td[^>]*>([^<]+)</td>")
        var notices = 0
        for (path, data) in files where path.hasPrefix("notices/") && path.hasSuffix(".html") {
            notices += 1
            let html = String(decoding: data, as: UTF8.self)
            #expect(Self.marks(in: html, markedOnNotice) == expectedOnNotices[path] ?? [:], "\(path)")
            #expect(html.contains("Thông báo này (phiên bản v2) điều chỉnh lịch khảo sát từ ngày 09/10/2023"), "\(path)")
        }
        #expect(notices > 0 && !expectedOnNotices.isEmpty)
        // The summary lists the notices to send again: those with a mark, and those where a unit was taken off.
        let sampled = Dictionary(try replan.rows("sample.csv").map { ($0["unit_id"]!, $0) }, uniquingKeysWith: { a, _ in a })
        var toSendAgain = Set(expectedOnNotices.keys)
        for change in try replan.rows("visit-changes.csv") where change["change"] == "removed" {
            let unit = try #require(sampled[change["unit_id"]!])
            let zone = "notices/zones/\(unit["zone_id"]!).html"
            let path = files[zone] != nil ? zone : "notices/communes/\(unit["commune_code"]!).html"
            if files[path] != nil { toSendAgain.insert(path) }
        }
        let summaryPage = String(decoding: try #require(files["summary.html"]), as: UTF8.self)
        let listed = Set(try NSRegularExpression(pattern: " — (notices/[a-z]+/[^<]+\\.html)</li>")
            .matches(in: summaryPage, range: NSRange(summaryPage.startIndex..., in: summaryPage))
            .map { String(summaryPage[Range($0.range(at: 1), in: summaryPage)!]) })
        #expect(listed == toSendAgain)
        #expect(summaryPage.contains("Thông báo xã/khu công nghiệp cần gửi lại (lịch thay đổi): \(toSendAgain.count) / \(notices)"))

        // The progress tables per district and per post office share one total, which counts the units of the
        // plan by their recorded outcome; the per-enumerator tables, one per post office, add up to it.
        let summary = String(decoding: try #require(files["summary.html"]), as: UTF8.self)
        let section = try #require(summary.range(of: "<section id=\"progress\">"))
        let end = try #require(summary.range(of: "</section>", range: section.upperBound..<summary.endIndex))
        let footers = summary[section.upperBound..<end.lowerBound].components(separatedBy: "<tfoot>").dropFirst().map {
            $0.components(separatedBy: "</tfoot>")[0].components(separatedBy: "</th>").dropLast()
                .map { String($0.split(separator: ">").last ?? "") }
        }
        #expect(footers.count >= 3 && Set(footers.prefix(2)).count == 1, "\(footers)")
        let totals = try #require(footers.first).dropFirst().prefix(6).map { Int($0) ?? -1 }
        let perOffice = footers.dropFirst(2).map { $0.dropFirst().prefix(6).map { Int($0) ?? -1 } }
        #expect(perOffice.reduce(Array(repeating: 0, count: 6)) { zip($0, $1).map { $0 + $1 } } == totals)
        #expect(summary[section.upperBound..<end.lowerBound].components(separatedBy: "<details>").count - 1
                    == perOffice.count,
                "each post office's enumerators in a block of their own")
        let progress = try PlanFolderReader(folder: field.scratch).rows("progress.csv")
        #expect(totals[0] == progress.filter { $0["status"] == "completed" }.count)
        #expect(totals[1] == progress.filter { $0["status"] == "refused" }.count)
        let releases = try replan.rows("releases.csv")
        let mainUnits = try replan.rows("sample.csv").filter { $0["role"] == "main" }.count
        #expect(totals[5] == mainUnits + releases.count)
        #expect(totals[0..<5].reduce(0, +) == totals[5])
        #expect(summary.contains("<section id=\"changes\">"))
        #expect(summary.contains("\(Self.dropped) — "), "the dropped enumerator is named")

        // Post-office summaries show the recorded days before the planned ones.
        let offices = files.filter { $0.key.hasPrefix("post-offices/") && $0.key.hasSuffix(".html") }
        let recorded = offices.values.map { String(decoding: $0, as: UTF8.self) }
            .filter { $0.contains("Đã thực hiện (ghi nhận trước ngày điều chỉnh)") }
        #expect(!recorded.isEmpty)
        let recordedVisits = try recorded.map { html -> Int in
            let start = try #require(html.range(of: "Đã thực hiện (ghi nhận trước ngày điều chỉnh)"))
            let stop = try #require(html.range(of: "Lịch từ ngày điều chỉnh"))
            let footer = try #require(html[start.upperBound..<stop.lowerBound].components(separatedBy: "<tfoot>").last)
            return Int(footer.components(separatedBy: "</th>")[1].split(separator: ">").last.map(String.init) ?? "") ?? -1
        }
        #expect(recordedVisits.reduce(0, +) == progress.count, "every recorded visit is in one office's summary")
    }

    /// Which sheets to reprint: every sheet of the re-plan says whether it is the previous version's (the same
    /// visits in the same order at the same times, the same reserve lists), replaces it, or is new, as an independent
    /// comparison of the two folders' `assignments.csv` and `reserve-holders.csv` finds; each office's bundle names
    /// the sheets to take back (the dropped enumerator's days) and counts what to print.
    @Test func sheetsSayWhetherToReprintAndBundlesWhatToTakeBack() throws {
        let field = try Self.field.get()
        if !FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("r1").path) {
            #expect(try field.replan("r1").status == 0)
        }
        let parent = field.folder("p"), replan = field.folder("r1")
        func sheets(_ folder: PlanFolderReader) throws -> [String: String] {  // "EN date" → what the sheet asks
            var visits: [String: [(Int, String)]] = [:]
            for row in try folder.rows("assignments.csv")
            where (row["status"] ?? "planned") == "planned" && row["date"]! >= Self.asOf {
                visits["\(row["enumerator_id"]!) \(row["date"]!)", default: []]
                    .append((Int(row["visit_order"]!)!, "\(row["unit_id"]!)@\(row["planned_start"]!)"))
            }
            var reserves: [String: [String]] = [:]
            for row in try folder.rows("reserve-holders.csv") where row["date"]! >= Self.asOf {
                reserves["\(row["enumerator_id"]!) \(row["date"]!)", default: []]
                    .append("\(row["release_group"]!):\(row["reserve_unit_id"]!)")
            }
            return visits.mapValues { $0.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ";") }
                .merging(reserves.mapValues { $0.sorted().joined(separator: ";") }) { $0 + "|" + $1 }
        }
        let before = try sheets(parent), after = try sheets(replan)
        var expected: [String: String] = [:]
        for key in Set(before.keys).union(after.keys) {
            expected[key] = before[key] == nil ? "new" : after[key] == nil ? "withdrawn"
                : before[key] == after[key] ? "unchanged" : "changed"
        }
        for status in ["unchanged", "changed", "new", "withdrawn"] {
            #expect(expected.values.contains(status), "the scenario has a sheet \(status)")
        }
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: field.scratch
            .appendingPathComponent("r1/fieldwork.json"))) as? [String: Any])
        #expect(record["sheets"] as? [String: String] == expected)

        let files = try replan.files()
        func count(_ status: String) -> Int { expected.values.filter { $0 == status }.count }
        let summary = String(decoding: try #require(files["summary.html"]), as: UTF8.self)
        #expect(summary.contains("Phiếu lộ trình từ ngày điều chỉnh: \(count("changed") + count("new")) phiếu cần in "
                                 + "(\(count("changed")) thay đổi, \(count("new")) mới), \(count("unchanged")) phiếu không "
                                 + "đổi, \(count("withdrawn")) phiếu cần thu hồi"))
        for (key, status) in expected where status != "withdrawn" {
            let parts = key.split(separator: " ")
            let html = String(decoding: try #require(files["routes/\(parts[1])/\(parts[0]).html"]), as: UTF8.self)
            switch status {
            case "unchanged": #expect(html.contains("không đổi — phiếu đã in theo phiên bản v1 vẫn dùng được"), "\(key)")
            case "new": #expect(html.contains("phiếu mới — phiên bản v1 không có phiếu của ngày này"), "\(key)")
            default: #expect(html.contains("Thay thế") && html.contains("hủy các phiếu đó"), "\(key)")
            }
        }
        // The dropped enumerator's days are taken back in its office's bundle of that day, found by the parent's
        // bundle that held its sheet; every bundle counts the sheets to print and those to keep.
        let parentFiles = try parent.files()
        let withdrawn = expected.filter { $0.value == "withdrawn" }.keys.sorted()
        #expect(withdrawn.allSatisfy { $0.hasPrefix("\(Self.dropped) ") })
        for key in withdrawn {
            let date = key.split(separator: " ")[1]
            let bundle = try #require(parentFiles.first { path, data in
                path.hasPrefix("bundles/\(date)/") && String(decoding: data, as: UTF8.self).contains("id=\"sheet-\(Self.dropped)\"")
            }?.key)
            let html = String(decoding: try #require(files[bundle], "\(bundle) is still written"), as: UTF8.self)
            let notice = try #require(html.range(of: "<p class=\"withdrawn\">"))
            #expect(html[notice.upperBound...].prefix(while: { $0 != "<" }).contains("\(Self.dropped) — "))
        }
        for (path, data) in files where path.hasPrefix("bundles/") {
            let html = String(decoding: data, as: UTF8.self)
            let sheetKeys = try NSRegularExpression(pattern: "id=\"sheet-([^\"]+)\"")
                .matches(in: html, range: NSRange(html.startIndex..., in: html))
                .map { "\(html[Range($0.range(at: 1), in: html)!]) \(path.split(separator: "/")[1])" }
            let unchanged = sheetKeys.filter { expected[$0] == "unchanged" }.count
            #expect(html.contains("\(sheetKeys.count) (\(sheetKeys.count - unchanged) phiếu cần in; \(unchanged) phiếu không đổi"),
                    "\(path)")
            // The summary's link to the bundle says when nothing in it is to print or take back.
            let allUnchanged = unchanged == sheetKeys.count && !html.contains("<p class=\"withdrawn\">")
            let link = try #require(summary.range(of: "<a href=\"\(path)\">"), "\(path) linked from summary.html")
            let afterLink = summary[link.upperBound...].components(separatedBy: "</a>")[1]
            #expect(afterLink.hasPrefix(" (không đổi, không cần in lại)") == allUnchanged, "\(path)")
        }
    }

    @Test func jsonSummaryForScripts() throws {
        let field = try Self.field.get()
        let run = try PlannerProcess.run(["replan", "p", "--as-of", Self.asOf, "--progress", "progress.csv",
                                          "--unavailable", "drop.csv", "--out", "r-json", "--json", "--quiet"],
                                         in: field.scratch)
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["command"] as? String == "replan")
        let fieldwork = try #require(object["fieldwork"] as? [String: Any])
        #expect(fieldwork["complete"] as? Bool == true)
        // The sheets to take back are the dropped enumerator's remaining days of the parent plan.
        let replan = try #require(object["replan"] as? [String: Any])
        let sheets = try #require(replan["sheets"] as? [String: Any])
        let withdrawn = try #require(sheets["withdrawn"] as? [[String: String]])
        let dropped = Set(try field.folder("p").rows("assignments.csv")
            .filter { $0["enumerator_id"] == Self.dropped && $0["date"]! >= Self.asOf }.map { $0["date"]! })
        #expect(withdrawn.map { $0["enumerator_id"] } == Array(repeating: Self.dropped, count: dropped.count))
        #expect(Set(withdrawn.compactMap { $0["date"] }) == dropped && !dropped.isEmpty)
        #expect((sheets["unchanged"] as? Int ?? 0) > 0 && (sheets["changed"] as? Int ?? 0) > 0)
    }

    @Test func theSameInputsGiveTheSameNewPlan() throws {
        let field = try Self.field.get()
        // Far above what a re-plan takes, so that its own rules end both runs even on a saturated machine (with the
        // default 60 s both once stopped on the clock, at different points).
        let generous = ["--time-limit", "900"]
        #expect(try field.replan("same-1", generous).status == 0)
        #expect(try field.replan("same-2", generous).status == 0)
        var first = try field.folder("same-1").files(), second = try field.folder("same-2").files()
        // The solver's seconds are the only thing that may differ (as for `planner plan`).
        first["fieldwork-report.md"] = nil
        second["fieldwork-report.md"] = nil
        #expect(first.keys.sorted() == second.keys.sorted())
        for path in first.keys.sorted() { #expect(first[path] == second[path], "\(path) differs") }
    }

    @Test func aReplanCanBeReplannedLater() throws {
        let field = try Self.field.get()
        if !FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("r1").path) {
            #expect(try field.replan("r1").status == 0)
        }
        let template = try PlannerProcess.run(["progress-template", "r1", "--out", "more.csv", "--until", "2023-10-11"],
                                              in: field.scratch)
        #expect(template.status == 0, "\(template.standardError)")
        let lines = try String(decoding: Data(contentsOf: field.scratch.appendingPathComponent("more.csv")), as: UTF8.self)
            .split(separator: "\r\n").map(String.init)
        let filled = [lines[0]] + lines.dropFirst().map { $0 + "completed" }
        try Data(filled.joined(separator: "\n").utf8).write(to: field.scratch.appendingPathComponent("more.csv"))
        let run = try PlannerProcess.run(["replan", "r1", "--as-of", "2023-10-11", "--progress", "more.csv",
                                          "--out", "r2", "--quiet"], in: field.scratch)
        #expect(run.status == 0, "\(run.standardError)")
        // The chain's versions: the plan v1, its re-plan v2, this one v3; its sheets say which they replace.
        #expect((try field.folder("r2").manifest()["replan"] as? [String: Any])?["version"] as? Int == 3)
        // Every sheet compares itself with v2 (a new one says v2 had none); those not new name the v2 sheet.
        let sheets = try field.folder("r2").files().filter { $0.key.hasPrefix("routes/") && $0.key.hasSuffix(".html") }
            .sorted { $0.key < $1.key }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(!sheets.isEmpty)
        for text in sheets {
            #expect(text.contains("phiên bản v3 (điều chỉnh từ ngày 11/10/2023)")
                    && (text.contains("in theo phiên bản v2") || text.contains("phiếu mới — phiên bản v2 không có phiếu")))
        }
        #expect(sheets.contains { $0.contains("in theo phiên bản v2") })
        let history = try field.folder("r2").rows("assignments.csv").filter { $0["status"] != "planned" }
        let progress = try PlanFolderReader(folder: field.scratch).rows("progress.csv")
        #expect(history.count == progress.count + lines.count - 1)
        #expect(!(try field.folder("r2").rows("assignments.csv")).contains {
            $0["status"] == "planned" && ($0["enumerator_id"] == Self.dropped || $0["date"]! < "2023-10-11")
        })
    }

    @Test func anImpossibleScenarioWritesTheIncompletePlanAndExplains() throws {
        let field = try Self.field.get()
        let dataset = try DatasetReader().read(folder: PlannerProcess.defaultDataset)
        // Everyone leaves on 16 October but two enumerators.
        let spans = dataset.enumerators.dropFirst(2).map { "\($0.id.rawValue),2023-10-16,,strike" }
        try Data((["enumerator_id,from,to,reason"] + spans).joined(separator: "\n").utf8)
            .write(to: field.scratch.appendingPathComponent("strike.csv"))
        let run = try PlannerProcess.run(["replan", "p", "--as-of", "2023-10-16", "--unavailable", "strike.csv",
                                          "--unrecorded", "not-visited", "--out", "impossible", "--quiet"],
                                         in: field.scratch)
        #expect(run.status == 3, "\(run.standardError)")
        #expect(run.standardError.contains("INCOMPLETE PLAN"))
        // Two enumerators on the last day: the LP over every day proves the whole shortfall.
        #expect(run.standardError.contains("proof: with this staff and calendar every plan leaves at least"))
        #expect(run.standardError.contains("enumerator-days"))
        #expect(run.standardError.contains("work Saturdays") || run.standardError.contains("Saturdays give only"))
        let folder = field.folder("impossible")
        #expect(try folder.manifest()["complete"] as? Bool == false)
        let missed = try folder.rows("unscheduled.csv")
        #expect(!missed.isEmpty)
        // The manifest carries the proof for programs that read it: at least one unit, at most those missed.
        let solver = try #require(try folder.manifest()["solver"] as? [String: Any])
        let proven = try #require(solver["unserved_lower_bound"] as? Int)
        #expect(proven > 0 && proven <= missed.count, "proven \(proven) of \(missed.count)")
        let planned = try folder.rows("assignments.csv").filter { $0["status"] == "planned" }
        #expect(!planned.isEmpty, "the best plan for what fits is still written")
        let allowed = Set(dataset.enumerators.prefix(2).map(\.id.rawValue))
        #expect(planned.allSatisfy { allowed.contains($0["enumerator_id"]!) })
        let report = try String(decoding: Data(contentsOf: field.scratch.appendingPathComponent("impossible/replan-report.md")),
                                as: UTF8.self)
        #expect(report.hasPrefix("# KẾ HOẠCH CHƯA ĐẦY ĐỦ"))
        // The deadline section speaks the report's language, as fieldwork-report.md does (it once pasted the
        // terminal's English lines), and so does the solver's line.
        #expect(report.contains("## Thời hạn") && report.contains("ngày công"))
        for english in ["proof", "unserved", "lacking", "to close it", "enumerator-days", "feasible_", "optimal",
                        "ReleaseGroup"] {
            #expect(!report.contains(english), "\(english) in the Vietnamese replan-report.md")
        }
    }

    @Test func aNewEnumeratorJoinsAndIsKeptForLaterReplans() throws {
        let field = try Self.field.get()
        let dataset = try DatasetReader().read(folder: PlannerProcess.defaultDataset)
        let colleague = try #require(dataset.enumerators.first { $0.id.rawValue == Self.dropped })
        let row = ["NEW01", "Người mới", colleague.postOffice.rawValue, colleague.districtCode.rawValue,
                   String(colleague.location.latitude), String(colleague.location.longitude), "household;enterprise",
                   "480"].joined(separator: ",")
        try Data("enumerator_id,name,post_office,district_code,lat,lon,skills,daily_minutes\n\(row)\n".utf8)
            .write(to: field.scratch.appendingPathComponent("joining.csv"))
        let run = try field.replan("joined", ["--new-enumerators", "joining.csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let folder = field.folder("joined")
        #expect(try folder.rows("availability/new-enumerators.csv").map { $0["enumerator_id"] } == ["NEW01"])
        let record = try #require(try folder.manifest()["replan"] as? [String: Any])
        #expect((record["availability"] as? [[String: Any]])?.count == 2)
        // The next re-plan reads the new enumerator from the folder: NEW01 may appear in its progress.
        let planned = try folder.rows("assignments.csv").filter { $0["status"] == "planned" && $0["date"] == Self.asOf }
        let visit = try #require(planned.first)
        try Data("unit_id,date,enumerator_id,status\n\(visit["unit_id"]!),\(Self.asOf),NEW01,completed\n".utf8)
            .write(to: field.scratch.appendingPathComponent("by-new.csv"))
        let next = try PlannerProcess.run(["replan", "joined", "--as-of", "2023-10-10", "--progress", "by-new.csv",
                                           "--unrecorded", "not-visited", "--out", "joined-2", "--quiet"],
                                          in: field.scratch)
        #expect(next.status == 0, "\(next.standardError)")
    }

    @Test func invalidProgressIsReportedWithLocations() throws {
        let field = try Self.field.get()
        let text = """
            unit_id,date,enumerator_id,status
            NOT-A-UNIT,2023-10-03,EN01,completed
            DN0066,2023-10-09,EN01,completed
            DN0066,2023-10-03,EN01,lost
            """
        try Data(text.utf8).write(to: field.scratch.appendingPathComponent("bad.csv"))
        let run = try PlannerProcess.run(["replan", "p", "--as-of", Self.asOf, "--progress", "bad.csv",
                                          "--out", "never", "--quiet"], in: field.scratch)
        #expect(run.status == 65)
        #expect(run.standardError.contains("bad.csv:2:1: unit_id"))
        #expect(run.standardError.contains("bad.csv:3:8: date: expected a date before the as-of date 2023-10-09"))
        #expect(run.standardError.contains("bad.csv:4:24: status"))
        #expect(!FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("never").path))
    }
    /// The field's progress file as its four columns `unit_id,date,enumerator_id,status`, header first: the
    /// template it was filled from has more columns, which the tests below need not carry.
    static func progressLines(_ field: Field) throws -> [String] {
        ["unit_id,date,enumerator_id,status"] + (try PlanFolderReader(folder: field.scratch).rows("progress.csv")).map {
            [$0["unit_id"]!, $0["date"]!, $0["enumerator_id"]!, $0["status"]!].joined(separator: ",")
        }
    }

    @Test func twoOfficesFilesAreMergedAndCountedInTheReportAndJSON() throws {
        let field = try Self.field.get()
        // Office A sends the first two thirds of the rows, office B the last two thirds: the middle third twice.
        let lines = try Self.progressLines(field)
        let rows = Array(lines.dropFirst()), third = rows.count / 3
        try Data(([lines[0]] + rows.prefix(2 * third)).joined(separator: "\n").utf8)
            .write(to: field.scratch.appendingPathComponent("office-a.csv"))
        // Office B saves from Excel: semicolons, day/month/year, a byte order mark.
        let excel = rows.dropFirst(third).map { row -> String in
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let date = fields[1].split(separator: "-")
            fields[1] = "\(date[2])/\(date[1])/\(date[0])"
            return fields.joined(separator: ";")
        }
        try Data(("\u{FEFF}unit_id;date;enumerator_id;status\n" + excel.joined(separator: "\n")).utf8)
            .write(to: field.scratch.appendingPathComponent("office-b.csv"))
        let run = try PlannerProcess.run(["replan", "p", "--as-of", Self.asOf, "--progress", "office-a.csv",
                                          "--progress", "office-b.csv", "--unavailable", "drop.csv", "--out",
                                          "two-offices", "--json", "--quiet"], in: field.scratch)
        #expect(run.status == 0, "\(run.standardError)")
        let history = try field.folder("two-offices").rows("assignments.csv").filter { $0["status"] != "planned" }
        #expect(history.count == rows.count, "every recorded visit once")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let replan = try #require(object["replan"] as? [String: Any])
        let files = try #require(replan["progress_files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["office-a.csv", "office-b.csv"])
        #expect(files.map { $0["rows"] as? Int } == [2 * third, rows.count - third])
        #expect(files.map { $0["used"] as? Int } == [2 * third, rows.count - 2 * third])
        #expect(files.map { $0["repeated"] as? Int } == [0, third])
        #expect((replan["changes"] as? [String: Any])?["moved_share_of_others"] as? Double != nil)
        #expect((replan["dropped_enumerators"] as? [String]) == [Self.dropped])
        #expect((replan["new_releases"] as? [[String: Any]])?.isEmpty == false)
        let manifest = try #require(try field.folder("two-offices").manifest()["replan"] as? [String: Any])
        #expect((manifest["progress"] as? [[String: Any]])?.count == 2)
        let report = try String(decoding: Data(contentsOf: field.scratch.appendingPathComponent("two-offices/replan-report.md")),
                                as: UTF8.self)
        #expect(report.contains("| office-b.csv | \(rows.count - third) | \(rows.count - 2 * third) | \(third) | 0 | 0 |"))
        let verify = try PlannerProcess.run(["verify", "two-offices"], in: field.scratch)
        #expect(verify.status == 0, "\(verify.standardError)")
    }

    /// One template per post office: together the rows of the province's template, each file only its office's
    /// enumerators; an existing folder is never written into.
    @Test func perPostOfficeTemplatesSplitTheProvincesTemplate() throws {
        let field = try Self.field.get()
        let run = try PlannerProcess.run(["progress-template", "p", "--out", "offices", "--until", Self.asOf,
                                          "--per-post-office"], in: field.scratch)
        #expect(run.status == 0, "\(run.standardError)")
        let whole = try PlanFolderReader(folder: field.scratch).rows("template.csv")
        let folder = field.scratch.appendingPathComponent("offices")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let summaries = try FileManager.default.contentsOfDirectory(
            atPath: field.scratch.appendingPathComponent("p/post-offices").path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files == summaries, "one template per office, named as its summary")
        func key(_ row: [String: String]) -> String { [row["unit_id"]!, row["date"]!, row["enumerator_id"]!].joined(separator: "|") }
        var seen: [String] = []
        for file in files {
            let rows = try PlanFolderReader(folder: folder).rows(file)
            let staff = Set(try field.folder("p").rows("post-offices/" + file).compactMap { $0["enumerator_id"] }
                .filter { !$0.isEmpty })
            #expect(!rows.isEmpty && rows.allSatisfy { staff.contains($0["enumerator_id"]!) }, "\(file)")
            #expect(rows.allSatisfy { $0["status"] == "" })
            seen += rows.map(key)
        }
        #expect(seen.sorted() == whole.map(key).sorted(), "every visit of the province in exactly one office's file")

        // With `;` for Excel with Vietnamese regional settings: the same rows.
        let semicolon = try PlannerProcess.run(["progress-template", "p", "--out", "semicolon.csv", "--until", Self.asOf,
                                                "--separator", "semicolon"], in: field.scratch)
        #expect(semicolon.status == 0, "\(semicolon.standardError)")
        let semicolonData = try Data(contentsOf: field.scratch.appendingPathComponent("semicolon.csv"))
        #expect(CSVReader.separator(detectedIn: semicolonData) == CSVReader.semicolon)
        let semicolonRows = try CSVReader(separator: CSVReader.semicolon).read(semicolonData, file: "semicolon.csv")
            .records.map { $0.fields.map(\.text) }
        let commaRows = try CSVReader().read(Data(contentsOf: field.scratch.appendingPathComponent("template.csv")),
                                             file: "template.csv").records.map { $0.fields.map(\.text) }
        #expect(semicolonRows == commaRows)

        let again = try PlannerProcess.run(["progress-template", "p", "--out", "offices", "--per-post-office"],
                                           in: field.scratch)
        #expect(again.status == 73 && again.standardError.contains("expected a new folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == files)
    }

    @Test(arguments: ["2023-10-02", "2023-10-19", "2024-01-05"])
    func anAsOfOutsideTheWindowIsABadArgumentAndWritesNothing(_ asOf: String) throws {
        let field = try Self.field.get()
        let out = "outside-\(asOf)"
        let run = try PlannerProcess.run(["replan", "p", "--as-of", asOf, "--progress", "progress.csv", "--out", out,
                                          "--quiet"], in: field.scratch)
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.standardError.contains("survey window 2023-10-03…2023-10-18"))
        #expect(!FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent(out).path))
        #expect(!FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("p-replan-\(asOf)").path))
    }
    @Test func plannedVisitsWithNoOutcomeStopTheReplanUnlessTheUserSaysWhatTheyWere() throws {
        let field = try Self.field.get()
        // Only the rows of 3 and 4 October: 5 and 6 October have planned visits and no outcome.
        let lines = try Self.progressLines(field)
        let early = lines.dropFirst().filter { $0.contains(",2023-10-03,") || $0.contains(",2023-10-04,") }
        let missing = lines.count - 1 - early.count
        try #require(missing > 0)
        try Data(([lines[0]] + early).joined(separator: "\n").utf8)
            .write(to: field.scratch.appendingPathComponent("early.csv"))
        func replan(_ out: String, _ extra: [String]) throws -> PlannerProcess.Run {
            try PlannerProcess.run(["replan", "p", "--as-of", Self.asOf, "--progress", "early.csv", "--out", out,
                                    "--json", "--quiet"] + extra, in: field.scratch)
        }
        let refused = try replan("gap-refused", [])
        #expect(refused.status == 65, "\(refused.standardError)")
        #expect(refused.standardError.contains("\(missing) planned visits before \(Self.asOf) have no recorded outcome"))
        #expect(refused.standardError.contains("2023-10-05: "))
        #expect(refused.standardError.contains("--unrecorded not-visited"))
        #expect(!FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("gap-refused").path))
        // No progress at all with days already past falls under the same rule.
        let none = try PlannerProcess.run(["replan", "p", "--as-of", Self.asOf, "--out", "gap-none", "--quiet"],
                                          in: field.scratch)
        #expect(none.status == 65)
        #expect(none.standardError.contains("\(lines.count - 1) planned visits before \(Self.asOf)"))

        for (handling, out) in [("not-visited", "gap-not-visited"), ("postpone", "gap-postponed")] {
            let run = try replan(out, ["--unrecorded", handling])
            #expect(run.status == 0, "\(run.standardError)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            let unrecorded = try #require((object["replan"] as? [String: Any])?["unrecorded"] as? [String: Any])
            #expect(unrecorded["handling"] as? String == handling)
            #expect(unrecorded["visits"] as? Int == missing)
            // The units of the missing days are planned again from the as-of date, none counted as visited.
            let assignments = try field.folder(out).rows("assignments.csv")
            #expect(assignments.filter { $0["status"] != "planned" }.count == early.count)
            let missingUnits = Set(lines.dropFirst().filter { !early.contains($0) }.map { String($0.split(separator: ",")[0]) })
            let planned = Set(assignments.filter { $0["status"] == "planned" }.map { $0["unit_id"]! })
            #expect(missingUnits.isSubset(of: planned))
            let report = try String(decoding: Data(contentsOf: field.scratch.appendingPathComponent("\(out)/replan-report.md")),
                                    as: UTF8.self)
            #expect(report.contains(handling == "postpone" ? "--unrecorded postpone" : "--unrecorded not-visited"))
        }
    }
    @Test func reservesUsedInTheFieldAreReleasesInOrderOrNot() throws {
        let field = try Self.field.get()
        let sample = try field.folder("p").rows("sample.csv")
        let progressLines = try Self.progressLines(field)
        let rows = progressLines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let unitStratum = Dictionary(sample.map { ($0["unit_id"]!, $0["stratum"]!) }, uniquingKeysWith: { a, _ in a })
        let typeOf = Dictionary(sample.map { ($0["unit_id"]!, $0["unit_type"]!) }, uniquingKeysWith: { a, _ in a })
        // Two completed enterprise visits of two strata (one-stage strata: the stratum is the release group).
        var chosen: [[String]] = []
        for row in rows where typeOf[row[0]] == "enterprise" && row[3] == "completed"
            && !chosen.contains(where: { unitStratum[$0[0]] == unitStratum[row[0]] }) {
            chosen.append(row)
            if chosen.count == 2 { break }
        }
        try #require(chosen.count == 2)
        func reserve(of row: [String], rank: Int) throws -> String {
            try #require(sample.first {
                $0["stratum"] == unitStratum[row[0]] && $0["role"] == "reserve" && $0["reserve_rank"] == String(rank)
            }?["unit_id"])
        }
        // Both units refused; the field used the first stratum's rank 1 (in order), the second's rank 2 (not).
        let inOrder = try reserve(of: chosen[0], rank: 1), outOfOrder = try reserve(of: chosen[1], rank: 2)
        var lines = [progressLines[0]]
        for row in rows {
            var row = row
            if chosen.contains(where: { $0[0] == row[0] && $0[1] == row[1] }) { row[3] = "refused" }
            lines.append(row.joined(separator: ","))
        }
        lines.append("\(inOrder),\(chosen[0][1]),\(chosen[0][2]),completed")
        lines.append("\(outOfOrder),\(chosen[1][1]),\(chosen[1][2]),từ chối")
        try Data(lines.joined(separator: "\n").utf8).write(to: field.scratch.appendingPathComponent("reserves.csv"))

        let run = try PlannerProcess.run(["replan", "p", "--as-of", Self.asOf, "--progress", "reserves.csv",
                                          "--out", "reserves"], in: field.scratch)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("reserve unit \(outOfOrder)"), "\(run.standardError)")
        #expect(run.standardError.contains("out-of-order"))
        let folder = field.folder("reserves")
        let releases = try folder.rows("releases.csv")
        let first = try #require(releases.first { $0["reserve_unit_id"] == inOrder })
        #expect(first["release"] == "used-in-field")
        let second = try #require(releases.first { $0["reserve_unit_id"] == outOfOrder })
        #expect(second["release"] == "out-of-order")
        #expect(second["rank"] == "2")
        // The reserve used out of order refused: its group releases another (the skipped rank 1 first).
        let skipped = try reserve(of: chosen[1], rank: 1)
        #expect(releases.contains { $0["reserve_unit_id"] == skipped && $0["release"] == "planner" })
        // The history keeps the reserves' visits; a completed reserve is not planned again.
        let assignments = try folder.rows("assignments.csv")
        #expect(assignments.contains { $0["unit_id"] == inOrder && $0["status"] == "completed" })
        #expect(!assignments.contains { $0["unit_id"] == inOrder && $0["status"] == "planned" })
        // Weights: in each group, the respondents' final weights add up to the released units' design weights.
        let weights = try folder.rows("weights.csv")
        for group in [unitStratum[chosen[0][0]]!, unitStratum[chosen[1][0]]!] {
            let members = weights.filter { $0["release_group"] == group }
            #expect(members.contains { $0["unit_id"] == outOfOrder } == (group == unitStratum[chosen[1][0]]!))
            let design = members.compactMap { Double($0["design_weight"]!) }.reduce(0, +)
            let final = members.compactMap { Double($0["final_weight"] ?? "") }.reduce(0, +)
            #expect(abs(design - final) < 1e-6 * design, "\(group): \(design) vs \(final)")
        }
        let verify = try PlannerProcess.run(["verify", "reserves"], in: field.scratch)
        #expect(verify.status == 0, "\(verify.standardError)")
    }
}
