import Foundation
import PlannerCore
import PlannerFieldwork

/// `routes.geojson`: the plan for GIS tools (QGIS, ArcGIS, geojson.io): one Point per scheduled visit and one
/// LineString per enumerator-day, base → stops in visiting order → base.
///
/// RFC 7946: WGS 84 longitude–latitude with six decimals (about 0.1 m), one feature per line so that two plans
/// diff line by line; visits first (by date, enumerator, order), then routes (by date, enumerator). Properties
/// repeat the columns of `assignments.csv` and of the post-office summaries, plus the post office's map colour as
/// simplestyle properties (`marker-color` on visits, `stroke` on routes, hex), which geojson.io, uMap and GitHub
/// draw as given.
enum RoutesGeoJSON {
    static let fileName = "routes.geojson"

    static func data(_ context: FieldworkContext) -> Data {
        let locator = VisitLocator(dataset: context.dataset)
        let palette = PostOfficePalette(context.dataset)
        var features: [String] = []
        for visit in context.visits {
            guard let point = locator.location(of: visit) else { continue }
            let enumerator = context.enumerator(visit.enumeratorID)
            let properties: [(String, String)] = [
                ("feature", JSONText.string("visit")),
                ("unit_id", JSONText.string(visit.unitID)),
                ("unit_type", JSONText.string(context.unitType(of: visit).rawValue)),
                ("label", JSONText.string(context.label(of: visit))),
                ("enumerator_id", JSONText.string(visit.enumeratorID.rawValue)),
                ("enumerator_name", JSONText.string(enumerator?.name ?? "")),
                ("post_office", JSONText.string(enumerator?.postOffice.rawValue ?? "")),
                ("date", JSONText.string(visit.date.description)),
                ("visit_order", String(visit.visitOrder)),
                ("planned_start", JSONText.string(visit.plannedStart)),
                ("site_id", JSONText.string(visit.siteID)),
                ("district_code", JSONText.string(context.districtCode(of: visit).rawValue)),
                ("commune_code", JSONText.string(context.communeCode(of: visit).rawValue)),
                ("zone_id", context.zone(of: visit).map { JSONText.string($0.id.rawValue) } ?? "null"),
                ("travel_minutes", JSONText.number(visit.travelMinutes, decimals: 1)),
                ("interview_minutes", String(visit.interviewMinutes)),
                ("colour", JSONText.string(palette.colour(of: visit.enumeratorID))),
                ("marker-color", JSONText.string(palette.colour(of: visit.enumeratorID))),
                ("marker-size", JSONText.string("small")),
            ]
            features.append(feature(geometry: JSONText.object([("type", JSONText.string("Point")),
                                                                ("coordinates", coordinates(point))]),
                                    properties: properties))
        }
        for route in context.routes {
            guard let enumerator = context.enumerator(route.enumeratorID) else { continue }
            let path = locator.path(from: enumerator.location, visits: context.visits(of: route))
            let properties: [(String, String)] = [
                ("feature", JSONText.string("route")),
                ("enumerator_id", JSONText.string(route.enumeratorID.rawValue)),
                ("enumerator_name", JSONText.string(enumerator.name)),
                ("post_office", JSONText.string(enumerator.postOffice.rawValue)),
                ("date", JSONText.string(route.date.description)),
                ("visits", String(route.unitIDs.count)),
                ("site_ids", JSONText.array(route.siteIDs.map(JSONText.string))),
                ("start", JSONText.string(route.start)),
                ("end", JSONText.string(route.end)),
                ("travel_minutes", JSONText.number(route.travelMinutes, decimals: 1)),
                ("used_minutes", JSONText.number(route.usedMinutes, decimals: 1)),
                ("budget_minutes", String(route.budgetMinutes)),
                ("colour", JSONText.string(palette.colour(of: route.enumeratorID))),
                ("stroke", JSONText.string(palette.colour(of: route.enumeratorID))),
                ("stroke-width", "2"),
            ]
            let line = JSONText.object([("type", JSONText.string("LineString")),
                                        ("coordinates", JSONText.array(path.map(coordinates)))])
            features.append(feature(geometry: line, properties: properties))
        }
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
        return Data(text.utf8)
    }

    private static func feature(geometry: String, properties: [(String, String)]) -> String {
        JSONText.object([("type", JSONText.string("Feature")), ("geometry", geometry),
                         ("properties", JSONText.object(properties))])
    }

    /// `[longitude, latitude]`, the order RFC 7946 prescribes.
    private static func coordinates(_ point: GeoPoint) -> String {
        "[\(JSONText.number(point.longitude, decimals: 6)),\(JSONText.number(point.latitude, decimals: 6))]"
    }
}
