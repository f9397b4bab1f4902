/// A household of a household listing (`households.csv`), when the survey has one.
public struct Household: Hashable, Sendable, Codable {
    public var id: HouseholdID
    public var communeCode: CommuneCode
    public var address: String
    /// Where the listing located the household, if it did.
    public var location: GeoPoint?

    public init(id: HouseholdID, communeCode: CommuneCode, address: String, location: GeoPoint?) {
        self.id = id
        self.communeCode = communeCode
        self.address = address
        self.location = location
    }
}
