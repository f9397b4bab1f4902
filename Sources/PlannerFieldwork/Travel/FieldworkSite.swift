import PlannerCore

/// A place a day-trip goes to: a commune (its households and enterprises) or an operating industrial zone.
///
/// Zones are sites of their own because their enterprises are reached through the zones' management board,
/// not door to door in the commune around them.
public struct FieldworkSite: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable, Comparable {
        case commune
        case zone

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs == .commune && rhs == .zone }
    }

    public var kind: Kind
    /// The commune code or the zone ID.
    public var id: String
    public var name: String
    /// The commune the site lies in (a zone's: its management office); travel overrides are keyed by it.
    public var communeCode: CommuneCode
    public var districtCode: DistrictCode
    /// Where trips to the site arrive: the commune point or the zone's office.
    public var location: GeoPoint

    public init(kind: Kind, id: String, name: String, communeCode: CommuneCode, districtCode: DistrictCode,
                location: GeoPoint) {
        self.kind = kind
        self.id = id
        self.name = name
        self.communeCode = communeCode
        self.districtCode = districtCode
        self.location = location
    }

    public var place: TravelPlace { TravelPlace(communeCode: communeCode, location: location) }

    public var description: String { id }

    public static func < (lhs: FieldworkSite, rhs: FieldworkSite) -> Bool {
        (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
    }
}
