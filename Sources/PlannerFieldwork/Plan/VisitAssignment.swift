import PlannerCore

/// When, by whom and in what order one unit is visited.
public struct VisitAssignment: Hashable, Sendable, Codable {
    public var unitID: String
    public var unitKind: FieldworkUnit.Kind
    public var label: String
    public var enumeratorID: EnumeratorID
    public var date: CalendarDate
    /// 1-based position in the enumerator's day.
    public var visitOrder: Int
    /// The site the visit belongs to (commune code or zone ID).
    public var siteID: String
    /// Minutes after midnight, rounded to the minute.
    public var plannedStartMinutes: Int
    /// The same as `HH:MM`.
    public var plannedStart: String
    /// Minutes on the way to this visit: road travel from the base or the previous site for a site's first
    /// visit, the in-site move otherwise.
    public var travelMinutes: Double
    public var interviewMinutes: Int

    public init(unitID: String, unitKind: FieldworkUnit.Kind, label: String, enumeratorID: EnumeratorID,
                date: CalendarDate, visitOrder: Int, siteID: String, plannedStartMinutes: Int, travelMinutes: Double,
                interviewMinutes: Int) {
        self.unitID = unitID
        self.unitKind = unitKind
        self.label = label
        self.enumeratorID = enumeratorID
        self.date = date
        self.visitOrder = visitOrder
        self.siteID = siteID
        self.plannedStartMinutes = plannedStartMinutes
        self.plannedStart = WorkingDay.clock(plannedStartMinutes)
        self.travelMinutes = travelMinutes
        self.interviewMinutes = interviewMinutes
    }
}
