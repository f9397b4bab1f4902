import Foundation
import PlannerCore
import PlannerFormats
import Testing

/// A dataset edited in Excel on a Vietnamese-locale PC comes back with `;` between fields and decimal commas
/// (its decimal mark is a comma), or with tabs when saved as text: it must read as the file it was.
@Suite struct ExcelSavedDatasetTests {
    /// Every CSV of the fixture re-written with `separator`, quoting what must be quoted; with `decimalComma`,
    /// every number with a decimal point written with a comma, as Excel does in a comma-decimal locale.
    static func resaved(separator: Character, decimalComma: Bool) throws -> FixtureDataset {
        let copy = try FixtureDataset()
        let files = try FileManager.default.contentsOfDirectory(atPath: copy.folder.path).filter { $0.hasSuffix(".csv") }
        for file in files {
            let table = try CSVReader().read(Data(contentsOf: copy.url(file)), file: file)
            func cell(_ text: String) -> String {
                var text = text
                if decimalComma, text.contains("."), Double(text) != nil {
                    text = text.replacingOccurrences(of: ".", with: ",")
                }
                let needsQuotes = text.contains(separator) || text.contains("\"") || text.contains("\n")
                return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
            let lines = [table.header.map(\.text)] + table.records.map { $0.fields.map(\.text) }
            let text = "\u{FEFF}" + lines.map { $0.map(cell).joined(separator: String(separator)) }
                .joined(separator: "\r\n") + "\r\n"
            try copy.write(Data(text.utf8), to: file)
        }
        return copy
    }

    @Test(arguments: [(Character(";"), true), (";", false), ("\t", false), ("\t", true)])
    func aResavedDatasetReadsAsTheOriginal(separator: Character, decimalComma: Bool) throws {
        let original = try DatasetReader().read(folder: FixtureDataset.validFolder())
        let copy = try Self.resaved(separator: separator, decimalComma: decimalComma)
        defer { copy.delete() }
        let communes = try copy.contents("communes.csv")
        #expect(communes.contains(decimalComma ? "9,61306" : "9.61306"), "the copy is re-written as intended")
        #expect(communes.contains("\(separator)Phường 5\(separator)"))
        let read = try DatasetReader().read(folder: copy.folder)
        #expect(read.communes == original.communes)
        #expect(read.enterprises == original.enterprises)
        #expect(read.enumerators == original.enumerators)
        #expect(read.zones == original.zones)
        #expect(read.unavailability == original.unavailability)
        #expect(read.travelOverrides == original.travelOverrides)
        #expect(read.households.map { $0.map(\.id) } == original.households.map { $0.map(\.id) })
        #expect(read.households.map { $0.map(\.location) } == original.households.map { $0.map(\.location) })
        #expect(read.households.map { $0.map(\.address) } == original.households.map { $0.map(\.address) })
    }

    /// A digit grouping with a decimal comma is not a number of this dataset, and a comma-separated file has
    /// no decimal commas: both are located problems, never a guess.
    @Test func groupedDigitsAndDecimalCommasInACommaFileAreProblems() throws {
        let grouped = try Self.resaved(separator: ";", decimalComma: true)
        defer { grouped.delete() }
        try grouped.replace("9,61306", with: "9.613,06", in: "communes.csv")
        let groupedError = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: grouped.folder) }
        let groupedLines = groupedError.problems.map(\.description)
        #expect(groupedLines.count == 1)
        #expect(groupedLines.first?.contains("communes.csv:2:") == true)
        #expect(groupedLines.first?.contains("lat: expected a latitude in decimal degrees, found \"9.613,06\"") == true,
                "\(groupedLines)")

        let comma = try FixtureDataset()
        defer { comma.delete() }
        try comma.replace(",9.61306,", with: ",\"9,61306\",", in: "communes.csv")
        let commaError = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: comma.folder) }
        let commaLines = commaError.problems.map(\.description)
        #expect(commaLines.count == 1)
        #expect(commaLines.first?.contains("lat: expected a latitude in decimal degrees, found \"9,61306\"") == true,
                "\(commaLines)")
    }
}
