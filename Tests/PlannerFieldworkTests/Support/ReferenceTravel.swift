import PlannerCore
import PlannerFieldwork

/// The travel rules of the brief, written again independently of the planner, to check its numbers.
struct ReferenceTravel {
    let dataset: Dataset

    var parameters: FieldworkParameters { dataset.settings.fieldwork }

    func minutes(from: (commune: CommuneCode, point: GeoPoint), to: (commune: CommuneCode, point: GeoPoint)) -> Double {
        if let given = dataset.travelOverrides.last(where: { $0.from == from.commune && $0.to == to.commune }) {
            return given.minutes
        }
        if let given = dataset.travelOverrides.last(where: { $0.from == to.commune && $0.to == from.commune }) {
            return given.minutes
        }
        let kilometres = from.point.distanceKilometres(to: to.point)
        return kilometres * parameters.circuityFactor / parameters.speedKmPerHour * 60
    }

    func base(of enumerator: Enumerator) -> (commune: CommuneCode, point: GeoPoint) {
        let own = dataset.communes.filter { $0.districtCode == enumerator.districtCode }
        let nearest = own.min {
            enumerator.location.distanceKilometres(to: $0.location) < enumerator.location.distanceKilometres(to: $1.location)
        }!
        return (nearest.code, enumerator.location)
    }

    /// Where a visit to the unit arrives: its operating zone's office, or its commune's point.
    func site(of unit: FieldworkUnit) -> (id: String, commune: CommuneCode, point: GeoPoint) {
        if let zoneID = unit.zoneID, let zone = dataset.zones.first(where: { $0.id == zoneID }) {
            return (zone.id.rawValue, zone.communeCode, zone.location)
        }
        let commune = dataset.communes.first { $0.code == unit.communeCode }!
        return (commune.code.rawValue, commune.code, commune.location)
    }

    func interviewMinutes(_ kind: FieldworkUnit.Kind) -> Int {
        kind == .household ? parameters.householdInterviewMinutes : parameters.enterpriseInterviewMinutes
    }

    /// Non-buffer working days of the window on which the enumerator is available.
    func usableDays(of enumerator: EnumeratorID) -> [CalendarDate] {
        let calendar = dataset.settings.calendar
        var working: [CalendarDate] = []
        var day = calendar.firstDay
        while day <= calendar.lastDay {
            if calendar.workingWeekdays.contains(day.weekday) && !calendar.holidays.contains(day) { working.append(day) }
            day = day.adding(days: 1)
        }
        let plannable = working.dropLast(min(parameters.bufferDays, working.count))
        return plannable.filter { date in
            !dataset.unavailability.contains { $0.enumeratorID == enumerator && $0.from <= date && ($0.to ?? date) >= date }
        }
    }
}
