import Foundation
import PlannerTestSupport
import Testing

/// `planner replan` after the dataset changed since the plan: leave added to `unavailability.csv` is taken as a
/// change of availability, documentation may change freely, anything else is refused with its remedy.
@Suite("planner replan after dataset changes")
struct DatasetChangeReplanTests {
    /// A plan of the small plannable dataset, re-planned from its first day (no history needed).
    static func planned() throws -> PlannableFixture {
        let fixture = try PlannableFixture()
        try fixture.plan("p")
        return fixture
    }

    static func replan(_ fixture: PlannableFixture, _ out: String, json: Bool = false) throws -> PlannerProcess.Run {
        try PlannerProcess.run(["replan", "p", "--as-of", "2023-10-03", "--out", out, "--quiet"]
                                + (json ? ["--json"] : []), in: fixture.root)
    }

    @Test func leaveAddedToUnavailabilityIsTakenAsAChange() throws {
        let fixture = try Self.planned()
        defer { fixture.delete() }
        let planned = try PlanFolderReader(folder: fixture.root.appendingPathComponent("p")).rows("assignments.csv")
        let visit = try #require(planned.first { $0["date"]! > "2023-10-04" })
        let enumerator = visit["enumerator_id"]!, day = visit["date"]!
        try fixture.edit("unavailability.csv") { $0 + "\(enumerator),\(day),\(day),sick\n" }

        let run = try Self.replan(fixture, "r", json: true)
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let replan = try #require(object["replan"] as? [String: Any])
        let leave = try #require(replan["dataset_leave"] as? [[String: Any]])
        #expect(leave.contains { $0["enumerator_id"] as? String == enumerator && $0["from"] as? String == day })
        #expect((replan["dropped_enumerators"] as? [String])?.contains(enumerator) == true)
        let folder = PlanFolderReader(folder: fixture.root.appendingPathComponent("r"))
        #expect(!(try folder.rows("assignments.csv")).contains {
            $0["status"] == "planned" && $0["enumerator_id"] == enumerator && $0["date"] == day
        }, "no visit on the new leave")
        let report = String(decoding: try Data(contentsOf: fixture.root.appendingPathComponent("r/replan-report.md")),
                            as: UTF8.self)
        #expect(report.contains("| \(enumerator) | \(day) | \(day) | sick |"))
        let verify = try PlannerProcess.run(["verify", "r"], in: fixture.root)
        #expect(verify.status == 0, "\(verify.standardError)")
    }

    @Test func anotherChangedFileIsRefusedWithTheRemedy() throws {
        let fixture = try Self.planned()
        defer { fixture.delete() }
        try fixture.edit("enterprises.csv") { $0.replacingOccurrences(of: "\r\n", with: "\n") + "\n" }
        let run = try Self.replan(fixture, "r")
        #expect(run.status == 65)
        #expect(run.standardError.contains("dataset/enterprises.csv changed"), "\(run.standardError)")
        #expect(run.standardError.contains("planner plan"))
        #expect(run.standardError.contains("--unavailable"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("r").path))
    }

    @Test func documentationIsNoInput() throws {
        let fixture = try Self.planned()
        defer { fixture.delete() }
        let manifest = try PlanFolderReader(folder: fixture.root.appendingPathComponent("p")).manifest()
        let inputs = try #require(manifest["inputs"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(!inputs.isEmpty && !inputs.contains { $0.hasSuffix(".md") })
        try Data("# Notes\nEdited during fieldwork.\n".utf8)
            .write(to: fixture.dataset.appendingPathComponent("README.md"))
        try Data("where the data came from\n".utf8).write(to: fixture.dataset.appendingPathComponent("SOURCES.txt"))
        let run = try Self.replan(fixture, "r")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try PlannerProcess.run(["verify", "p"], in: fixture.root).status == 0)
        #expect(try PlannerProcess.run(["verify", "r"], in: fixture.root).status == 0)
    }

    @Test func anOldManifestThatHashedTheReadmeStaysUsable() throws {
        let fixture = try Self.planned()
        defer { fixture.delete() }
        // A manifest written before documentation stopped being an input lists README.md with its digest.
        let url = fixture.root.appendingPathComponent("p/manifest.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var inputs = try #require(object["inputs"] as? [[String: Any]])
        inputs.append(["path": "README.md", "sha256": String(repeating: "0", count: 64)])
        object["inputs"] = inputs
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
        try Data("# Notes, edited since\n".utf8).write(to: fixture.dataset.appendingPathComponent("README.md"))
        let run = try Self.replan(fixture, "r")
        #expect(run.status == 0, "\(run.standardError)")
        let verify = try PlannerProcess.run(["verify", "p"], in: fixture.root)
        #expect(!verify.standardError.contains("README.md"), "\(verify.standardError)")
    }
}
