import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import PlannerSampling

/// A tiny Sóc Trăng survey built in code: two wards of the city, the An Nghiệp zone, three enumerators of two
/// post offices, four days of which one is a buffer day; hostile enterprise names to test escaping.
enum FieldworkFixture {
    static let calendar = SurveyCalendar(firstDay: CalendarDate(year: 2023, month: 10, day: 3)!,
                                         lastDay: CalendarDate(year: 2023, month: 10, day: 6)!,
                                         workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
                                         holidays: [])

    static let contact = "Thanh tra Sở Nội vụ tỉnh Sóc Trăng, điện thoại 02993.624779"
    static let scriptName = "<script>alert(1)</script>"
    static let formulaName = "=HYPERLINK(\"x\")"

    static let communes = [
        Commune(code: "31498", name: "Phường 5", type: .ward, districtCode: "941", districtName: "Thành phố Sóc Trăng",
                location: GeoPoint(latitude: 9.613060, longitude: 105.979011), households: 3768),
        Commune(code: "31501", name: "Phường 7", type: .ward, districtCode: "941", districtName: "Thành phố Sóc Trăng",
                location: GeoPoint(latitude: 9.623945, longitude: 105.960000), households: 2444),
        Commune(code: "31594", name: "Xã An Hiệp", type: .commune, districtCode: "942",
                districtName: "Huyện Châu Thành", location: GeoPoint(latitude: 9.650000, longitude: 105.950000),
                households: 5000),
    ]

    static let zone = IndustrialZone(id: "IZ01", name: "Khu công nghiệp An Nghiệp", status: .operating,
                                     districtCode: "942", communeCode: "31594",
                                     location: GeoPoint(latitude: 9.646656, longitude: 105.949220))

    static let enterprises = [
        Enterprise(id: "DN0001", name: scriptName, districtCode: "941", communeCode: "31498", zoneID: nil,
                   employees: 5, location: GeoPoint(latitude: 9.614, longitude: 105.978)),
        Enterprise(id: "DN0002", name: formulaName, districtCode: "941", communeCode: "31501", zoneID: nil,
                   employees: 12, location: GeoPoint(latitude: 9.624, longitude: 105.961),
                   address: "Số 12 đường Trần Hưng Đạo, khóm 3"),
        Enterprise(id: "DN0003", name: "Công ty TNHH Đại Ngãi & Cộng sự", districtCode: "942", communeCode: "31594",
                   zoneID: "IZ01", employees: 300, location: GeoPoint(latitude: 9.647, longitude: 105.950)),
        Enterprise(id: "DN0004", name: "Cơ sở \"Mỹ Xuyên\"", districtCode: "941", communeCode: "31498", zoneID: nil,
                   employees: 3, location: GeoPoint(latitude: 9.612, longitude: 105.980)),
        Enterprise(id: "DN0005", name: "Nhà máy Thạnh Trị", districtCode: "942", communeCode: "31594", zoneID: "IZ01",
                   employees: 80, location: GeoPoint(latitude: 9.646, longitude: 105.948)),
    ]

    static let city = GeoPoint(latitude: 9.593316, longitude: 105.974507)
    static let enumerators = [
        Enumerator(id: "EN01", name: "Thạch Minh Khang", postOffice: "Bưu điện tỉnh Sóc Trăng", districtCode: "941",
                   location: city, skills: [.household, .enterprise], dailyMinutes: 480),
        Enumerator(id: "EN02", name: "Lê Ngọc Ngân", postOffice: "Bưu điện tỉnh Sóc Trăng", districtCode: "941",
                   location: city, skills: [.household], dailyMinutes: 240),
        Enumerator(id: "EN03", name: "Đặng Thị Yến", postOffice: "Bưu điện huyện Châu Thành", districtCode: "942",
                   location: GeoPoint(latitude: 9.700, longitude: 105.900), skills: [.household, .enterprise],
                   dailyMinutes: 480),
    ]

    static func dataset(enumerators: [Enumerator] = enumerators) -> Dataset {
        var settings = SurveySettings(name: "Khảo sát sự hài lòng Sóc Trăng 2023", calendar: calendar, seed: 1,
                                      fieldwork: FieldworkParameters(bufferDays: 1), contact: contact)
        settings.issuer = "Sở Nội vụ tỉnh Sóc Trăng"
        settings.issuerParent = "Ủy ban nhân dân tỉnh Sóc Trăng"
        settings.issuerPlace = "Sóc Trăng"
        return Dataset(settings: settings, communes: communes, zones: [zone], enterprises: enterprises,
                       enumerators: enumerators)
    }

    /// Main households 1…`main` and reserves after them, per ward (two-stage); enterprises by stratum.
    static func sample(householdsPerWard main: Int = 4) -> [SampledUnit] {
        var units: [SampledUnit] = []
        for commune in communes.prefix(2) {
            for line in 1...(main + 2) {
                let id = "HH-\(commune.code.rawValue)-" + String(repeating: "0", count: 5 - String(line).count)
                    + String(line)
                let reserveRank = line > main ? line - main : nil
                units.append(SampledUnit(unitID: id, unitType: .household, stratumID: "HH-941", districtCode: "941",
                                         communeCode: commune.code, zoneID: nil, inclusionProbability: 0.01,
                                         firstStageProbability: 0.5, secondStageProbability: 0.02,
                                         role: reserveRank == nil ? .main : .reserve, reserveRank: reserveRank))
            }
        }
        func enterprise(_ id: EnterpriseID, stratum: StratumID, rank: Int?) -> SampledUnit {
            let frame = enterprises.first { $0.id == id }!
            return SampledUnit(unitID: id.rawValue, unitType: .enterprise, stratumID: stratum,
                               districtCode: frame.districtCode, communeCode: frame.communeCode, zoneID: frame.zoneID,
                               inclusionProbability: 0.5, firstStageProbability: nil, secondStageProbability: nil,
                               role: rank == nil ? .main : .reserve, reserveRank: rank)
        }
        units += [enterprise("DN0001", stratum: "EN-941", rank: nil), enterprise("DN0002", stratum: "EN-941", rank: nil),
                  enterprise("DN0004", stratum: "EN-941", rank: 1), enterprise("DN0003", stratum: "EN-IZ01", rank: nil),
                  enterprise("DN0005", stratum: "EN-IZ01", rank: 1)]
        return units.sorted(by: SampledUnit.outputOrder)
    }

    /// The main units as the planner sees them (what `planner plan` does with a sample).
    static func fieldworkUnits(_ sample: [SampledUnit], dataset: Dataset) -> [FieldworkUnit] {
        sample.filter { $0.role == .main }.map { unit in
            let enterprise = dataset.enterprises.first { $0.id.rawValue == unit.unitID }
            let zone = unit.zoneID.flatMap { id in dataset.zones.first { $0.id == id && $0.status == .operating } }
            return FieldworkUnit(id: unit.unitID, kind: unit.unitType == .household ? .household : .enterprise,
                                 communeCode: unit.communeCode, districtCode: zone?.districtCode ?? unit.districtCode,
                                 zoneID: zone?.id, location: enterprise?.location,
                                 label: enterprise?.name ?? unit.unitID, stratumID: unit.stratumID.rawValue)
        }
    }

    static func plan(_ sample: [SampledUnit], dataset: Dataset) throws -> FieldworkPlan {
        try FieldworkPlanner().plan(FieldworkRequest(dataset: dataset, units: fieldworkUnits(sample, dataset: dataset)),
                                    solver: GLPKSolver())
    }
}
