/// An enterprise in the frame.
public struct Enterprise: Hashable, Sendable, Codable {
    public var id: EnterpriseID
    public var name: String
    public var districtCode: DistrictCode
    public var communeCode: CommuneCode
    /// The industrial zone the enterprise sits in, or nil outside every zone.
    public var zoneID: ZoneID?
    public var employees: Int
    public var location: GeoPoint
    /// Where to find it (street, hamlet), for the route sheets; nil when the frame gives none.
    public var address: String?

    public init(id: EnterpriseID, name: String, districtCode: DistrictCode, communeCode: CommuneCode,
                zoneID: ZoneID?, employees: Int, location: GeoPoint, address: String? = nil) {
        self.id = id
        self.name = name
        self.districtCode = districtCode
        self.communeCode = communeCode
        self.zoneID = zoneID
        self.employees = employees
        self.location = location
        self.address = address
    }
}
