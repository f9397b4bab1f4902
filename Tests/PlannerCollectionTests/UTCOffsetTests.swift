import PlannerCollection
import PlannerCore
import Testing

@Suite struct UTCOffsetTests {
    @Test(arguments: [("+07:00", 420), ("-03:30", -210), ("+7", 420), ("Z", 0), ("+14:00", 840)])
    func offsetsParse(text: String, minutes: Int) {
        #expect(UTCOffset(text)?.minutes == minutes)
    }

    @Test(arguments: ["07:00", "+7:5", "+15:00", "+07:60", "", "+", "UTC+7"])
    func nonsenseIsRefused(text: String) {
        #expect(UTCOffset(text) == nil)
    }

    @Test func descriptionRoundTrips() {
        for minutes in stride(from: -14 * 60, through: 14 * 60, by: 15) {
            let offset = UTCOffset(minutes: minutes)!
            #expect(UTCOffset(offset.description) == offset)
        }
    }

    @Test func movingATimeCrossesMidnightBothWays() {
        let day = CalendarDate(year: 2023, month: 10, day: 3)!
        let late = LocalTimestamp(date: day, hour: 18, minute: 30, second: 0)!
        #expect(UTCOffset("+07:00")!.local(fromUTC: late).description == "2023-10-04 01:30:00")
        let early = LocalTimestamp(date: day, hour: 2, minute: 0, second: 0)!
        #expect(UTCOffset("-05:00")!.local(fromUTC: early).description == "2023-10-02 21:00:00")
    }
}
