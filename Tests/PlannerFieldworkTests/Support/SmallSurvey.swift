import PlannerCore
import PlannerFieldwork

/// Hand-sized surveys: a few communes close together, a few enumerators, a short window.
enum SmallSurvey {
    /// Monday 2 to Friday 6 October 2023: five working days.
    static let oneWeek = SurveyCalendar(firstDay: CalendarDate(year: 2023, month: 10, day: 2)!,
                                        lastDay: CalendarDate(year: 2023, month: 10, day: 6)!,
                                        workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
                                        holidays: [])

    static let centre = GeoPoint(latitude: 9.60, longitude: 105.97)

    /// A point `east` and `north` kilometres from the centre.
    static func point(east: Double, north: Double) -> GeoPoint {
        GeoPoint(latitude: centre.latitude + north / 111.0, longitude: centre.longitude + east / 109.5)
    }

    static func commune(_ code: String, district: String = "941", east: Double, north: Double) -> Commune {
        Commune(code: CommuneCode(code), name: "Commune \(code)", type: .ward, districtCode: DistrictCode(district),
                districtName: "District \(district)", location: point(east: east, north: north), households: 1000)
    }

    static func enumerator(_ id: String, district: String = "941", at location: GeoPoint, skills: Set<Skill>,
                           dailyMinutes: Int = 480) -> Enumerator {
        Enumerator(id: EnumeratorID(id), name: id, postOffice: "Bưu cục", districtCode: DistrictCode(district),
                   location: location, skills: skills, dailyMinutes: dailyMinutes)
    }

    /// `count` households (IDs `prefix0001`…) at a commune's point, labelled by register line.
    static func households(_ count: Int, in commune: Commune, prefix: String) -> [FieldworkUnit] {
        (0..<count).map { index in
            FieldworkUnit(id: "\(prefix)\(format4(index + 1))", kind: .household, communeCode: commune.code,
                          districtCode: commune.districtCode, label: String(index + 1),
                          stratumID: commune.districtCode.rawValue)
        }
    }

    static func enterprises(_ count: Int, in commune: Commune, prefix: String) -> [FieldworkUnit] {
        (0..<count).map { index in
            FieldworkUnit(id: "\(prefix)\(format4(index + 1))", kind: .enterprise, communeCode: commune.code,
                          districtCode: commune.districtCode, location: commune.location,
                          label: "Enterprise \(prefix)\(index + 1)", stratumID: commune.districtCode.rawValue)
        }
    }

    static func dataset(communes: [Commune], enumerators: [Enumerator], unavailability: [Unavailability] = [],
                        calendar: SurveyCalendar = oneWeek, parameters: FieldworkParameters = FieldworkParameters(),
                        zones: [IndustrialZone] = [], travelOverrides: [TravelOverride] = []) -> Dataset {
        Dataset(settings: SurveySettings(name: "small", calendar: calendar, seed: 1, fieldwork: parameters),
                communes: communes, zones: zones, enterprises: [], enumerators: enumerators,
                unavailability: unavailability, travelOverrides: travelOverrides)
    }
}
