/// One closed outline of an area for maps: a district's (or the province's) polygon ring.
///
/// Only drawn, never used to place or route anything: a dataset without outlines plans exactly the same.
public struct BoundaryRing: Hashable, Sendable {
    /// A district, or the whole province.
    public enum Area: Hashable, Sendable, Comparable {
        case province
        case district(DistrictCode)
    }

    public var area: Area
    /// The ring's number within its area (from 1): an island is a ring of its own.
    public var ring: Int
    /// In drawing order; the last point joins the first.
    public var points: [GeoPoint]

    public init(area: Area, ring: Int, points: [GeoPoint]) {
        self.area = area
        self.ring = ring
        self.points = points
    }
}
