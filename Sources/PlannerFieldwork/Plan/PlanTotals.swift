/// Sums over a plan, recomputed from its routes (the real travel after merging, not the MIP's round trips).
public struct PlanTotals: Hashable, Sendable, Codable {
    public var units: Int
    public var scheduledUnits: Int
    public var unscheduledUnits: Int
    public var enumeratorDays: Int
    public var enumeratorsUsed: Int
    /// Road travel of all routes.
    public var travelMinutes: Double
    public var moveMinutes: Double
    public var interviewMinutes: Int
    /// Day-trips of the chosen MIP solution that received units.
    public var dayTrips: Int
    /// Enumerator-days saved by merging partial day-trips (`dayTrips − enumeratorDays`).
    public var daysSavedByMerging: Int
    /// Σ round trips of the chosen day-trips: the travel the MIP priced before merging.
    public var modelTravelMinutes: Double

    public init(units: Int, scheduledUnits: Int, unscheduledUnits: Int, enumeratorDays: Int, enumeratorsUsed: Int,
                travelMinutes: Double, moveMinutes: Double, interviewMinutes: Int, dayTrips: Int,
                daysSavedByMerging: Int, modelTravelMinutes: Double) {
        self.units = units
        self.scheduledUnits = scheduledUnits
        self.unscheduledUnits = unscheduledUnits
        self.enumeratorDays = enumeratorDays
        self.enumeratorsUsed = enumeratorsUsed
        self.travelMinutes = travelMinutes
        self.moveMinutes = moveMinutes
        self.interviewMinutes = interviewMinutes
        self.dayTrips = dayTrips
        self.daysSavedByMerging = daysSavedByMerging
        self.modelTravelMinutes = modelTravelMinutes
    }
}
