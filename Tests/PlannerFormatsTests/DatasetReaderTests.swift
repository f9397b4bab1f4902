import Foundation
import PlannerCore
import PlannerFormats
import Testing

@Suite("Reading the valid fixture dataset")
struct DatasetReaderTests {
    let dataset: Dataset

    init() throws {
        dataset = try DatasetReader().read(folder: FixtureDataset.validFolder())
    }

    @Test func settingsComeFromSurveyTOML() {
        let settings = dataset.settings
        #expect(settings.name == "Fixture survey")
        #expect(settings.seed == 20_231_003)
        #expect(settings.calendar.workingDays.count == 12)
        #expect(settings.boundingBox == BoundingBox(latitudes: 9.1...10.0, longitudes: 105.4...106.4))
        #expect(settings.enterprises.size == .total(12))
        #expect(settings.enterprises.districtGroups == [["941", "942"]])
        #expect(settings.enterprises.stratumCosts == ["941": 1.0, "942": 1.5])
        #expect(settings.households.size == .perStratumForPrecision(
            PrecisionTarget(margin: 0.1, designEffect: .fromClusterTake(icc: 0.05), responseRate: 0.9)))
        #expect(settings.fieldwork == FieldworkParameters())
    }

    @Test func communesAreMappedWithTheirTypes() throws {
        #expect(dataset.communes.map(\.code) == ["31498", "31501", "31569", "31594"])
        let anHiep = try #require(dataset.communes.last)
        #expect(anHiep == Commune(code: "31594", name: "Xã An Hiệp", type: .commune, districtCode: "942",
                                  districtName: "Huyện Châu Thành",
                                  location: GeoPoint(latitude: 9.651398, longitude: 105.938289), households: 4271))
        #expect(dataset.communes.map(\.type) == [.ward, .ward, .town, .commune])
        #expect(dataset.districts.map(\.households) == [3768 + 2444, 2209 + 4271])
    }

    @Test func quotedFieldsKeepCommasAndQuotes() {
        let names = dataset.enterprises.map(\.name)
        #expect(names == ["Công ty TNHH Thủy sản \"Sao Mai\"", "Công ty Cổ phần Mía đường, Sóc Trăng",
                          "Cửa hàng Vật tư Nông nghiệp", "Doanh nghiệp tư nhân Minh Phát"])
        #expect(dataset.enterprises.map(\.zoneID) == ["IZ01", "IZ01", nil, nil])
        #expect(dataset.zones == [IndustrialZone(id: "IZ01", name: "Khu công nghiệp An Nghiệp", status: .operating,
                                                 districtCode: "942", communeCode: "31594",
                                                 location: GeoPoint(latitude: 9.655, longitude: 105.935))])
    }

    /// enumerators.csv has a byte order mark and CRLF line ends.
    @Test func enumeratorsFileWithBOMAndCRLF() {
        #expect(dataset.enumerators.map(\.id) == ["N01", "N02", "N03"])
        #expect(dataset.enumerators.map(\.skills) == [[.household, .enterprise], [.household], [.enterprise]])
        #expect(dataset.enumerators.map(\.dailyMinutes) == [420, 420, 400])
        #expect(dataset.enumerators[2].postOffice == "Bưu điện Châu Thành")
    }

    @Test func unavailabilityShortensWorkingDays() throws {
        #expect(dataset.unavailability == [
            Unavailability(enumeratorID: "N02", from: try #require(CalendarDate(iso8601: "2023-10-09")),
                           to: CalendarDate(iso8601: "2023-10-10"), reason: "training"),
            Unavailability(enumeratorID: "N03", from: try #require(CalendarDate(iso8601: "2023-10-16")), to: nil,
                           reason: "leave"),
        ])
        #expect(dataset.workingDays(of: "N01").count == 12)
        #expect(dataset.workingDays(of: "N02").count == 10)
        #expect(dataset.workingDays(of: "N03").count == 9)
    }

    @Test func householdListingAndTravelOverrides() throws {
        let households = try #require(dataset.households)
        #expect(households.map(\.id) == ["H0001", "H0002", "H0003"])
        #expect(households[0].address == "12 Trần Hưng Đạo, Phường 5")
        #expect(households[1].location == nil)
        #expect(households[2].location == GeoPoint(latitude: 9.7059, longitude: 105.8987))
        #expect(dataset.travelOverrides == [TravelOverride(from: "31498", to: "31594", minutes: 25),
                                            TravelOverride(from: "31594", to: "31498", minutes: 25)])
    }

    @Test func englishCommuneTypesAreAccepted() throws {
        let copy = try FixtureDataset()
        defer { copy.delete() }
        try copy.replace("Phường 5,Phường,", with: "Phường 5,ward,", in: "communes.csv")
        try copy.replace("Thị trấn Châu Thành,Thị trấn,", with: "Thị trấn Châu Thành,Town,", in: "communes.csv")
        try copy.replace("Xã An Hiệp,Xã,", with: "Xã An Hiệp,commune,", in: "communes.csv")
        let read = try DatasetReader().read(folder: copy.folder)
        #expect(read.communes.map(\.type) == [.ward, .ward, .town, .commune])
    }

    @Test func extraColumnsAreIgnored() throws {
        let copy = try FixtureDataset()
        defer { copy.delete() }
        try copy.replace("lat,lon\n", with: "lat,lon,note\n", in: "zones.csv")
        try copy.replace("105.935\n", with: "105.935,\"243 ha, 64 projects\"\n", in: "zones.csv")
        let read = try DatasetReader().read(folder: copy.folder)
        #expect(read.zones.map(\.name) == ["Khu công nghiệp An Nghiệp"])
    }

    @Test func enterprisesMayCarryAnAddress() throws {
        let copy = try FixtureDataset()
        defer { copy.delete() }
        // A last column, empty on every row but the first enterprise's.
        let lines = try copy.contents("enterprises.csv").split(separator: "\n").enumerated().map { index, line in
            line + (index == 0 ? ",address" : index == 1 ? ",\"Lô A3, KCN An Nghiệp\"" : ",")
        }
        try copy.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: "enterprises.csv")
        let read = try DatasetReader().read(folder: copy.folder)
        #expect(read.enterprises.first { $0.id == "E001" }?.address == "Lô A3, KCN An Nghiệp")
        #expect(read.enterprises.first { $0.id == "E002" }?.address == nil, "an empty field is no address")
        let without = try DatasetReader().read(folder: try FixtureDataset.validFolder())
        #expect(without.enterprises.allSatisfy { $0.address == nil })
    }

    @Test func boundariesAreOptionalOutlinesCheckedRowByRow() throws {
        let copy = try FixtureDataset()
        defer { copy.delete() }
        #expect(try DatasetReader().read(folder: copy.folder).boundaries.isEmpty)
        try copy.write(Data("""
            area,ring,lat,lon
            province,1,9.60,105.90
            province,1,9.70,105.90
            province,1,9.70,106.00
            941,1,9.61,105.95
            941,1,9.62,105.95
            941,1,9.62,105.96

            """.utf8), to: "boundaries.csv")
        let rings = try DatasetReader().read(folder: copy.folder).boundaries
        #expect(rings.map(\.area) == [.province, .district("941")])
        #expect(rings.map(\.points.count) == [3, 3])
        try copy.write(Data("area,ring,lat,lon\n999,1,9.6,105.9\n941,1,9.61,105.95\n941,1,9.62,105.95\n".utf8),
                       to: "boundaries.csv")
        do {
            _ = try DatasetReader().read(folder: copy.folder)
            Issue.record("an unknown district and a two-point ring were accepted")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains { $0.contains("boundaries.csv:2:1: area: expected a district_code") })
            #expect(messages.contains { $0.contains("boundaries.csv:3:1: ring: expected at least 3 points") })
        }
    }
}
