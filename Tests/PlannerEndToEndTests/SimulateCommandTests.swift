import Foundation
import Testing

/// `planner simulate` on the default dataset: one run under both policies.
@Suite("planner simulate")
struct SimulateCommandTests {
    @Test func oneRunPrintsBothPolicies() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try PlannerProcess.run(["simulate", PlannerProcess.defaultDataset.path, "--runs", "1", "--seed", "7",
                                          "--dropout", "0.1"], in: scratch)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("run   1 ") }.count == 2)
        let summary = try #require(lines.firstIndex { $0.hasPrefix("policy  finished by 2023-10-18") })
        // The two policies, then, only when a time limit ended the first plan or an evening's re-plan (a loaded
        // machine: the tests run side by side), the note that says so.
        let after = Array(lines[(summary + 1)...])
        #expect(after.prefix(2).map { $0.prefix(6) } == ["replan", "naive "])
        #expect(after.count == 2 || (after.count == 3 && after[2].hasPrefix("Note: the time limit ended ")),
                "\(after)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "simulate writes nothing")
    }

    @Test func ratesMustBeProbabilities() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try PlannerProcess.run(["simulate", "--refusal", "0.7", "--not-at-home", "0.5"], in: scratch)
        #expect(run.status == 64)
        #expect(run.standardError.contains("--refusal + --not-at-home must not exceed 1"))
        let clock = try PlannerProcess.run(["simulate", "--time-limit", "0"], in: scratch)
        #expect(clock.status == 64 && clock.standardError.contains("--time-limit must be a positive number"))
    }
}
