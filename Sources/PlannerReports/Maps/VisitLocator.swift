import PlannerCore
import PlannerFieldwork

/// Where a visit happens on a map: the unit's own point when the frame has one, else its site's point.
///
/// An enterprise inside an operating industrial zone is met through the zone's management board, so it is
/// placed at the zone; register-line households have no point of their own and sit at their commune's point.
struct VisitLocator {
    private let communes: [CommuneCode: GeoPoint]
    private let zones: [ZoneID: GeoPoint]
    private let enterprises: [String: GeoPoint]
    /// Searched by ID, not copied: a listing may hold a million households.
    private let households: ListedHouseholds?

    init(dataset: Dataset) {
        communes = Dictionary(dataset.communes.map { ($0.code, $0.location) }, uniquingKeysWith: { first, _ in first })
        zones = Dictionary(dataset.zones.map { ($0.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        enterprises = Dictionary(dataset.enterprises.map { ($0.id.rawValue, $0.location) },
                                 uniquingKeysWith: { first, _ in first })
        households = dataset.households
    }

    /// The visit's point, or nil when neither the unit nor its site can be placed (a site missing from the data).
    func location(of visit: VisitAssignment) -> GeoPoint? {
        if let zone = zones[ZoneID(visit.siteID)] { return zone }
        let own = visit.unitKind == .enterprise ? enterprises[visit.unitID] : household(visit.unitID)
        return own ?? communes[CommuneCode(visit.siteID)]
    }

    func commune(_ code: CommuneCode) -> GeoPoint? { communes[code] }

    private func household(_ id: String) -> GeoPoint? {
        guard let households, let position = households.position(of: HouseholdID(id)) else { return nil }
        return households.location(at: position)
    }

    func zone(_ id: ZoneID) -> GeoPoint? { zones[id] }

    func enterprise(_ id: String) -> GeoPoint? { enterprises[id] }

    /// The stops of a day in visiting order, repeated consecutive points dropped, between the base and back.
    func path(from base: GeoPoint, visits: [VisitAssignment]) -> [GeoPoint] {
        var points = [base]
        for visit in visits {
            guard let point = location(of: visit), point != points.last else { continue }
            points.append(point)
        }
        if points.last != base { points.append(base) }
        return points
    }
}
