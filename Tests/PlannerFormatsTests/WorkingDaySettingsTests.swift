import Foundation
import PlannerCore
import PlannerFormats
import PlannerTestSupport
import Testing

@Suite("survey.toml [fieldwork] working day")
struct WorkingDaySettingsTests {
    private let head = "[survey]\nfirst_day = 2023-10-03\nlast_day = 2023-10-18\n[fieldwork]\n"

    private func read(_ text: String) throws(InvalidInput) -> SurveySettings { try SurveyTOML.read(text) }

    private func problems(_ text: String) -> [String] { SurveyTOML.problems(text) }

    @Test func clockTimesAreRead() throws {
        let settings = try read(head + """
            day_start = "07:00"
            day_end = "16:30"
            lunch_earliest_start = "11:30"
            lunch_latest_end = "13:30"
            lunch_minutes = 90
            office_opens = "07:30"
            office_closes = "17:00"
            """)
        #expect(settings.fieldwork.workingDay == WorkingDay(
            startMinutes: 420, endMinutes: 990, breakEarliestStartMinutes: 690, breakLatestEndMinutes: 810,
            breakMinutes: 90, officeOpensMinutes: 450, officeClosesMinutes: 1020))
    }

    @Test func theDefaultDayIsDocumented() throws {
        #expect(try read(head).fieldwork.workingDay == WorkingDay())
        #expect(WorkingDay().longestWorkMinutes == 510)
    }

    @Test func aBreakOutsideTheDayIsLocatedAtItsKey() {
        // lunch_latest_end is left at 13:30: the problem points at day_end, whose value made it wrong.
        #expect(problems(head + "day_end = \"13:00\"\n") == [
            "survey.toml:5:11: fieldwork.lunch_latest_end: expected a time inside the day (until day_end 13:00), "
                + "found 13:30",
        ])
        #expect(problems(head + "lunch_latest_end = \"18:00\"\n") == [
            "survey.toml:5:20: fieldwork.lunch_latest_end: expected a time inside the day (until day_end 17:00), "
                + "found 18:00",
        ])
    }

    @Test func aBreakLongerThanItsWindowIsRefused() {
        let found = problems(head + "lunch_minutes = 200\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("survey.toml:5:17: fieldwork.lunch_minutes: expected a break that fits") == true)
    }

    @Test func emptyOfficeHoursAreRefused() {
        let found = problems(head + "office_opens = \"16:00\"\noffice_closes = \"09:00\"\n")
        #expect(found == ["survey.toml:6:17: fieldwork.office_closes: expected a time after office_opens (16:00), found 09:00"])
    }

    @Test func malformedTimesAndAZeroPatternLimitAreRefused() {
        #expect(problems(head + "day_start = \"7h30\"\n") == [
            "survey.toml:5:13: fieldwork.day_start: expected a time of day \"HH:MM\" between 00:00 and 24:00, "
                + "found a string \"7h30\"",
        ])
        #expect(problems(head + "day_start = \"25:00\"\n").count == 1)
        #expect(problems(head + "max_communes_per_day = 0\n") == [
            "survey.toml:5:24: fieldwork.max_communes_per_day: expected an integer in 1…100, found 0",
        ])
    }
}
