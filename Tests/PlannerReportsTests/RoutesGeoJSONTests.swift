import Foundation
import PlannerCore
import PlannerFieldwork
import Testing
@testable import PlannerReports

@Suite struct RoutesGeoJSONTests {
    static func features(_ item: FieldworkFolderTests.Case) throws -> [[String: Any]] {
        let data = try #require(item.files()[RoutesGeoJSON.fileName])
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        return try #require(root["features"] as? [[String: Any]])
    }

    @Test(arguments: [FieldworkFolderTests.complete, FieldworkFolderTests.incomplete])
    func onePointPerVisitAndOneLinePerEnumeratorDay(item: FieldworkFolderTests.Case) throws {
        let features = try Self.features(item)
        let geometries = features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }
        #expect(geometries.count == features.count)
        #expect(geometries.filter { $0 == "Point" }.count == item.plan.visits.count)
        #expect(geometries.filter { $0 == "LineString" }.count == item.plan.routes.count)

        let box = (latitudes: 9.0...10.5, longitudes: 105.0...107.0)
        for feature in features {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let properties = try #require(feature["properties"] as? [String: Any])
            let positions: [[Double]]
            if geometry["type"] as? String == "Point" {
                positions = [try #require(geometry["coordinates"] as? [Double])]
                #expect(properties["feature"] as? String == "visit")
                #expect(properties["unit_id"] is String)
            } else {
                positions = try #require(geometry["coordinates"] as? [[Double]])
                #expect(positions.count >= 2)
                #expect(positions.first == positions.last, "a day ends back at the base")
                #expect(properties["feature"] as? String == "route")
            }
            for position in positions {
                #expect(position.count == 2)
                #expect(box.longitudes.contains(position[0]) && box.latitudes.contains(position[1]),
                        "[longitude, latitude] expected, found \(position)")
            }
        }
    }

    /// geojson.io, uMap and GitHub draw simplestyle hex colours, not CSS `hsl()`: one per post office.
    @Test func coloursAreSimplestyleHexOnePerPostOffice() throws {
        let item = FieldworkFolderTests.complete
        func isHex(_ value: Any?) -> Bool {
            guard let text = value as? String, text.count == 7, text.hasPrefix("#") else { return false }
            return text.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase }
        }
        var colourByOffice: [String: String] = [:]
        for feature in try Self.features(item) {
            let properties = try #require(feature["properties"] as? [String: Any])
            let key = properties["feature"] as? String == "route" ? "stroke" : "marker-color"
            #expect(isHex(properties[key]), "\(key) \(properties[key] ?? "missing")")
            let office = try #require(properties["post_office"] as? String)
            let colour = try #require(properties[key] as? String)
            #expect(colourByOffice[office, default: colour] == colour, "\(office) has one colour")
            colourByOffice[office] = colour
        }
        #expect(Set(colourByOffice.values).count == colourByOffice.count, "offices have different colours")
        #expect(!String(decoding: try #require(item.files()[RoutesGeoJSON.fileName]), as: UTF8.self).contains("hsl("))
        #expect(PostOfficePalette.hex(hue: 0, saturation: 1, lightness: 0.5) == "#ff0000")
        #expect(PostOfficePalette.hex(hue: 120, saturation: 1, lightness: 0.25) == "#008000")
    }

    @Test func theHostileNameSurvivesAsText() throws {
        let features = try Self.features(FieldworkFolderTests.complete)
        let labels = features.compactMap { ($0["properties"] as? [String: Any])?["label"] as? String }
        #expect(labels.contains(FieldworkFixture.scriptName))
        #expect(labels.contains(FieldworkFixture.formulaName))
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControls() throws {
        let text = "a\"b\\c\nd\u{1}e"
        let literal = JSONText.string(text)
        #expect(literal == "\"a\\\"b\\\\c\\nd\\u0001e\"")
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
    }
}
