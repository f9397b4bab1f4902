import Foundation
import PlannerCore

/// Latitude and longitude to map coordinates: an equirectangular projection with longitudes scaled by the
/// cosine of the middle latitude, so that a kilometre east and a kilometre north have about the same length.
///
/// Over a province (under 1° across) the distortion is well below what a reader can see; it is not a survey
/// grade projection and claims no more.
struct MapProjection {
    let width: Double
    let height: Double
    private let west: Double
    private let north: Double
    private let scale: Double
    private let longitudeFactor: Double
    private let padding: Double

    /// Fits `points` in `width`, keeping `padding` free on every side; an empty or single-point set gets a
    /// small square around it.
    init(fitting points: [GeoPoint], width: Double, padding: Double) {
        let latitudes = points.map(\.latitude)
        let longitudes = points.map(\.longitude)
        var south = latitudes.min() ?? 0, north = latitudes.max() ?? 0
        var west = longitudes.min() ?? 0, east = longitudes.max() ?? 0
        if north - south < 0.01 { south -= 0.005; north += 0.005 }
        if east - west < 0.01 { west -= 0.005; east += 0.005 }
        let factor = cos((south + north) / 2 * Double.pi / 180)
        let scale = (width - 2 * padding) / ((east - west) * factor)
        self.width = width
        self.height = (north - south) * scale + 2 * padding
        self.west = west
        self.north = north
        self.scale = scale
        self.longitudeFactor = factor
        self.padding = padding
    }

    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        (padding + (point.longitude - west) * longitudeFactor * scale, padding + (north - point.latitude) * scale)
    }

    /// Map units per kilometre along a meridian, for the scale bar.
    var unitsPerKilometre: Double { scale / 111.32 }
}
