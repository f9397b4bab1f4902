import Foundation
import PlannerFormats
import PlannerPlanFormat
import Testing

/// The plan-folder readers locate what is wrong: the manifest by JSON path, line and column.
@Suite("Plan format readers")
struct PlanFormatReadingTests {
    static let manifest = """
        {
          "dataset" : "dataset",
          "files" : [
            {
              "bytes" : 3,
              "path" : "sample.csv",
              "sha256" : "abc"
            }
          ],
          "format" : "planner-plan/1",
          "generator" : { "name" : "x", "version" : "1" },
          "inputs" : [ ],
          "kind" : "sample",
          "run" : { "created_at" : "2023-10-01T00:00:00Z", "seconds" : 0 },
          "seed" : 7,
          "tool" : { "name" : "planner", "version" : "1" }
        }
        """

    @Test func aManifestReadsBack() throws {
        let manifest = try PlanManifest.read(from: Data(Self.manifest.utf8), file: "p/manifest.json")
        #expect(manifest.files.map(\.path) == ["sample.csv"])
        #expect(manifest.seed == 7)
    }

    /// A value of the wrong type is named by its JSON path and located at its key.
    @Test func aWrongValueIsLocatedAtItsKey() {
        let text = Self.manifest.replacingOccurrences(of: "\"bytes\" : 3", with: "\"bytes\" : \"three\"")
        #expect {
            try PlanManifest.read(from: Data(text.utf8), file: "p/manifest.json")
        } throws: { error in
            guard let problem = (error as? InvalidInput)?.problems.first else { return false }
            return problem.file == "p/manifest.json" && problem.field == "files[0].bytes"
                && problem.location == SourceLocation(line: 5, column: 7)
        }
    }

    /// A missing key is named with its parent's path.
    @Test func aMissingKeyIsNamed() {
        let text = Self.manifest.replacingOccurrences(of: "\"seed\" : 7,", with: "")
        #expect {
            try PlanManifest.read(from: Data(text.utf8), file: "manifest.json")
        } throws: { error in
            (error as? InvalidInput)?.problems.first.map { $0.field == "seed" && $0.found == "no such key" } ?? false
        }
    }

    /// Text that is not JSON is one problem with a location, never a crash.
    @Test func brokenJSONIsOneLocatedProblem() {
        #expect {
            try PlanManifest.read(from: Data("{\n  \"kind\" : ,\n}".utf8), file: "manifest.json")
        } throws: { error in
            guard let invalid = error as? InvalidInput else { return false }
            return invalid.problems.count == 1 && invalid.problems[0].location != nil
        }
    }
}
