import Foundation
import PlannerCollection
import PlannerFieldwork
import PlannerFormats
import PlannerTestSupport
import Testing

@Suite struct SurveySolutionsExportTests {
    let reader = SurveySolutionsExport(utcOffset: CollectionFixture.vietnam)

    @Test func completionsBecomeVisitsWithTheirOutcomeAndSentBackOnesArePostponed() throws {
        let read = try reader.read(zip: try CollectionFixture.surveySolutionsZip(), name: "export.zip")
        let progress = try CollectedProgress(read.visits, context: CollectionFixture.context)
        #expect(progress.visits == [
            CollectionFixture.visit("HH-1", 3, "EN01", .completed),      // Completed, outcome 1
            CollectionFixture.visit("HH-2", 3, "EN01", .postponed),      // rejected by the supervisor afterwards
            CollectionFixture.visit("DN0001", 3, "EN02", .postponed),    // rejected by headquarters, then …
            CollectionFixture.visit("HH-4", 4, "EN02", .notAtHome),      // 18:30 UTC on 3 Oct is 4 Oct in Viet Nam
            CollectionFixture.visit("DN0001", 5, "EN02", .refused),      // … completed again: outcome 2
            CollectionFixture.visit("HH-6", 5, "EN01", .notFound),       // restarted and completed the same day
        ].sorted(by: RecordedVisit.historyOrder))
        #expect(read.summary.records == 7)
        #expect(read.summary.visits == 6)
        #expect(read.summary.sentBack == 2)
        #expect(read.summary.skipped.map(\.reason) == ["not completed yet", "deleted"])
        #expect(read.summary.skipped.map(\.count) == [1, 1])
        #expect(read.summary.file == "export.zip/households.tab")
    }

    @Test func theOffsetDecidesTheDayOfALateCompletion() throws {
        let utc = SurveySolutionsExport(utcOffset: UTCOffset("+00:00")!)
        let read = try utc.read(zip: try CollectionFixture.surveySolutionsZip(), name: "export.zip")
        let late = try #require(read.visits.first { $0.unitID == "HH-4" })
        #expect(late.time.date == CollectionFixture.date(3))
    }

    @Test func withoutAnOutcomeVariableEveryHandedInInterviewIsCompleted() throws {
        let main = try CollectionFixture.fixtureText("households.tab").split(separator: "\n").map { line in
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            fields.remove(at: 12)
            return fields.joined(separator: "\t")
        }.joined(separator: "\n")
        let read = try reader.read(zip: try CollectionFixture.surveySolutionsZip(replacing: ["households.tab": main]),
                                   name: "export.zip")
        #expect(Set(read.visits.filter { $0.unitID == "HH-4" || $0.unitID == "HH-6" }.map(\.status)) == [.completed])
        #expect(read.visits.filter { $0.status == .postponed }.count == 2)
    }

    @Test func aBlankOutcomeOfAnInterviewSentBackIsNoProblemButOfAHandedInOneIs() throws {
        // HH-2 (line 3) was rejected: its blank outcome does not matter. HH-1 (line 2) was approved: it does.
        let main = try CollectionFixture.fixtureText("households.tab").split(separator: "\n").enumerated().map { index, line in
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if index == 1 || index == 2 { fields[12] = "-999999999" }
            return fields.joined(separator: "\t")
        }.joined(separator: "\n")
        let zip = try CollectionFixture.surveySolutionsZip(replacing: ["households.tab": main])
        let error = try #require(throws: InvalidInput.self) { try reader.read(zip: zip, name: "export.zip") }
        #expect(error.problems.map { "\($0.line!) \($0.field)" } == ["2 visit_outcome"])
    }

    @Test func anExportWithoutTheActionsFileIsRefusedNamingIt() throws {
        let zip = try CollectionFixture.surveySolutionsZip(leavingOut: ["interview__actions.tab"])
        let error = try #require(throws: InvalidInput.self) { try reader.read(zip: zip, name: "export.zip") }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].file == "export.zip")
        #expect(error.problems[0].field == "interview__actions.tab")
    }

    @Test func aFileThatIsNotAZipIsRefused() throws {
        let error = try #require(throws: InvalidInput.self) {
            try reader.read(zip: Data("interview__id\tinterview__status\n".utf8), name: "export.zip")
        }
        #expect(error.problems.map(\.field) == ["archive"])
    }

    @Test func badValuesAreLocatedInTheFileInsideTheZip() throws {
        var main = try CollectionFixture.fixtureText("households.tab")
        main = main.replacingOccurrences(of: "\t0\t100\t2\n", with: "\t0\tCompletd\t2\n")
        var actions = try CollectionFixture.fixtureText("interview__actions.tab")
        actions = actions.replacingOccurrences(of: "2023-10-03\t03:20:00", with: "03/10/2023\t03:20:00")
        let zip = try CollectionFixture.surveySolutionsZip(replacing: ["households.tab": main, "interview__actions.tab": actions])
        let error = try #require(throws: InvalidInput.self) { try reader.read(zip: zip, name: "export.zip") }
        let status = try #require(error.problems.first { $0.field == "interview__status" })
        #expect(status.file == "export.zip/households.tab")
        #expect(status.location == SourceLocation(line: 2, column: 129))
        let date = try #require(error.problems.first { $0.field == "date" })
        #expect(date.file == "export.zip/interview__actions.tab")
        #expect(date.line == 6)
        #expect(date.column == 46)
    }

    @Test func aRecordWithTheWrongNumberOfFieldsIsAProblemNotAGuess() throws {
        let actions = try CollectionFixture.fixtureText("interview__actions.tab") + "12-34-56-78\tonly two\n"
        let zip = try CollectionFixture.surveySolutionsZip(replacing: ["interview__actions.tab": actions])
        let error = try #require(throws: InvalidInput.self) { try reader.read(zip: zip, name: "export.zip") }
        #expect(error.problems.map(\.description) == [
            "export.zip/interview__actions.tab:19:1: record: expected 9 tab-separated fields, as in the header, found 2 fields",
        ])
    }

    @Test func aHandedInInterviewWithoutACompletionIsAProblem() throws {
        let actions = try CollectionFixture.fixtureText("interview__actions.tab").split(separator: "\n")
            .filter { !$0.contains("2023-10-03\t02:15:09") }.joined(separator: "\n")
        let zip = try CollectionFixture.surveySolutionsZip(replacing: ["interview__actions.tab": actions])
        let error = try #require(throws: InvalidInput.self) { try reader.read(zip: zip, name: "export.zip") }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].expected.contains("Completed action (code 3) for interview 12-34-56-78"))
    }
}
