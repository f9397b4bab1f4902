import Foundation
import PlannerCore
import PlannerFormats
import Testing

/// IDs that become file names (route sheets, notices) are refused at their line when they could leave the
/// plan folder or hide a file.
@Suite("Identifiers usable as file names")
struct SafeIdentifierTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var old: String
        var new: String
        var line: Int
        var column: Int
        var field: String
        var testDescription: String { "\(field) \(new)" }
    }

    /// Each ID is replaced in every file of the dataset, so only its definition can be at fault.
    static let cases: [Case] = [
        Case(file: "enumerators.csv", old: "N02", new: "../N02", line: 3, column: 1, field: "enumerator_id"),
        Case(file: "enumerators.csv", old: "N02", new: "a/b", line: 3, column: 1, field: "enumerator_id"),
        Case(file: "enumerators.csv", old: "N02", new: "a\\b", line: 3, column: 1, field: "enumerator_id"),
        Case(file: "enumerators.csv", old: "N02", new: ".hidden", line: 3, column: 1, field: "enumerator_id"),
        Case(file: "zones.csv", old: "IZ01", new: "IZ/01", line: 2, column: 1, field: "zone_id"),
        Case(file: "communes.csv", old: "31501", new: "..", line: 3, column: 25, field: "commune_code"),
        Case(file: "communes.csv", old: "31501", new: "315\u{7}01", line: 3, column: 25, field: "commune_code"),
    ]

    @Test(arguments: cases)
    func unsafeIdentifierIsLocated(_ defect: Case) throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        for file in try FileManager.default.contentsOfDirectory(atPath: dataset.folder.path) {
            let text = try dataset.contents(file)
            try dataset.write(Data(text.replacingOccurrences(of: defect.old, with: defect.new).utf8), to: file)
        }
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first { $0.field == defect.field && $0.line == defect.line })
        #expect(URL(fileURLWithPath: problem.file).lastPathComponent == defect.file)
        #expect(problem.column == defect.column, "\(problem)")
        #expect(problem.description.contains("expected an identifier usable as a file name"), "\(problem)")
        // The ID still counts as known, so references to it do not cascade into more problems.
        #expect(error.totalCount == 1, "\(error)")
    }

    @Test func ordinaryIdentifiersWithDotsAndDashesAreAccepted() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        try dataset.replace("N01,Nguyễn", with: "N.01-a_b,Nguyễn", in: "enumerators.csv")
        let read = try DatasetReader().read(folder: dataset.folder)
        #expect(read.enumerators.map(\.id.rawValue).contains("N.01-a_b"))
    }
}
