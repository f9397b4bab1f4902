import PlannerCore

/// One unit of the sample: a main unit to interview, or a reserve unit to release in rank order.
public struct SampledUnit: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        case main
        case reserve

        public static func < (lhs: Role, rhs: Role) -> Bool { lhs == .main && rhs == .reserve }
    }

    /// `HH-<commune>-<line>` for a register line, the listing's household ID, or the enterprise ID.
    public let unitID: String
    public let unitType: UnitType
    public let stratumID: StratumID
    public let districtCode: DistrictCode
    public let communeCode: CommuneCode
    public let zoneID: ZoneID?
    /// π: for a main unit, its design inclusion probability; for a reserve unit, its inclusion probability
    /// in the sample released up to and including its rank (docs/sampling.md §5). Two-stage: π1·π2.
    public let inclusionProbability: Double
    /// π1, the commune's probability (two-stage only).
    public let firstStageProbability: Double?
    /// π2, the household's probability within its commune (two-stage only).
    public let secondStageProbability: Double?
    /// 1/π.
    public let designWeight: Double
    public let role: Role
    /// 1…r within the stratum (two-stage: within the commune); nil for main units.
    public let reserveRank: Int?

    public init(unitID: String, unitType: UnitType, stratumID: StratumID, districtCode: DistrictCode,
                communeCode: CommuneCode, zoneID: ZoneID?, inclusionProbability: Double,
                firstStageProbability: Double?, secondStageProbability: Double?, role: Role, reserveRank: Int?) {
        self.unitID = unitID
        self.unitType = unitType
        self.stratumID = stratumID
        self.districtCode = districtCode
        self.communeCode = communeCode
        self.zoneID = zoneID
        self.inclusionProbability = inclusionProbability
        self.firstStageProbability = firstStageProbability
        self.secondStageProbability = secondStageProbability
        self.designWeight = 1 / inclusionProbability
        self.role = role
        self.reserveRank = reserveRank
    }

    /// The plan's output order: stratum, role (main first), reserve rank, unit ID.
    public static func outputOrder(_ lhs: SampledUnit, _ rhs: SampledUnit) -> Bool {
        if lhs.stratumID != rhs.stratumID { return lhs.stratumID < rhs.stratumID }
        if lhs.role != rhs.role { return lhs.role < rhs.role }
        if lhs.reserveRank != rhs.reserveRank { return (lhs.reserveRank ?? 0) < (rhs.reserveRank ?? 0) }
        return lhs.unitID < rhs.unitID
    }
}
