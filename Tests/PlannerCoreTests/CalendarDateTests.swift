import Testing
import PlannerCore

@Suite struct CalendarDateTests {
    @Test func parsesISODatesAndRejectsOthers() {
        #expect(CalendarDate(iso8601: "2023-10-03") == CalendarDate(year: 2023, month: 10, day: 3))
        #expect(CalendarDate(iso8601: "2023-02-29") == nil)
        #expect(CalendarDate(iso8601: "2024-02-29") != nil)
        #expect(CalendarDate(iso8601: "2023-10-3") == nil)
        #expect(CalendarDate(iso8601: "03/10/2023") == nil)
        #expect(CalendarDate(iso8601: "2023-13-01") == nil)
    }

    @Test func dayNumbersRoundTripAndWeekdaysAreRight() {
        let start = CalendarDate(year: 2023, month: 10, day: 3)!
        #expect(start.weekday == .tuesday)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.weekday == .wednesday)
        for offset in -1000...1000 {
            let date = start.adding(days: offset)
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
            #expect(CalendarDate(iso8601: date.description) == date)
        }
    }

    @Test func socTrangWindowHasTwelveWorkingDays() {
        let calendar = SurveyCalendar(
            firstDay: CalendarDate(year: 2023, month: 10, day: 3)!,
            lastDay: CalendarDate(year: 2023, month: 10, day: 18)!,
            workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday], holidays: [])
        #expect(calendar.workingDays.count == 12)
        #expect(calendar.workingDays.first?.description == "2023-10-03")
        #expect(calendar.workingDays.last?.description == "2023-10-18")
        #expect(!calendar.workingDays.contains { $0.weekday == .saturday || $0.weekday == .sunday })
    }
}
