import Foundation
import PlannerTestSupport
import Testing

/// The field loop as post offices live it (issue 11): plan, record what happened, re-plan, again and again.
/// Each step feeds the re-plan the way the field does, every folder passes `planner verify`, and every row
/// ever recorded is found, once, in the last folder's history.
@Suite("The field loop", .serialized)
struct FieldLoopTests {
    /// One recorded visit as `progress.csv` has it.
    struct Row: Hashable, CustomStringConvertible {
        var unit: String
        var date: String
        var enumerator: String
        var status: String

        var description: String { "\(unit) \(date) \(enumerator) \(status)" }
    }

    /// The planned visits of a folder on the days `from..<to`.
    static func planned(_ folder: URL, from: String, to: String) throws -> [[String: String]] {
        try PlanFolderReader(folder: folder).rows("assignments.csv")
            .filter { ($0["status"] ?? "planned").isEmpty || ($0["status"] ?? "planned") == "planned" }
            .filter { $0["date"]! >= from && $0["date"]! < to }
            .sorted { ($0["date"]!, $0["enumerator_id"]!, Int($0["visit_order"]!)!) < ($1["date"]!, $1["enumerator_id"]!, Int($1["visit_order"]!)!) }
    }

    /// Deterministic outcomes: every 6th refused, every 4th not at home, the rest completed.
    static func outcome(_ index: Int) -> String {
        index % 6 == 5 ? "refused" : index % 4 == 3 ? "not_at_home" : "completed"
    }

    /// The recorded history of a folder.
    static func history(_ folder: URL) throws -> [Row] {
        try PlanFolderReader(folder: folder).rows("assignments.csv")
            .filter { !($0["status"] ?? "").isEmpty && $0["status"] != "planned" }
            .map { Row(unit: $0["unit_id"]!, date: $0["date"]!, enumerator: $0["enumerator_id"]!, status: $0["status"]!) }
    }

    static func write(_ rows: [Row], to url: URL) throws {
        let lines = ["unit_id,date,enumerator_id,status"] + rows.map { "\($0.unit),\($0.date),\($0.enumerator),\($0.status)" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    /// A period's planned visits of a folder, recorded with `outcome(index + shift)`.
    static func recordedPeriod(of folder: URL, from: String, to: String, shift: Int) throws -> [Row] {
        let rows = try planned(folder, from: from, to: to).enumerated().map { index, row in
            Row(unit: row["unit_id"]!, date: row["date"]!, enumerator: row["enumerator_id"]!, status: outcome(index + shift))
        }
        try #require(!rows.isEmpty, "nothing planned in \(folder.lastPathComponent) from \(from) to \(to)")
        return rows
    }

    /// Makes the first completed household visit of `rows` a refusal and returns the visit its enumerator made
    /// the same day to the next reserve of the unit's commune not yet released (`plan`'s releases.csv).
    static func reserveUsedOnTheSpot(after rows: inout [Row], plan: URL) throws -> Row {
        let sample = try PlanFolderReader(folder: plan).rows("sample.csv")
        let released = Set(try PlanFolderReader(folder: plan).rows("releases.csv").map { $0["reserve_unit_id"]! })
        let commune = Dictionary(sample.map { ($0["unit_id"]!, $0["commune_code"]!) }, uniquingKeysWith: { a, _ in a })
        let index = try #require(rows.firstIndex { $0.status == "completed" && $0.unit.hasPrefix("HH-") })
        rows[index].status = "refused"
        let reserve = try #require(sample.filter {
            $0["role"] == "reserve" && $0["commune_code"] == commune[rows[index].unit] && !released.contains($0["unit_id"]!)
        }.min { Int($0["reserve_rank"]!)! < Int($1["reserve_rank"]!)! }, "a reserve left in the commune")
        return Row(unit: reserve["unit_id"]!, date: rows[index].date, enumerator: rows[index].enumerator, status: "completed")
    }

    /// Each enumerator's post office, from the dataset's roster.
    static func postOffices(_ dataset: URL) throws -> [String: String] {
        let roster = try PlanFolderReader(folder: dataset).rows("enumerators.csv")
        return Dictionary(roster.map { ($0["enumerator_id"]!, $0["post_office"]!) }, uniquingKeysWith: { a, _ in a })
    }

    /// The file as a Vietnamese office fills it in Excel and saves it: statuses in Vietnamese, a byte order
    /// mark, semicolons, dd/mm/yyyy, CRLF.
    static func writeAsExcel(_ rows: [Row], to url: URL) throws {
        let words = ["completed": "hoàn thành", "refused": "từ chối", "not_at_home": "không gặp"]
        let lines = ["unit_id;date;enumerator_id;status"] + rows.map { row in
            let date = row.date.split(separator: "-")
            return "\(row.unit);\(date[2])/\(date[1])/\(date[0]);\(row.enumerator);\(words[row.status]!)"
        }
        try Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: url)
    }

    static func verify(_ folder: String, in root: URL) throws {
        let run = try PlannerProcess.run(["verify", folder], in: root)
        #expect(run.status == 0, "verify \(folder): \(run.standardError)")
    }

    /// A chain of four re-plans of one survey, fed as the field feeds it: a Survey Solutions export imported with
    /// `planner progress import`; two post offices' files, one in Vietnamese saved from Excel, with a reserve used
    /// on the spot; a file filled in by hand; leave added to the dataset's unavailability.csv. Every folder
    /// verifies when it is written, and the last one's history holds every row recorded on the way — counted.
    @Test func aChainOfFourReplansKeepsEveryRecordedVisit() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try fixture.plan("v0")
        try Self.verify("v0", in: fixture.root)
        var recorded: [Row] = []

        // Step 1, as of 5 October: what Survey Solutions recorded on 3 and 4 October, imported.
        let firstDays = try Self.planned(fixture.root.appendingPathComponent("v0"), from: "2023-10-03", to: "2023-10-05")
        try #require(!firstDays.isEmpty)
        let assignments = try CollectionExports.assignments(plan: fixture.root.appendingPathComponent("v0"))
        let visits = firstDays.enumerated().map { index, row in
            let outcome = Self.outcome(index)
            return CollectionExports.Visit(
                assignment: assignments.first { $0["unit_id"] == row["unit_id"] }!, date: row["date"]!,
                outcome: ["completed": 1, "refused": 2, "not_at_home": 3][outcome]!)
        }
        try CollectionExports.surveySolutionsZip(visits).write(to: fixture.root.appendingPathComponent("export-1.zip"))
        let imported = try PlannerProcess.run(["progress", "import", "v0", "--survey-solutions", "export-1.zip",
                                               "--until", "2023-10-05", "--out", "progress-1.csv"], in: fixture.root)
        try #require(imported.status == 0, "\(imported.standardError)")
        let importedRows = try PlanFolderReader(folder: fixture.root).rows("progress-1.csv")
            .map { Row(unit: $0["unit_id"]!, date: $0["date"]!, enumerator: $0["enumerator_id"]!, status: $0["status"]!) }
        #expect(importedRows.count == firstDays.count)
        recorded += importedRows
        try replan("v0", asOf: "2023-10-05", progress: ["progress-1.csv"], out: "v1", in: fixture.root)

        try Self.verify("v1", in: fixture.root)

        // Step 2, as of 9 October: two post offices send their own files; one filled in Vietnamese and saved from
        // Excel (semicolons, day/month/year, a byte order mark). A household refused, and its enumerator used the
        // commune's next reserve on the spot.
        var second = try Self.recordedPeriod(of: fixture.root.appendingPathComponent("v1"), from: "2023-10-05",
                                             to: "2023-10-09", shift: 1)
        second.append(try Self.reserveUsedOnTheSpot(after: &second, plan: fixture.root.appendingPathComponent("v1")))
        let offices = try Self.postOffices(fixture.dataset)
        // The office of the first enumerator at work against all the others; should the plan give those days to
        // one office only, its enumerators are split in two halves (each half sends its own file).
        let working = Set(second.map(\.enumerator)).sorted()
        let firstOffice = offices[working[0]]
        var officeA = second.filter { offices[$0.enumerator] == firstOffice }
        var officeB = second.filter { offices[$0.enumerator] != firstOffice }
        if officeB.isEmpty, working.count > 1 {
            let firstHalf = Set(working.prefix(working.count / 2))
            officeA = second.filter { firstHalf.contains($0.enumerator) }
            officeB = second.filter { !firstHalf.contains($0.enumerator) }
        }
        try #require(!officeA.isEmpty && !officeB.isEmpty, "both offices have visits")
        try Self.write(officeA, to: fixture.root.appendingPathComponent("office-a.csv"))
        try Self.writeAsExcel(officeB, to: fixture.root.appendingPathComponent("office-b.csv"))
        recorded += second
        let merged = try replan("v1", asOf: "2023-10-09", progress: ["office-a.csv", "office-b.csv"], out: "v2",
                                in: fixture.root, extra: ["--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(merged.standardOutput.utf8)) as? [String: Any])
        let files = try #require((report["replan"] as? [String: Any])?["progress_files"] as? [[String: Any]])
        #expect(files.map { $0["rows"] as? Int } == [officeA.count, officeB.count], "rows read per office")
        try Self.verify("v2", in: fixture.root)

        // Step 3, as of 11 October: one file filled in by hand.
        let third = try Self.recordedPeriod(of: fixture.root.appendingPathComponent("v2"), from: "2023-10-09",
                                            to: "2023-10-11", shift: 2)
        try Self.write(third, to: fixture.root.appendingPathComponent("progress-3.csv"))
        recorded += third
        try replan("v2", asOf: "2023-10-11", progress: ["progress-3.csv"], out: "v3", in: fixture.root)
        try Self.verify("v3", in: fixture.root)

        // Step 4, as of 13 October: and an enumerator's leave, added to the dataset's unavailability.csv as the
        // guide says.
        let fourth = try Self.recordedPeriod(of: fixture.root.appendingPathComponent("v3"), from: "2023-10-11",
                                             to: "2023-10-13", shift: 3)
        try Self.write(fourth, to: fixture.root.appendingPathComponent("progress-4.csv"))
        recorded += fourth
        try fixture.edit("unavailability.csv") { $0 + "N02,2023-10-16,2023-10-16,sick\n" }
        try replan("v3", asOf: "2023-10-13", progress: ["progress-4.csv"], out: "v4", in: fixture.root)
        #expect(!(try PlanFolderReader(folder: fixture.root.appendingPathComponent("v4")).rows("assignments.csv")).contains {
            $0["status"] == "planned" && $0["enumerator_id"] == "N02" && $0["date"] == "2023-10-16"
        }, "no visit on the leave")
        try Self.verify("v4", in: fixture.root)

        let history = try Self.history(fixture.root.appendingPathComponent("v4"))
        #expect(history.count == recorded.count, "every recorded row is in the last history, once")
        #expect(Set(history) == Set(recorded))
        #expect(Set(recorded).count == recorded.count)
    }

    @discardableResult
    private func replan(_ parent: String, asOf: String, progress: [String], out: String, in root: URL,
                        extra: [String] = []) throws -> PlannerProcess.Run {
        let run = try PlannerProcess.run(["replan", parent, "--as-of", asOf] + progress.flatMap { ["--progress", $0] }
                                         + ["--out", out, "--quiet"] + extra, in: root)
        try #require(run.status == 0, "replan \(parent) → \(out): \(run.standardError)")
        return run
    }
}
