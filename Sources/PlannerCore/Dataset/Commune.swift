/// The GSO kind of a commune-level unit. Wards and towns are urban, communes (xã) rural, as in the census.
public enum CommuneType: String, CaseIterable, Sendable, Codable {
    case ward = "Phường"
    case town = "Thị trấn"
    case commune = "Xã"

    public var isUrban: Bool { self != .commune }
}

/// A commune, ward or town: the smallest administrative unit, and the unit of the household frame.
public struct Commune: Hashable, Sendable, Codable {
    public var code: CommuneCode
    public var name: String
    public var type: CommuneType
    public var districtCode: DistrictCode
    public var districtName: String
    public var location: GeoPoint
    /// Households in the frame (the 2019 census count in the default dataset).
    public var households: Int

    public init(code: CommuneCode, name: String, type: CommuneType, districtCode: DistrictCode,
                districtName: String, location: GeoPoint, households: Int) {
        self.code = code
        self.name = name
        self.type = type
        self.districtCode = districtCode
        self.districtName = districtName
        self.location = location
        self.households = households
    }
}

/// A district-level unit (huyện, thị xã or thành phố), derived from its communes.
public struct District: Hashable, Sendable, Codable {
    public var code: DistrictCode
    public var name: String
    /// Commune codes in ascending order.
    public var communeCodes: [CommuneCode]
    public var households: Int

    public init(code: DistrictCode, name: String, communeCodes: [CommuneCode], households: Int) {
        self.code = code
        self.name = name
        self.communeCodes = communeCodes
        self.households = households
    }
}
