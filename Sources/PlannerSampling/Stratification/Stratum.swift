import PlannerCore

/// The kind of unit a sample is made of.
public enum UnitType: String, Hashable, Sendable, Codable, CaseIterable {
    case household
    case enterprise
}

/// A stratum: an ID, a label for people, and what it covers.
public struct Stratum: Hashable, Sendable {
    /// What defines the stratum.
    public enum Scope: Hashable, Sendable {
        /// A district's households or out-of-zone enterprises; `urban` is nil unless split urban/rural.
        case district(DistrictCode, urban: Bool?)
        /// A group of districts (position in `districtGroups`, from 1).
        case districtGroup(number: Int, districts: [DistrictCode], urban: Bool?)
        /// The enterprises of one operating industrial zone.
        case zone(ZoneID)
    }

    public let id: StratumID
    public let label: String
    public let unitType: UnitType
    public let scope: Scope

    public init(id: StratumID, label: String, unitType: UnitType, scope: Scope) {
        self.id = id
        self.label = label
        self.unitType = unitType
        self.scope = scope
    }
}
