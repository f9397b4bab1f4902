/// Whether an industrial zone had enterprises at work during the survey; only operating zones are strata.
public enum ZoneStatus: String, CaseIterable, Sendable, Codable {
    case operating
    case underConstruction = "under_construction"
    case planned
}

/// An industrial zone (khu công nghiệp); its enterprises are reached through the zones' management board.
public struct IndustrialZone: Hashable, Sendable, Codable {
    public var id: ZoneID
    public var name: String
    public var status: ZoneStatus
    /// The district and commune of the zone's main gate or management office.
    public var districtCode: DistrictCode
    public var communeCode: CommuneCode
    public var location: GeoPoint

    public init(id: ZoneID, name: String, status: ZoneStatus, districtCode: DistrictCode,
                communeCode: CommuneCode, location: GeoPoint) {
        self.id = id
        self.name = name
        self.status = status
        self.districtCode = districtCode
        self.communeCode = communeCode
        self.location = location
    }
}
