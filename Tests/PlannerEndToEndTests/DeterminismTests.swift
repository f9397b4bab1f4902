import Foundation
import Testing

/// Two runs of `planner plan` on the same dataset and seed give byte-identical folders, but for the manifest's
/// `run` section and the solver's seconds — also when they are made on different days: the second run's creation
/// time is set years back with `SOURCE_DATE_EPOCH`, which the manifest's `run.created_at` honours and no other file
/// shows (route sheets and bundles once printed the creation date).
///
/// Every stage stops on a rule that gives the same answer on every run (proven optimum, rounds of column
/// generation, branch-and-bound nodes); the time limit is a safety net only. The test gives a generous limit so
/// that a debug build on a loaded machine does not reach that net.
@Suite("Determinism across runs", .serialized)
struct DeterminismTests {
    @Test func twoRunsOnTheDefaultDatasetGiveTheSameBytes() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (name, epoch) in [("first", nil), ("second", "1695888000")] as [(String, String?)] {
            let result = try PlannerProcess.run(["plan", PlannerProcess.defaultDataset.path, "--out", name, "--quiet",
                                                 "--time-limit", "600"], in: scratch,
                                                environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let secondManifest = try PlanFolderReader(folder: scratch.appendingPathComponent("second")).manifest()
        #expect((secondManifest["run"] as? [String: Any])?["created_at"] as? String == "2023-09-28T08:00:00Z")
        let first = try PlanFolderReader(folder: scratch.appendingPathComponent("first")).files()
        let second = try PlanFolderReader(folder: scratch.appendingPathComponent("second")).files()
        #expect(first.keys.sorted() == second.keys.sorted())
        #expect(first.count > 100)
        for path in first.keys.sorted() {
            #expect(first[path] == second[path], "\(path) differs between two runs")
        }

        func comparable(_ folder: String) throws -> NSDictionary {
            var manifest = try PlanFolderReader(folder: scratch.appendingPathComponent(folder)).manifest()
            #expect(manifest["run"] != nil)
            manifest["run"] = nil
            var solver = try #require(manifest["solver"] as? [String: Any])
            solver["seconds"] = nil
            manifest["solver"] = solver
            return manifest as NSDictionary
        }
        #expect(try comparable("first") == comparable("second"))
    }
}
