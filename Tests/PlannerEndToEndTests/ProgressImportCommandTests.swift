import Foundation
import PlannerTestSupport
import Testing

/// `planner progress import` on a planned fixture: a Survey Solutions export of the first two days becomes a
/// progress file that `planner replan` accepts and `planner verify` checks.
@Suite("planner progress import", .serialized)
struct ProgressImportCommandTests {
    /// The visits planned for 3 and 4 October, made as planned, outcomes cycling through the six codes.
    static func firstTwoDays(_ plan: URL) throws -> [CollectionExports.Visit] {
        try CollectionExports.assignments(plan: plan).filter { $0["visit_date"]! < "2023-10-05" }.enumerated()
            .map { index, row in
                CollectionExports.Visit(assignment: row, date: row["visit_date"]!, outcome: index % 4 == 3 ? 3 : 1)
            }
    }

    @Test func anImportedExportIsAProgressFileTheReplanAccepts() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let plan = try fixture.plan()
        let visits = try Self.firstTwoDays(plan)
        try #require(!visits.isEmpty)
        try CollectionExports.surveySolutionsZip(visits).write(to: fixture.root.appendingPathComponent("export.zip"))

        let run = try PlannerProcess.run(["progress", "import", "plan", "--survey-solutions", "export.zip",
                                          "--out", "progress.csv"], in: fixture.root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("export.zip/households.tab: \(visits.count) records, \(visits.count) visits"))
        let rows = try PlanFolderReader(folder: fixture.root).rows("progress.csv")
        #expect(rows.count == visits.count)
        let expected = Set(visits.map { "\($0.unitID) \($0.date) \($0.assignment["enumerator_id"]!) \($0.outcome == 1 ? "completed" : "not_at_home")" })
        #expect(Set(rows.map { "\($0["unit_id"]!) \($0["date"]!) \($0["enumerator_id"]!) \($0["status"]!)" }) == expected)

        let replan = try PlannerProcess.run(["replan", "plan", "--as-of", "2023-10-05", "--progress", "progress.csv",
                                             "--out", "r1", "--quiet"], in: fixture.root)
        #expect(replan.status == 0, "\(replan.standardError)")
        let history = try PlanFolderReader(folder: fixture.root.appendingPathComponent("r1")).rows("assignments.csv")
            .filter { $0["status"] != "planned" }
        #expect(history.count == visits.count)
        let verify = try PlannerProcess.run(["verify", "r1"], in: fixture.root)
        #expect(verify.status == 0, "\(verify.standardError)")
    }

    @Test func surveySolutionsAndSurveyCTOExportsMakeOneProgressFile() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let plan = try fixture.plan()
        let visits = try Self.firstTwoDays(plan)
        // Households on Survey Solutions, enterprises on SurveyCTO.
        let households = visits.filter { $0.assignment["unit_type"] == "household" }
        let enterprises = visits.filter { $0.assignment["unit_type"] == "enterprise" }
        try #require(!households.isEmpty && !enterprises.isEmpty)
        try CollectionExports.surveySolutionsZip(households).write(to: fixture.root.appendingPathComponent("hh.zip"))
        try CollectionExports.surveyCTOCSV(enterprises).write(to: fixture.root.appendingPathComponent("dn.csv"))
        let run = try PlannerProcess.run(["progress", "import", "plan", "--survey-solutions", "hh.zip", "--surveycto", "dn.csv",
                                          "--out", "progress.csv"], in: fixture.root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("dn.csv: \(enterprises.count) records, \(enterprises.count) visits"))
        let rows = try PlanFolderReader(folder: fixture.root).rows("progress.csv")
        #expect(rows.count == visits.count)
        #expect(Set(rows.map { $0["unit_id"]! }) == Set(visits.map(\.unitID)))
        let replan = try PlannerProcess.run(["replan", "plan", "--as-of", "2023-10-05", "--progress", "progress.csv",
                                             "--out", "r1", "--quiet"], in: fixture.root)
        #expect(replan.status == 0, "\(replan.standardError)")
    }

    @Test func anExistingProgressFileIsNeverOverwritten() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let plan = try fixture.plan()
        try CollectionExports.surveySolutionsZip(try Self.firstTwoDays(plan))
            .write(to: fixture.root.appendingPathComponent("export.zip"))
        let existing = Data("unit_id,date,enumerator_id,status\n".utf8)
        try existing.write(to: fixture.root.appendingPathComponent("progress.csv"))
        let run = try PlannerProcess.run(["progress", "import", "plan", "--survey-solutions", "export.zip",
                                          "--out", "progress.csv"], in: fixture.root)
        #expect(run.status == 73)
        #expect(run.standardError.contains("never overwritten"))
        #expect(try Data(contentsOf: fixture.root.appendingPathComponent("progress.csv")) == existing)
    }

    @Test func anUnknownLoginIsLocatedInTheFileInsideTheZipAndNothingIsWritten() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let plan = try fixture.plan()
        var visits = try Self.firstTwoDays(plan)
        visits[0].login = "nobody"
        try CollectionExports.surveySolutionsZip(visits).write(to: fixture.root.appendingPathComponent("export.zip"))
        let run = try PlannerProcess.run(["progress", "import", "plan", "--survey-solutions", "export.zip",
                                          "--out", "progress.csv"], in: fixture.root)
        #expect(run.status == 65)
        #expect(run.standardError.contains("export.zip/interview__actions.tab:3:"), "\(run.standardError)")
        #expect(run.standardError.contains("originator"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("progress.csv").path))
    }

    @Test func noExportIsABadArgument() throws {
        let run = try PlannerProcess.run(["progress", "import", "plan", "--out", "p.csv"],
                                         in: FileManager.default.temporaryDirectory)
        #expect(run.status == 64)
    }
}
