import Foundation
import PlannerCore

/// A small synthetic province: three districts with wards, a town and rural communes of very unequal size,
/// an operating zone and a zone under construction, and enterprises of unequal size.
enum Fixture {
    static let calendar = SurveyCalendar(
        firstDay: CalendarDate(year: 2023, month: 10, day: 3)!, lastDay: CalendarDate(year: 2023, month: 10, day: 18)!,
        workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday], holidays: [])

    static func commune(_ code: String, _ type: CommuneType, _ district: String, _ households: Int) -> Commune {
        let names = ["941": "Thành phố Sóc Trăng", "942": "Huyện Châu Thành", "943": "Huyện Kế Sách"]
        return Commune(code: CommuneCode(code), name: "Commune \(code)", type: type, districtCode: DistrictCode(district),
                       districtName: names[district] ?? district, location: GeoPoint(latitude: 9.6, longitude: 105.9),
                       households: households)
    }

    static let communes: [Commune] = [
        commune("31498", .ward, "941", 3768), commune("31501", .ward, "941", 2444), commune("31504", .ward, "941", 3245),
        commune("31567", .town, "942", 2500), commune("31570", .commune, "942", 3000),
        commune("31582", .commune, "942", 4200), commune("31594", .commune, "942", 5100),
        commune("31597", .commune, "942", 800),
        commune("31531", .town, "943", 3000), commune("31540", .commune, "943", 6000),
        commune("31543", .commune, "943", 150), commune("31546", .commune, "943", 20000),
    ]

    static let zones: [IndustrialZone] = [
        IndustrialZone(id: "IZ01", name: "Khu công nghiệp An Nghiệp", status: .operating, districtCode: "942",
                       communeCode: "31594", location: GeoPoint(latitude: 9.6, longitude: 105.9)),
        IndustrialZone(id: "IZ02", name: "Khu công nghiệp Trần Đề", status: .underConstruction, districtCode: "943",
                       communeCode: "31540", location: GeoPoint(latitude: 9.5, longitude: 106.1)),
    ]

    /// 24 enterprises in IZ01, 3 in IZ02 and 273 outside zones; sizes spread over three orders of magnitude.
    static let enterprises: [Enterprise] = (1...300).map { k in
        let zone: ZoneID? = k <= 24 ? "IZ01" : (k <= 27 ? "IZ02" : nil)
        let commune: Commune
        switch zone?.rawValue {
        case "IZ01": commune = communes[k % 2 == 0 ? 6 : 5]
        case "IZ02": commune = communes[9]
        default: commune = communes[k % communes.count]
        }
        let employees = k == 3 ? 3000 : (k * 37) % 190 + 5
        return Enterprise(id: EnterpriseID(String(format: "EN%03d", k)), name: "Enterprise \(k)",
                          districtCode: commune.districtCode, communeCode: commune.code, zoneID: zone,
                          employees: employees, location: commune.location)
    }

    static func listing(perCommune count: (Commune) -> Int) -> [Household] {
        communes.flatMap { commune in
            (0..<count(commune)).map { i in
                Household(id: HouseholdID("L\(commune.code)-\(String(format: "%04d", i))"), communeCode: commune.code,
                          address: "Address \(i)", location: nil)
            }
        }
    }

    static func dataset(households: SampleDesignParameters = .householdDefault,
                        enterprises: SampleDesignParameters = .enterpriseDefault,
                        communes: [Commune] = Fixture.communes, enterpriseList: [Enterprise] = Fixture.enterprises,
                        listing: [Household]? = nil) -> Dataset {
        Dataset(settings: SurveySettings(name: "Fixture", calendar: calendar, seed: 1, households: households,
                                         enterprises: enterprises),
                communes: communes, zones: zones, enterprises: enterpriseList, enumerators: [], households: listing)
    }
}
