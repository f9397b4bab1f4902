import Foundation
import Testing

/// `--quiet`, `--json`, progress lines and the summary page, from the outside.
@Suite("output options and summary page", .serialized)
struct OutputOptionsTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    @Test func planPrintsJSONOnStandardOutputAndLogLinesWithoutATerminal() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try PlannerProcess.run(["plan", PlannerProcess.defaultDataset.path, "--out", "p", "--json"],
                                            in: scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let report = try Self.json(result.standardOutput)
        #expect(report["command"] as? String == "plan")
        #expect(report["exit_status"] as? Int == 0)
        #expect((report["folder"] as? String)?.hasSuffix("/p") == true)
        let fieldwork = try #require(report["fieldwork"] as? [String: Any])
        #expect(fieldwork["complete"] as? Bool == true)
        #expect(fieldwork["scheduled"] as? Int == fieldwork["units"] as? Int)
        let solver = try #require(fieldwork["solver"] as? [String: Any])
        #expect(solver["backend"] as? String == "GLPK" && solver["backend_version"] as? String == "5.0")

        // Standard error is a file here, not a terminal: plain lines, a start and an end per step, no escapes.
        let lines = result.standardError.split(separator: "\n").map(String.init)
        for step in ["Reading the dataset", "Drawing the sample", "Planning the fieldwork", "Writing"] {
            #expect(lines.contains { $0.contains(step) && $0.hasSuffix("…") }, "no start line for \(step)")
            #expect(lines.contains { $0.contains(step) && $0.contains(": done in ") }, "no end line for \(step)")
        }
        #expect(!result.standardError.contains("\u{1B}["))
        #expect(lines.allSatisfy { $0.hasPrefix("[") && $0.contains(" s] ") }, "elapsed time on every line")

        let folder = PlanFolderReader(folder: scratch.appendingPathComponent("p"))
        let files = try folder.files()
        for path in ["summary.html", "routes.geojson", "exports/survey-solutions-assignments.tab",
                     "exports/surveycto-cases.csv"] {
            #expect(files[path] != nil, "\(path) missing")
        }
        let listed = try #require(try folder.manifest()["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(listed.contains("summary.html"))
        let summary = String(decoding: try #require(files["summary.html"]), as: UTF8.self)
        #expect(summary.contains("<html lang=\"vi\">"))
        #expect(summary.contains("<section id=\"calendar\">"))
        #expect(!summary.contains("http://") && !summary.contains("https://"))
    }

    @Test func quietSampleIsSilentAndAssignWritesAnEnglishSummary() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dataset = PlannerProcess.defaultDataset.path
        let sample = try PlannerProcess.run(["sample", dataset, "--out", "s", "--quiet"], in: scratch)
        #expect(sample.status == 0)
        #expect(sample.standardOutput.isEmpty && sample.standardError.isEmpty,
                "quiet printed: \(sample.standardOutput)\(sample.standardError)")
        let sampleSummary = try String(decoding: Data(contentsOf: scratch.appendingPathComponent("s/summary.html")),
                                       as: UTF8.self)
        #expect(sampleSummary.contains("<section id=\"design\">"))
        #expect(!sampleSummary.contains("<section id=\"calendar\">"))

        let assign = try PlannerProcess.run(["assign", "s", "--dataset", dataset, "--out", "a", "--quiet", "--json",
                                             "--language", "en"], in: scratch)
        #expect(assign.status == 0, "\(assign.standardError)")
        #expect(assign.standardError.isEmpty)
        let report = try Self.json(assign.standardOutput)
        #expect(report["command"] as? String == "assign")
        #expect(report["language"] as? String == "en")
        let summary = try String(decoding: Data(contentsOf: scratch.appendingPathComponent("a/summary.html")),
                                 as: UTF8.self)
        #expect(summary.contains("<html lang=\"en\">"))
        #expect(summary.contains("Sample design"))
        #expect(summary.contains("<section id=\"solver\">"))
        // The design figures come from the sample folder's allocation.csv.
        let allocation = try PlanFolderReader(folder: scratch.appendingPathComponent("s")).rows("allocation.csv")
        for row in allocation { #expect(summary.contains(">\(row["stratum"]!)</td>")) }
    }

    @Test func aBadLanguageIsRefusedAsAnArgumentError() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try PlannerProcess.run(["sample", PlannerProcess.defaultDataset.path, "--language", "fr"],
                                            in: scratch)
        #expect(result.status == 64)
        #expect(result.standardError.contains("--language"))
    }
}
