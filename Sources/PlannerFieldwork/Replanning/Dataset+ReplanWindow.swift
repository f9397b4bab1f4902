import PlannerCore

extension Dataset {
    /// The dataset as work planned from `asOf` must see it: the window starts at `asOf` (never before the
    /// survey's first day) and its last `kept` working days are buffer, out of the plan (none by default: the
    /// buffer kept for trouble may now be used; `Replanner` first tries to keep it, docs/replanning.md). The one
    /// statement of this window for the re-planning model and the naive policy.
    func replanWindow(from asOf: CalendarDate, keepingBufferDays kept: Int = 0) -> Dataset {
        var planning = self
        let calendar = settings.calendar
        planning.settings.calendar = SurveyCalendar(
            firstDay: max(calendar.firstDay, asOf), lastDay: calendar.lastDay,
            workingWeekdays: calendar.workingWeekdays, holidays: calendar.holidays)
        planning.settings.fieldwork.bufferDays = kept
        return planning
    }
}
