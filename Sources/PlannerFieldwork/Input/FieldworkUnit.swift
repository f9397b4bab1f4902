import PlannerCore

/// One main-sample unit to visit once: the planner's view of a drawn household or enterprise.
///
/// The sample is mapped onto this type so that fieldwork planning never depends on how the sample was drawn.
public struct FieldworkUnit: Hashable, Sendable, Codable {
    /// What is interviewed; decides the interview length and the skill an enumerator needs.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        case household
        case enterprise

        /// The skill an enumerator needs to interview a unit of this kind.
        public var requiredSkill: Skill {
            switch self {
            case .household: return .household
            case .enterprise: return .enterprise
            }
        }

        /// One letter used in model names (`y_EN01_31498_h`).
        public var code: String { self == .household ? "h" : "e" }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The unit's identifier, unique within one request (household or enterprise ID).
    public var id: String
    public var kind: Kind
    public var communeCode: CommuneCode
    public var districtCode: DistrictCode
    /// The operating industrial zone where the unit is visited (through the zones' management board), or nil.
    public var zoneID: ZoneID?
    /// Where the unit is; nil for register-line households, which the plan places at their commune's point.
    public var location: GeoPoint?
    /// What a route sheet shows: a register line number or an enterprise name.
    public var label: String
    public var stratumID: String

    public init(id: String, kind: Kind, communeCode: CommuneCode, districtCode: DistrictCode, zoneID: ZoneID? = nil,
                location: GeoPoint? = nil, label: String, stratumID: String) {
        self.id = id
        self.kind = kind
        self.communeCode = communeCode
        self.districtCode = districtCode
        self.zoneID = zoneID
        self.location = location
        self.label = label
        self.stratumID = stratumID
    }
}
