/// A latitude/longitude rectangle that every point of a dataset must lie in.
///
/// Catches swapped coordinates and points from the wrong province, which a plain range check cannot.
/// Boxes that cross the antimeridian are not supported (no survey here needs one).
public struct BoundingBox: Hashable, Sendable, Codable {
    public var latitudes: ClosedRange<Double>
    public var longitudes: ClosedRange<Double>

    public init(latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>) {
        self.latitudes = latitudes
        self.longitudes = longitudes
    }

    public func contains(_ point: GeoPoint) -> Bool {
        latitudes.contains(point.latitude) && longitudes.contains(point.longitude)
    }
}
