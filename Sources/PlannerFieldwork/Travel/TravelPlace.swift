import PlannerCore

/// A point travel is measured from or to, with the commune it lies in (travel overrides are keyed by commune).
public struct TravelPlace: Hashable, Sendable, Codable {
    public var communeCode: CommuneCode
    public var location: GeoPoint

    public init(communeCode: CommuneCode, location: GeoPoint) {
        self.communeCode = communeCode
        self.location = location
    }
}
