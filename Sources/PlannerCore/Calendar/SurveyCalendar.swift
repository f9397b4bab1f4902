/// The working days of a survey window: the days on which fieldwork may be planned.
public struct SurveyCalendar: Hashable, Sendable {
    public let firstDay: CalendarDate
    public let lastDay: CalendarDate
    public let workingWeekdays: Set<Weekday>
    public let holidays: Set<CalendarDate>

    public init(firstDay: CalendarDate, lastDay: CalendarDate, workingWeekdays: Set<Weekday>,
                holidays: Set<CalendarDate>) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.workingWeekdays = workingWeekdays
        self.holidays = holidays
    }

    /// Every day of the window, working or not, in order.
    public var allDays: [CalendarDate] {
        guard firstDay <= lastDay else { return [] }
        return (firstDay.dayNumber...lastDay.dayNumber).map(CalendarDate.init(dayNumber:))
    }

    /// The working days in order: in the window, on a working weekday, not a holiday.
    public var workingDays: [CalendarDate] { allDays.filter(isWorkingDay) }

    public func contains(_ date: CalendarDate) -> Bool { firstDay <= date && date <= lastDay }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        contains(date) && workingWeekdays.contains(date.weekday) && !holidays.contains(date)
    }
}
