import Foundation
import PlannerFormats
import Testing

/// Inputs that fuzzing (benchmarks/fuzz) or probing limits found mishandled, kept as regressions.
@Suite("Fuzzing findings")
struct FuzzFindingsTests {
    /// benchmarks/fuzz/corpus/csv/regression-blank-header-name.csv: a short record under a blank column name
    /// gave a problem naming no field.
    @Test func shortRecordUnderABlankColumnNameNamesTheColumnByPosition() throws {
        let data = Data("a,,c,d,e\n1,2,3,4,5\n1,2,3\n".utf8)
        let error = try #require(throws: InvalidInput.self) { try CSVReader().read(data, file: "x.csv") }
        #expect(error.problems.map(\.description) == ["x.csv:3:6: d: expected 5 fields as in the header, found 3 fields"])

        let blank = Data("a,,c\n1\n".utf8)
        let second = try #require(throws: InvalidInput.self) { try CSVReader().read(blank, file: "y.csv") }
        #expect(second.problems.first?.field == "column 2", "\(second)")
    }

    @Test func windowOfCenturiesIsRefusedBeforeItIsEnumerated() throws {
        let toml = """
            [survey]
            first_day = 0001-01-01
            last_day = 9999-12-31
            """
        let error = try #require(throws: InvalidInput.self) {
            try SurveySettingsReader().read(Data(toml.utf8), file: "survey.toml")
        }
        #expect(error.problems.contains { $0.field == "survey.last_day" && $0.line == 3 }, "\(error)")
    }
}
