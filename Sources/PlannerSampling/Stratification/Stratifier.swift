import PlannerCore

/// Puts each household commune or enterprise into its stratum, by the rules of `SampleDesignParameters`.
///
/// Households: by district, district × urban/rural (wards and towns urban, communes rural), or district group.
/// Enterprises: each operating industrial zone alone (`EN-IZ01`); enterprises outside zones, or in zones that
/// are not operating, by district (`EN-941`), district × urban/rural (`EN-941-U`), or the district groups of
/// `districtGroups` (`EN-G1`; a district in no group stays alone).
public struct Stratifier: Sendable {
    public let unitType: UnitType
    public let stratification: SampleDesignParameters.Stratification
    private let groupNumberByDistrict: [DistrictCode: Int]
    private let groups: [[DistrictCode]]
    private let districtNames: [DistrictCode: String]
    private let communesByCode: [CommuneCode: Commune]
    private let zonesByID: [ZoneID: IndustrialZone]

    /// - Throws: `SamplingError.districtInSeveralGroups` when the groups overlap.
    public init(dataset: Dataset, unitType: UnitType, parameters: SampleDesignParameters) throws {
        self.unitType = unitType
        stratification = parameters.stratification
        groups = parameters.districtGroups.map { $0.sorted() }
        var numbers: [DistrictCode: Int] = [:]
        if parameters.stratification == .districtGroups {
            for (index, group) in groups.enumerated() {
                for district in group {
                    if let existing = numbers[district], existing != index + 1 {
                        throw SamplingError.districtInSeveralGroups(district)
                    }
                    numbers[district] = index + 1
                }
            }
        }
        groupNumberByDistrict = numbers
        districtNames = Dictionary(dataset.communes.map { ($0.districtCode, $0.districtName) },
                                   uniquingKeysWith: { first, _ in first })
        communesByCode = Dictionary(dataset.communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        zonesByID = Dictionary(dataset.zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The household stratum of a commune's households.
    public func stratum(of commune: Commune) -> Stratum {
        outsideZoneStratum(district: commune.districtCode, urban: commune.type.isUrban)
    }

    /// The enterprise stratum of an enterprise.
    /// - Throws: `SamplingError` when the enterprise's zone or commune is unknown.
    public func stratum(of enterprise: Enterprise) throws -> Stratum {
        if let zoneID = enterprise.zoneID {
            guard let zone = zonesByID[zoneID] else {
                throw SamplingError.unknownZone(enterprise: enterprise.id, zone: zoneID)
            }
            if zone.status == .operating {
                return Stratum(id: StratumID("EN-\(zoneID.rawValue)"),
                               label: "Enterprises in \(zone.name) (\(zoneID.rawValue))",
                               unitType: .enterprise, scope: .zone(zoneID))
            }
        }
        guard let commune = communesByCode[enterprise.communeCode] else {
            throw SamplingError.unknownCommune(unitID: enterprise.id.rawValue, commune: enterprise.communeCode)
        }
        return outsideZoneStratum(district: enterprise.districtCode, urban: commune.type.isUrban)
    }

    private func outsideZoneStratum(district: DistrictCode, urban isUrban: Bool) -> Stratum {
        let prefix = unitType == .household ? "HH" : "EN"
        let what = unitType == .household ? "Households" : "Enterprises outside operating zones"
        let name = districtNames[district] ?? district.rawValue
        switch stratification {
        case .district:
            return Stratum(id: StratumID("\(prefix)-\(district.rawValue)"), label: "\(what), \(name) (\(district.rawValue))",
                           unitType: unitType, scope: .district(district, urban: nil))
        case .districtUrbanRural:
            let suffix = isUrban ? "U" : "R"
            let area = isUrban ? "urban" : "rural"
            return Stratum(id: StratumID("\(prefix)-\(district.rawValue)-\(suffix)"),
                           label: "\(what), \(name) (\(district.rawValue)), \(area)",
                           unitType: unitType, scope: .district(district, urban: isUrban))
        case .districtGroups:
            guard let number = groupNumberByDistrict[district] else {
                return Stratum(id: StratumID("\(prefix)-\(district.rawValue)"),
                               label: "\(what), \(name) (\(district.rawValue))",
                               unitType: unitType, scope: .district(district, urban: nil))
            }
            let members = groups[number - 1]
            return Stratum(id: StratumID("\(prefix)-G\(number)"),
                           label: "\(what), district group \(number) (\(members.map(\.rawValue).joined(separator: ", ")))",
                           unitType: unitType, scope: .districtGroup(number: number, districts: members, urban: nil))
        }
    }
}
