/// A WGS 84 position in decimal degrees.
public struct GeoPoint: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius used by the haversine formula (IUGG), in kilometres.
    public static let earthRadiusKilometres = 6371.0088

    /// Great-circle distance by the haversine formula.
    ///
    /// Accurate to about 0.5 % (the Earth is not a sphere), far below the error of treating roads as straight
    /// lines, which the fieldwork model corrects with a circuity factor.
    public func distanceKilometres(to other: GeoPoint) -> Double {
        let toRadians = Double.pi / 180
        let phi1 = latitude * toRadians
        let phi2 = other.latitude * toRadians
        let deltaPhi = (other.latitude - latitude) * toRadians
        let deltaLambda = (other.longitude - longitude) * toRadians
        let sinHalfPhi = sin(deltaPhi / 2)
        let sinHalfLambda = sin(deltaLambda / 2)
        let a = sinHalfPhi * sinHalfPhi + cos(phi1) * cos(phi2) * sinHalfLambda * sinHalfLambda
        return 2 * Self.earthRadiusKilometres * asin(min(1, a.squareRoot()))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
