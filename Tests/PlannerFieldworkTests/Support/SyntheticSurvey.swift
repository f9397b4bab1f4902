import PlannerCore
@testable import PlannerFieldwork
import PlannerTestSupport

/// A seeded, Sóc-Trăng-like survey: districts on a ~70 × 60 km plane, communes around district centres, an
/// operating industrial zone, post-office enumerators and a sample of households and enterprises.
struct SyntheticSurvey {
    struct Size {
        var districts = 11
        var communesPerDistrict = 10
        /// Communes with sampled households, spread over all districts.
        var sampledCommunes = 100
        var households = 1_700
        var enterprises = 350
        var enterprisesInZone = 40
        var enumeratorsPerDistrict = 5
        /// Share of enumerators who also interview enterprises.
        var enterpriseSkillShare = 0.5
        /// Share of enumerators with one unavailable span.
        var unavailabilityShare = 0.1
        /// Households with a listed location (the others are register lines at the commune point).
        var locatedHouseholdShare = 0.0
        /// Field minutes a day, one drawn per enumerator.
        var dailyMinutes = [420, 450, 480]

        static let defaultLike = Size()
        /// The bench's harder case (solver-bench.md): 3,000 households on the same staff.
        static let heavy = Size(households: 3_000)
        /// Post-office staff giving only half days to fieldwork.
        static let halfDays = Size(dailyMinutes: [210, 240, 270])
        /// More work than the staff can do: 3,000 households on half days.
        static let overloaded = Size(households: 3_000, dailyMinutes: [210, 240, 270])
        static let medium = Size(districts: 3, communesPerDistrict: 6, sampledCommunes: 15, households: 180,
                                 enterprises: 40, enterprisesInZone: 8, enumeratorsPerDistrict: 3,
                                 unavailabilityShare: 0.3, locatedHouseholdShare: 0.5)
    }

    let dataset: Dataset
    let units: [FieldworkUnit]

    var request: FieldworkRequest { FieldworkRequest(dataset: dataset, units: units) }

    /// The survey window 3–18 October 2023, Mon–Fri; `holiday` adds one (to test that none is planned on it).
    static func calendar(holiday: CalendarDate? = nil) -> SurveyCalendar {
        SurveyCalendar(firstDay: CalendarDate(year: 2023, month: 10, day: 3)!,
                       lastDay: CalendarDate(year: 2023, month: 10, day: 18)!,
                       workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
                       holidays: holiday.map { [$0] } ?? [])
    }

    init(seed: UInt64, size: Size = .defaultLike, parameters: FieldworkParameters = FieldworkParameters(),
         holiday: CalendarDate? = nil) {
        var random = SplitMix64(seed: seed)
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        let origin = GeoPoint(latitude: 9.35, longitude: 105.65)
        // ~111 km per degree of latitude, ~109.5 km per degree of longitude at 9.5° N.
        func point(xKilometres: Double, yKilometres: Double) -> GeoPoint {
            GeoPoint(latitude: origin.latitude + yKilometres / 111.0, longitude: origin.longitude + xKilometres / 109.5)
        }

        var communes: [Commune] = []
        var districtCentres: [(DistrictCode, Double, Double)] = []
        for district in 0..<size.districts {
            let code = DistrictCode(String(941 + district))
            let (x, y) = (uniform(8...62), uniform(8...52))
            districtCentres.append((code, x, y))
            for index in 0..<size.communesPerDistrict {
                let communeCode = CommuneCode(String(31_000 + district * 100 + index))
                communes.append(Commune(code: communeCode, name: "Xã \(district)-\(index)", type: .commune,
                                        districtCode: code, districtName: "District \(code)",
                                        location: point(xKilometres: x + uniform(-7...7), yKilometres: y + uniform(-7...7)),
                                        households: 2_000))
            }
        }
        let zoneCommune = communes[min(1, communes.count - 1)]
        let zone = IndustrialZone(id: "IZ01", name: "Khu công nghiệp An Nghiệp", status: .operating,
                                  districtCode: zoneCommune.districtCode, communeCode: zoneCommune.code,
                                  location: GeoPoint(latitude: zoneCommune.location.latitude + 0.01,
                                                     longitude: zoneCommune.location.longitude))
        let plannedZone = IndustrialZone(id: "IZ02", name: "Khu công nghiệp Trần Đề", status: .planned,
                                         districtCode: communes.last!.districtCode, communeCode: communes.last!.code,
                                         location: communes.last!.location)

        let calendar = Self.calendar(holiday: holiday)
        var enumerators: [Enumerator] = []
        var unavailability: [Unavailability] = []
        let days = calendar.workingDays
        for (districtIndex, (code, x, y)) in districtCentres.enumerated() {
            for index in 0..<size.enumeratorsPerDistrict {
                let id = EnumeratorID(enumeratorCode(districtIndex * size.enumeratorsPerDistrict + index + 1))
                var skills: Set<Skill> = [.household]
                if uniform(0...1) < size.enterpriseSkillShare { skills.insert(.enterprise) }
                enumerators.append(Enumerator(
                    id: id, name: "Enumerator \(id)", postOffice: PostOfficeID("Bưu cục \(code)"), districtCode: code,
                    location: point(xKilometres: x + uniform(-2...2), yKilometres: y + uniform(-2...2)),
                    skills: skills, dailyMinutes: size.dailyMinutes.randomElement(using: &random)!))
                if uniform(0...1) < size.unavailabilityShare {
                    let first = Int.random(in: 0..<(days.count - 2), using: &random)
                    let length = Int.random(in: 0...2, using: &random)
                    unavailability.append(Unavailability(enumeratorID: id, from: days[first],
                                                         to: days[first + length], reason: "leave"))
                }
            }
        }

        // Households: sampled communes chosen in order of a seeded shuffle, the take shared evenly.
        var units: [FieldworkUnit] = []
        let sampled = Array(communes.shuffled(using: &random).prefix(size.sampledCommunes)).sorted { $0.code < $1.code }
        for index in 0..<size.households {
            let commune = sampled[index % sampled.count]
            let located = uniform(0...1) < size.locatedHouseholdShare
            units.append(FieldworkUnit(
                id: "H\(format4(index + 1))", kind: .household, communeCode: commune.code,
                districtCode: commune.districtCode,
                location: located ? GeoPoint(latitude: commune.location.latitude + uniform(-0.01...0.01),
                                             longitude: commune.location.longitude + uniform(-0.01...0.01)) : nil,
                label: String(index / sampled.count + 1), stratumID: commune.districtCode.rawValue))
        }
        for index in 0..<size.enterprises {
            let inZone = index < size.enterprisesInZone
            let commune = inZone ? zoneCommune : communes.randomElement(using: &random)!
            units.append(FieldworkUnit(
                id: "E\(format4(index + 1))", kind: .enterprise, communeCode: commune.code,
                districtCode: commune.districtCode, zoneID: inZone ? zone.id : nil,
                location: GeoPoint(latitude: commune.location.latitude + uniform(-0.02...0.02),
                                   longitude: commune.location.longitude + uniform(-0.02...0.02)),
                label: "Enterprise \(index + 1)", stratumID: inZone ? "IZ01" : commune.districtCode.rawValue))
        }

        let settings = SurveySettings(name: "synthetic", calendar: calendar, seed: seed, fieldwork: parameters)
        dataset = Dataset(settings: settings, communes: communes, zones: [zone, plannedZone], enterprises: [],
                          enumerators: enumerators, unavailability: unavailability)
        self.units = units
    }
}

/// `EN01`, `EN02`, …
func enumeratorCode(_ number: Int) -> String { "EN" + (number < 10 ? "0" : "") + String(number) }

/// Zero-padded to four digits, for unit IDs that sort as numbers.
func format4(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
