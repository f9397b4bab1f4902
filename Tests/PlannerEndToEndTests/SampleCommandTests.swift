import Foundation
import Testing

/// `planner sample` on the default dataset, as a survey designer runs it.
@Suite("planner sample")
struct SampleCommandTests {
    /// The manifest with its `run` section (time stamp and timing) removed, for byte comparisons.
    func manifestWithoutRun(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["run"] = nil
        return object
    }

    func files(of folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try Dictionary(uniqueKeysWithValues: names.filter { $0 != "manifest.json" }.map {
            ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
        })
    }

    @Test func sameSeedGivesByteIdenticalPlansAndAnotherSeedAnother() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dataset = PlannerProcess.defaultDataset.path
        for (name, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
            let result = try PlannerProcess.run(["sample", dataset, "--seed", seed, "--out", name], in: scratch)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let a = scratch.appendingPathComponent("a"), b = scratch.appendingPathComponent("b")
        let c = scratch.appendingPathComponent("c")
        #expect(try files(of: a) == files(of: b))
        #expect(try files(of: a)["sample.csv"] != files(of: c)["sample.csv"])
        let manifestA = try manifestWithoutRun(a), manifestB = try manifestWithoutRun(b)
        #expect(NSDictionary(dictionary: manifestA).isEqual(to: manifestB))
        #expect(manifestA["seed"] as? Int == 7)

        // The manifest's digests are those of the files written.
        let digests = try #require(manifestA["files"] as? [[String: Any]])
        #expect(digests.map { $0["path"] as? String } == ["allocation.csv", "design-report.md", "sample.csv",
                                                        "summary.html"])
    }

    @Test func anExistingPlanFolderIsNeverOverwritten() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let existing = scratch.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        let keep = existing.appendingPathComponent("sample.csv")
        try Data("earlier plan\n".utf8).write(to: keep)

        let result = try PlannerProcess.run(["sample", PlannerProcess.defaultDataset.path, "--out", "plan"], in: scratch)
        #expect(result.status == 73)
        #expect(result.standardError.contains("never overwritten"))
        #expect(try Data(contentsOf: keep) == Data("earlier plan\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["plan"])
    }

    @Test func withoutOutANewFolderUnderPlansIsChosen() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for _ in 0..<2 {
            let result = try PlannerProcess.run(["sample", PlannerProcess.defaultDataset.path, "--seed", "3"], in: scratch)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let plans = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("Plans").path)
        #expect(plans.sorted() == ["soc-trang-2023-seed-3", "soc-trang-2023-seed-3-2"])
    }

    @Test func sampleCSVHasTheDocumentedColumnsAndEveryMainUnitOnce() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try PlannerProcess.run(["sample", PlannerProcess.defaultDataset.path, "--out", "p"], in: scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let text = String(decoding: try Data(contentsOf: scratch.appendingPathComponent("p/sample.csv")), as: UTF8.self)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "\u{FEFF}unit_id,unit_type,stratum,district_code,commune_code,zone_id,inclusion_probability,"
                    + "design_weight,role,reserve_rank,first_stage_probability,second_stage_probability,label,psu,"
                    + "stratum_psu_count,psu_unit_count")
        let ids = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] }
        #expect(Set(ids).count == ids.count)
    }
}
