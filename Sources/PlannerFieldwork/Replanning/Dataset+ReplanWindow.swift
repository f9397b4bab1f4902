import PlannerCore

extension Dataset {
    /// The dataset as work planned from `asOf` must see it: the window starts at `asOf` (never before the
    /// survey's first day) and has no buffer days, since the buffer kept for trouble may now be used
    /// (docs/replanning.md). The one statement of this window for the re-planning model and the naive policy.
    func replanWindow(from asOf: CalendarDate) -> Dataset {
        var planning = self
        let calendar = settings.calendar
        planning.settings.calendar = SurveyCalendar(
            firstDay: max(calendar.firstDay, asOf), lastDay: calendar.lastDay,
            workingWeekdays: calendar.workingWeekdays, holidays: calendar.holidays)
        planning.settings.fieldwork.bufferDays = 0
        return planning
    }
}
