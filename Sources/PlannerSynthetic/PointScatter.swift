import Foundation
import PlannerCore
import PlannerSampling

/// Places synthetic points around a centre: uniform over a disc, kept inside the survey's bounding box.
///
/// Uniform over the disc (radius R·√u, angle 2πv) so that points do not crowd the centre. A draw that falls
/// outside the bounding box is drawn again, up to `maximumTries` times, and then the centre itself is used,
/// so every point passes the dataset reader's box check whenever the centre does.
struct PointScatter {
    let radiusKilometres: Double
    let boundingBox: BoundingBox?
    static let maximumTries = 16

    /// A point within `radiusKilometres` of `centre` (an equirectangular offset: exact enough at a few km).
    func point(around centre: GeoPoint, using generator: inout some RandomNumberGenerator) -> GeoPoint {
        for _ in 0..<Self.maximumTries {
            let offset = self.offset(using: &generator)
            let point = centre.shifted(by: offset).roundedToMicrodegrees()
            if boundingBox?.contains(point) ?? true { return point }
        }
        return centre
    }

    /// A displacement in kilometres (north, east), uniform over the disc.
    func offset(using generator: inout some RandomNumberGenerator) -> Displacement {
        let distance = radiusKilometres * generator.nextUnitInterval().squareRoot()
        let angle = 2 * Double.pi * generator.nextUnitInterval()
        return Displacement(northKilometres: distance * cos(angle), eastKilometres: distance * sin(angle))
    }
}

/// A small move on the Earth's surface, in kilometres north and east.
struct Displacement: Hashable {
    var northKilometres: Double
    var eastKilometres: Double

    static let zero = Displacement(northKilometres: 0, eastKilometres: 0)
}

extension GeoPoint {
    /// This point moved by `displacement`, degrees of longitude shrinking with the cosine of the latitude.
    func shifted(by displacement: Displacement) -> GeoPoint {
        let kilometresPerDegree = GeoPoint.earthRadiusKilometres * Double.pi / 180
        let latitudeShift = displacement.northKilometres / kilometresPerDegree
        let longitudeShift = displacement.eastKilometres / (kilometresPerDegree * cos(latitude * Double.pi / 180))
        return GeoPoint(latitude: latitude + latitudeShift, longitude: longitude + longitudeShift)
    }

    /// Rounded to the six decimals the generated files hold, so that the box check sees what is written.
    func roundedToMicrodegrees() -> GeoPoint {
        GeoPoint(latitude: (latitude * 1_000_000).rounded() / 1_000_000,
                 longitude: (longitude * 1_000_000).rounded() / 1_000_000)
    }
}
