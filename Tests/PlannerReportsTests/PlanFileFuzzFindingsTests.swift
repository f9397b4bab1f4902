import Foundation
import PlannerFormats
import PlannerPlanFormat
import Testing

/// Plan-folder inputs that fuzzing (benchmarks/fuzz: FuzzManifest, FuzzPlanFiles, FuzzProgress) found
/// mishandled, kept as regressions; each input is also a seed in benchmarks/fuzz/corpus/.
@Suite("Fuzzing findings: plan files")
struct PlanFileFuzzFindingsTests {
    /// benchmarks/fuzz/corpus/manifest/attack-nonfinite.json: `read` accepts `"nan"` and `"inf"` for a number
    /// (as `PlanJSON` writes them) but `jsonData` refused to write them, so a manifest that was read could not be
    /// written again.
    @Test func aNonFiniteNumberThatIsReadIsWrittenAndReadBack() throws {
        let text = PlanFormatReadingTests.manifest.replacingOccurrences(of: "\"seconds\" : 0", with: "\"seconds\" : \"nan\"")
        let manifest = try PlanManifest.read(from: Data(text.utf8))
        #expect(manifest.run.seconds.isNaN)

        let written = try manifest.jsonData()
        #expect(String(decoding: written, as: UTF8.self).contains("\"seconds\" : \"nan\""))
        let again = try PlanManifest.read(from: written)
        #expect(again.run.seconds.isNaN)
        #expect(try again.jsonData() == written)
    }

    /// benchmarks/fuzz/corpus/manifest/regression-not-an-object.json: JSON that is not an object gave a problem
    /// naming no field (`manifest.json:1:1: : expected a value of type Dictionary<String, Any>`).
    @Test(arguments: ["18446744073709551616", "[]", "null", "\"x\"", "true"])
    func jsonThatIsNotAnObjectIsTheWrongFile(text: String) throws {
        let error = try #require(throws: InvalidInput.self) { try PlanManifest.read(from: Data(text.utf8)) }
        #expect(error.problems.map(\.description)
            == ["manifest.json:1:1: file: expected a planner manifest (JSON), found JSON that is not an object"])
        let fieldwork = try #require(throws: InvalidInput.self) {
            try FieldworkRecord.read(Data(text.utf8), file: "fieldwork.json")
        }
        #expect(fieldwork.problems.map(\.field) == ["file"])
    }
}
