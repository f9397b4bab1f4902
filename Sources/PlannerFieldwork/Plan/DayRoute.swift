import PlannerCore

/// One enumerator's working day: where it goes, in what order, and how the day's minutes add up.
///
/// `usedMinutes` = `travelMinutes` + `moveMinutes` + `interviewMinutes`, never above `budgetMinutes`; the day
/// runs from `startMinutes` to `endMinutes` with the lunch break (if due) and any waiting in between.
public struct DayRoute: Hashable, Sendable, Codable {
    public var enumeratorID: EnumeratorID
    public var date: CalendarDate
    /// The commune the enumerator's base lies in (where the day starts and ends).
    public var baseCommune: CommuneCode
    /// Site IDs in visiting order.
    public var siteIDs: [String]
    /// Unit IDs in visiting order.
    public var unitIDs: [String]
    /// Road travel: base → first site → … → last site → base.
    public var travelMinutes: Double
    /// The last leg, back to the base (included in `travelMinutes`).
    public var returnTravelMinutes: Double
    /// Moves between visits inside a site.
    public var moveMinutes: Double
    public var interviewMinutes: Int
    public var usedMinutes: Double
    /// The enumerator's daily minutes.
    public var budgetMinutes: Int
    public var startMinutes: Int
    /// Back at the base, minutes after midnight, rounded.
    public var endMinutes: Int
    /// `startMinutes` and `endMinutes` as `HH:MM`.
    public var start: String
    public var end: String
    /// The lunch break's start, minutes after midnight, rounded; nil when the day is back before it is due.
    public var breakStartMinutes: Int?
    public var breakMinutes: Int
    /// Minutes spent waiting for an office to open or for the break window.
    public var waitingMinutes: Double

    public init(enumeratorID: EnumeratorID, date: CalendarDate, baseCommune: CommuneCode, siteIDs: [String],
                unitIDs: [String], travelMinutes: Double, returnTravelMinutes: Double, moveMinutes: Double,
                interviewMinutes: Int, budgetMinutes: Int, startMinutes: Int, endMinutes: Int? = nil,
                breakStartMinutes: Int? = nil, breakMinutes: Int = 0, waitingMinutes: Double = 0) {
        self.enumeratorID = enumeratorID
        self.date = date
        self.baseCommune = baseCommune
        self.siteIDs = siteIDs
        self.unitIDs = unitIDs
        self.travelMinutes = travelMinutes
        self.returnTravelMinutes = returnTravelMinutes
        self.moveMinutes = moveMinutes
        self.interviewMinutes = interviewMinutes
        self.usedMinutes = travelMinutes + moveMinutes + Double(interviewMinutes)
        self.budgetMinutes = budgetMinutes
        self.startMinutes = startMinutes
        self.endMinutes = endMinutes ?? startMinutes + Int(usedMinutes.rounded())
        self.breakStartMinutes = breakStartMinutes
        self.breakMinutes = breakStartMinutes == nil ? 0 : breakMinutes
        self.waitingMinutes = waitingMinutes
        self.start = WorkingDay.clock(startMinutes)
        self.end = WorkingDay.clock(self.endMinutes)
    }
}
