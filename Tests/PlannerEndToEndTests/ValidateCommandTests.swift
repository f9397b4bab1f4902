import Foundation
import PlannerTestSupport
import Testing

/// Runs the built `planner validate` as a user would, and checks its output and exit status.
@Suite("planner validate")
struct ValidateCommandTests {
    func run(_ arguments: [String], in directory: URL) throws -> PlannerProcess.Run {
        try PlannerProcess.run(arguments, in: directory)
    }

    /// A copy of the valid fixture in a new temporary folder, returned as (parent, dataset).
    func copyOfValidFixture() throws -> (URL, URL) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("planner-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let dataset = parent.appendingPathComponent("dataset")
        try FileManager.default.copyItem(at: PlannerProcess.fixtures.appendingPathComponent("valid"), to: dataset)
        return (parent, dataset)
    }

    @Test func validDatasetPrintsSummaryAndExitsZero() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try fixture.edit("survey.toml") { $0.replacingOccurrences(of: "minimum_per_stratum = 2", with: "minimum_per_stratum = 2\nreserve_per_stratum = 0") }
        let result = try run(["validate", "dataset"], in: fixture.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Dataset \"Fixture survey\": valid.\n"))
        #expect(result.standardOutput.contains("  IZ01  Khu công nghiệp An Nghiệp  operating            2"))
        #expect(result.standardOutput.contains("Working days (12): 2023-10-03 "))
        #expect(result.standardError.isEmpty)
    }

    /// The reader's fixture (without its listing) reads well but asks for 12 of its 4 enterprises: validate draws the design too, and
    /// refuses it at the key; a stratum with fewer reserves than asked is a warning, not a failure.
    @Test func aDesignTheFrameCannotSupportIsRefusedAtItsKey() throws {
        let (parent, dataset) = try copyOfValidFixture()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.removeItem(at: dataset.appendingPathComponent("households.csv"))
        let result = try run(["validate", "dataset"], in: parent)
        #expect(result.status == 65)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("dataset/survey.toml:27:8: sample.enterprises.size: expected a design the "
            + "frame can support, found a total of 12 exceeds the 4 units"), "\(result.standardError)")

        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let warned = try run(["validate", "dataset"], in: fixture.root)
        #expect(warned.status == 0, "\(warned.standardError)")
        #expect(warned.standardError.contains("warning: sample.enterprises.reserve_per_stratum: stratum EN-G1 has 0 reserves "
            + "where 5 were asked"), "\(warned.standardError)")
    }

    @Test func malformedDatasetPrintsLocatedProblemsAndExits65() throws {
        let (parent, dataset) = try copyOfValidFixture()
        defer { try? FileManager.default.removeItem(at: parent) }
        let enterprises = dataset.appendingPathComponent("enterprises.csv")
        let text = try String(decoding: Data(contentsOf: enterprises), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "941,31498,,", with: "941,31497,,").utf8).write(to: enterprises)
        let toml = dataset.appendingPathComponent("survey.toml")
        let settings = try String(decoding: Data(contentsOf: toml), as: UTF8.self)
        try Data(settings.replacingOccurrences(of: "buffer_days = 2", with: "bufer_days = 2").utf8).write(to: toml)

        let result = try run(["validate", "dataset"], in: parent)
        #expect(result.status == 65)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.standardError)")
        #expect(lines.first?.hasPrefix("dataset/survey.toml:33:1: fieldwork.bufer_days: expected one of buffer_days") == true)
        #expect(lines.last == "dataset/enterprises.csv:4:38: commune_code: expected a commune_code listed in communes.csv, "
                    + "found \"31497\"")
    }

    @Test func absolutePathsAreShownAsGiven() throws {
        let (parent, dataset) = try copyOfValidFixture()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.removeItem(at: dataset.appendingPathComponent("zones.csv"))
        let result = try run(["validate", dataset.path], in: parent)
        #expect(result.status == 65)
        #expect(result.standardError == "\(dataset.path)/zones.csv: file: expected a required file of the dataset, found no such file\n")
    }

    @Test func defaultDatasetIsResolvedFromTheCurrentDirectory() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let (parent, dataset) = (fixture.root, fixture.dataset)
        let empty = parent.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let missing = try run(["validate"], in: empty)
        #expect(missing.status == 65)
        #expect(missing.standardError == "Inputs/soc-trang-2023: dataset: expected a dataset folder, found no folder at this path\n")

        try FileManager.default.createDirectory(at: parent.appendingPathComponent("Inputs"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: dataset, to: parent.appendingPathComponent("Inputs/soc-trang-2023"))
        let found = try run(["validate"], in: parent)
        #expect(found.status == 0, "\(found.standardError)")
        #expect(found.standardOutput.hasPrefix("Dataset \"Fixture survey\": valid."))
    }
}
