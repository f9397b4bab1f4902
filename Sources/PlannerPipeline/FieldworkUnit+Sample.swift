import PlannerCore
import PlannerFieldwork
import PlannerSampling

extension FieldworkUnit {
    /// The main units of a sample as fieldwork sees them: where each is visited and what its sheet shows.
    ///
    /// Enterprises of an operating zone are visited at the zone (through its management board); enterprises
    /// and listed households carry their own coordinates; register-line households sit at their commune.
    public static func units(from sample: [SampledUnit], dataset: Dataset) -> [FieldworkUnit] {
        visits(to: sample.filter { $0.role == .main }, dataset: dataset)
    }

    /// Sampled units of either role as fieldwork sees them: a re-plan visits released reserve units too.
    public static func visits(to sample: [SampledUnit], dataset: Dataset) -> [FieldworkUnit] {
        let enterprises = Dictionary(dataset.enterprises.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let operatingZones = Set(dataset.zones.filter { $0.status == .operating }.map(\.id))
        return sample.map { unit in
            switch unit.unitType {
            case .enterprise:
                let enterprise = enterprises[unit.unitID]
                let zone = unit.zoneID.flatMap { operatingZones.contains($0) ? $0 : nil }
                return FieldworkUnit(id: unit.unitID, kind: .enterprise, communeCode: unit.communeCode,
                                     districtCode: unit.districtCode, zoneID: zone, location: enterprise?.location,
                                     label: enterprise?.name ?? unit.unitID, stratumID: unit.stratumID.rawValue)
            case .household:
                // Looked up in the listing (in ID order): no dictionary of every listed household.
                let listed = dataset.households.flatMap { households in
                    households.position(of: HouseholdID(unit.unitID)).map { households[$0] }
                }
                return FieldworkUnit(id: unit.unitID, kind: .household, communeCode: unit.communeCode,
                                     districtCode: unit.districtCode, location: listed?.location,
                                     label: listed?.address ?? RegisterLine.line(of: unit.unitID).map(String.init) ?? unit.unitID,
                                     stratumID: unit.stratumID.rawValue)
            }
        }
    }
}
