import Foundation
import PlannerCollection
import PlannerFieldwork
import PlannerFormats
import Testing

@Suite struct SurveyCTOSubmissionsTests {
    let reader = SurveyCTOSubmissions(surveyOffset: CollectionFixture.vietnam)

    @Test func submissionsBecomeVisitsAndRejectedOnesAreLeftOut() throws {
        let read = try reader.read(csv: try Data(contentsOf: CollectionFixture.surveyCTO), name: "household.csv")
        #expect(read.summary.records == 6)
        #expect(read.summary.visits == 5)
        #expect(read.summary.skipped.map(\.reason) == ["rejected in review"])
        let progress = try CollectedProgress(read.visits, context: CollectionFixture.context)
        #expect(progress.visits == [
            CollectionFixture.visit("HH-1", 3, "EN01", .completed),
            CollectionFixture.visit("HH-2", 3, "EN01", .completed),   // not at home at 9:05, completed at 15:40
            CollectionFixture.visit("DN0001", 4, "EN02", .refused),   // the day it started, not the day it was sent
            CollectionFixture.visit("HH-5", 5, "EN02", .postponed),
        ])
        #expect(progress.superseded == 1)
    }

    @Test func utcTimesAreMovedToTheSurveyDay() throws {
        let utc = SurveyCTOSubmissions(surveyOffset: CollectionFixture.vietnam, timesAreUTC: true)
        let read = try utc.read(csv: try Data(contentsOf: CollectionFixture.surveyCTO), name: "household.csv")
        // 2023-10-05T14:00:00 UTC is 21:00 the same day; 3:40 PM UTC on 3 Oct is 22:40.
        let times = read.visits.map(\.time.description)
        #expect(times.contains("2023-10-05 21:00:00"))
        #expect(times.contains("2023-10-03 22:40:00"))
    }

    @Test func aFormWithoutTheCaseOrUserFieldIsRefusedNamingBoth() throws {
        let data = Data("SubmissionDate,starttime,visit_outcome,KEY\n\"Oct 3, 2023 5:02:11 PM\",\"Oct 3, 2023 8:15:00 AM\",1,uuid:1\n".utf8)
        let error = try #require(throws: InvalidInput.self) { try reader.read(csv: data, name: "h.csv") }
        #expect(error.problems.map(\.field) == ["caseid", "username"])
    }

    @Test func badValuesAreLocated() throws {
        let data = Data("""
            starttime,username,caseid,visit_outcome
            "Oct 3, 2023 8:15:00 AM",en01,,1
            "3/10/2023 8:15",en01,HH-1,1
            "Oct 3, 2023 8:15:00 AM",en01,HH-1,9
            """.utf8)
        let error = try #require(throws: InvalidInput.self) { try reader.read(csv: data, name: "h.csv") }
        #expect(error.problems.map { "\($0.line!):\($0.column!) \($0.field)" } ==
                ["2:31 caseid", "3:1 starttime", "4:36 visit_outcome"])
    }

    @Test func unknownUnitsLoginsAndDaysOutsideTheWindowAreReportedWhereTheExportHoldsThem() throws {
        let data = Data("""
            starttime,username,caseid,visit_outcome
            "Oct 3, 2023 8:15:00 AM",en09,HH-1,1
            "Oct 3, 2023 9:15:00 AM",en01,HH-99,1
            "Sep 29, 2023 9:15:00 AM",en01,HH-2,1
            """.utf8)
        let read = try reader.read(csv: data, name: "h.csv")
        let error = try #require(throws: InvalidInput.self) { try CollectedProgress(read.visits, context: CollectionFixture.context) }
        #expect(error.problems.map { "\($0.file):\($0.line!):\($0.column!) \($0.field)" } ==
                ["h.csv:2:26 username", "h.csv:3:31 caseid", "h.csv:4:1 starttime"])
    }

    @Test func twoOutcomesAtTheSameSecondCannotBeOrdered() throws {
        let data = Data("""
            starttime,username,caseid,visit_outcome,KEY
            "Oct 3, 2023 8:15:00 AM",en01,HH-1,1,uuid:a
            "Oct 3, 2023 8:15:00 AM",en01,HH-1,2,uuid:b
            "Oct 3, 2023 8:15:00 AM",en01,HH-2,2,uuid:c
            "Oct 3, 2023 8:15:00 AM",en01,HH-2,2,uuid:c
            """.utf8)
        let read = try reader.read(csv: data, name: "h.csv")
        let error = try #require(throws: InvalidInput.self) { try CollectedProgress(read.visits, context: CollectionFixture.context) }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].found.contains("uuid:a"))
        #expect(error.problems[0].found.contains("uuid:b"))
    }

    @Test func untilLeavesOutTheDaysTheReplanWillPlan() throws {
        var context = CollectionFixture.context
        context.until = CollectionFixture.date(4)
        let read = try reader.read(csv: try Data(contentsOf: CollectionFixture.surveyCTO), name: "household.csv")
        let progress = try CollectedProgress(read.visits, context: context)
        #expect(progress.visits.map(\.unitID) == ["HH-1", "HH-2"])
        #expect(progress.afterUntil == 2)
    }
}
