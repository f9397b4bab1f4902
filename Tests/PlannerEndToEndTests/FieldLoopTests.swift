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

    static func verify(_ folder: String, in root: URL) throws {
        let run = try PlannerProcess.run(["verify", folder], in: root)
        #expect(run.status == 0, "verify \(folder): \(run.standardError)")
    }

    /// A chain of four re-plans of one survey: the first fed by a Survey Solutions export imported with
    /// `planner progress import`, the others by progress files filled in by hand. Every folder verifies, and the
    /// last one's history holds every row recorded on the way — counted.
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

        // Steps 2–4: each period's planned visits recorded by hand.
        let steps = [("v1", "2023-10-05", "2023-10-09", "v2"), ("v2", "2023-10-09", "2023-10-11", "v3"),
                     ("v3", "2023-10-11", "2023-10-13", "v4")]
        for (number, (parent, from, asOf, out)) in steps.enumerated() {
            let rows = try Self.planned(fixture.root.appendingPathComponent(parent), from: from, to: asOf).enumerated()
                .map { index, row in
                    Row(unit: row["unit_id"]!, date: row["date"]!, enumerator: row["enumerator_id"]!,
                        status: Self.outcome(index + number))
                }
            try #require(!rows.isEmpty, "nothing planned in \(parent) from \(from) to \(asOf)")
            let file = "progress-\(number + 2).csv"
            try Self.write(rows, to: fixture.root.appendingPathComponent(file))
            recorded += rows
            try replan(parent, asOf: asOf, progress: [file], out: out, in: fixture.root)
        }

        for folder in ["v1", "v2", "v3", "v4"] { try Self.verify(folder, in: fixture.root) }
        let history = try Self.history(fixture.root.appendingPathComponent("v4"))
        #expect(history.count == recorded.count, "every recorded row is in the last history, once")
        #expect(Set(history) == Set(recorded))
        #expect(Set(recorded).count == recorded.count)
    }

    private func replan(_ parent: String, asOf: String, progress: [String], out: String, in root: URL,
                        extra: [String] = []) throws {
        let run = try PlannerProcess.run(["replan", parent, "--as-of", asOf] + progress.flatMap { ["--progress", $0] }
                                         + ["--out", out, "--quiet"] + extra, in: root)
        try #require(run.status == 0, "replan \(parent) → \(out): \(run.standardError)")
    }
}
