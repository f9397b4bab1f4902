import Testing
import PlannerCore

@Suite struct GeoPointTests {
    @Test func haversineMatchesKnownDistances() {
        // One degree of latitude is about 111.2 km on the mean sphere.
        let a = GeoPoint(latitude: 9.0, longitude: 106.0)
        let b = GeoPoint(latitude: 10.0, longitude: 106.0)
        #expect(abs(a.distanceKilometres(to: b) - 111.19) < 0.05)
        #expect(a.distanceKilometres(to: a) == 0)
        #expect(abs(a.distanceKilometres(to: b) - b.distanceKilometres(to: a)) < 1e-9)
    }
}
