import Foundation
import PlannerCore
import PlannerFormats
import Testing

/// One defect put into a copy of the valid fixture, and the exact problem it must produce.
struct Defect: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    let edits: [(old: String, new: String)]
    let expectedFile: String
    let line: Int
    let column: Int
    let field: String
    let message: String
    let problemCount: Int

    init(_ name: String, _ file: String, _ edits: [(String, String)], expect expectedFile: String, _ line: Int,
         _ column: Int, _ field: String, _ message: String, problems problemCount: Int = 1) {
        self.name = name
        self.file = file
        self.edits = edits.map { (old: $0.0, new: $0.1) }
        self.expectedFile = expectedFile
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.problemCount = problemCount
    }

    var testDescription: String { name }
}

/// The corpus: each defect the brief names, each located to the line, column and field.
let defects: [Defect] = [
    Defect("commune type unknown", "communes.csv", [("Phường,9.61306", "Quận,9.61306")], expect: "communes.csv", 2, 40, "commune_type", "expected one of Phường, Thị trấn, Xã, ward, town, commune"),
    Defect("latitude not a number", "communes.csv", [("9.623945", "9.62x")], expect: "communes.csv", 3, 47, "lat", "expected a latitude in decimal degrees, found \"9.62x\""),
    Defect("latitude and longitude swapped", "communes.csv", [("9.623945,105.96", "105.96,9.623945")], expect: "communes.csv", 3, 47, "lat", "(lat and lon swapped?)"),
    Defect("point outside the bounding box", "communes.csv", [("9.706173,105.898517", "10.706173,105.898517")], expect: "communes.csv", 4, 57, "lat", "expected a point inside survey.toml's bounding_box"),
    Defect("latitude NaN", "communes.csv", [("9.651398", "nan")], expect: "communes.csv", 5, 42, "lat", "found \"nan\""),
    Defect("longitude infinite", "communes.csv", [("105.938289", "inf")], expect: "communes.csv", 5, 51, "lon", "found \"inf\""),
    Defect("negative household count", "communes.csv", [(",3768", ",-5")], expect: "communes.csv", 2, 66, "households", "expected a count ≥ 0, found \"-5\""),
    Defect("duplicate commune code", "communes.csv", [("31501,Phường 7", "31498,Phường 7")], expect: "communes.csv", 3, 25, "commune_code", "again (first on line 2)", problems: 2),
    Defect("inconsistent district name", "communes.csv", [("942,Huyện Châu Thành,31594", "942,Huyện Chau Thanh,31594")], expect: "communes.csv", 5, 5, "district_name", "the name of district 942 on line 4"),
    Defect("missing column", "communes.csv", [("lon,households\n", "lon,hh\n")], expect: "communes.csv", 1, 78, "households", "expected a column named households"),
    Defect("duplicate header name", "zones.csv", [("lat,lon\n", "lat,lon,lat\n"), ("105.935\n", "105.935,9.1\n")], expect: "zones.csv", 1, 61, "lat", "expected each column name once in the header"),
    Defect("zone status unknown", "zones.csv", [("operating", "running")], expect: "zones.csv", 2, 32, "status", "expected one of operating, under_construction, planned"),
    Defect("zone in an unknown commune", "zones.csv", [(",31594,9.655", ",31999,9.655")], expect: "zones.csv", 2, 46, "commune_code", "expected a commune_code listed in communes.csv"),
    Defect("zone district not the commune's", "zones.csv", [("operating,942", "operating,941")], expect: "zones.csv", 2, 42, "district_code", "expected 942, the district of commune 31594"),
    Defect("enterprise commune unknown", "enterprises.csv", [("941,31498,,", "941,31497,,")], expect: "enterprises.csv", 4, 38, "commune_code", "expected a commune_code listed in communes.csv"),
    Defect("enterprise zone unknown", "enterprises.csv", [(",IZ01,120", ",IZ09,120")], expect: "enterprises.csv", 3, 55, "zone_id", "expected a zone_id listed in zones.csv"),
    Defect("negative employee count", "enterprises.csv", [(",12,", ",-12,")], expect: "enterprises.csv", 4, 45, "employees", "expected a count ≥ 0"),
    // Names hold no line break (docs/formats.md), so the multi-line field is in an extra column, which is ignored.
    Defect("bad value after a multi-line field", "enterprises.csv",
           [("lat,lon", "lat,lon,note"), ("105.9342", "105.9342,"), ("105.9361", "105.9361,"),
            ("105.9789", "105.9789,\"line one\nline two\""), ("105.9601", "105.9601,"), (",35,", ",3x5,")],
           expect: "enterprises.csv", 6, 50, "employees", "found \"3x5\""),
    Defect("enterprise district not the commune's", "enterprises.csv", [("nghiệp,941,", "nghiệp,942,")], expect: "enterprises.csv", 4, 34, "district_code", "expected 941, the district of commune 31498"),
    Defect("duplicate enterprise ID", "enterprises.csv", [("E002,", "E001,")], expect: "enterprises.csv", 3, 1, "enterprise_id", "again (first on line 2)"),
    Defect("too few fields", "enterprises.csv", [("31498,,12,", "31498,,")], expect: "enterprises.csv", 4, 60, "lon", "expected 8 fields as in the header, found 7 fields"),
    Defect("too many fields", "enterprises.csv", [(",12,9.6131", ",12,9,6131")], expect: "enterprises.csv", 4, 55, "record", "expected 8 fields as in the header, found 9 fields"),
    Defect("unterminated quote at the end of the file", "enterprises.csv", [("Minh Phát\",941", "Minh Phát,941")], expect: "enterprises.csv", 5, 6, "name", "expected a closing quote for the field opened here, found the end of the file"),
    Defect("text after a closing quote", "enterprises.csv", [("Sóc Trăng\",942", "Sóc Trăng\"x,942")], expect: "enterprises.csv", 3, 44, "name", "expected a comma or a line end after the closing quote"),
    Defect("enterprise point with swapped coordinates", "enterprises.csv", [("9.6549,105.9361", "105.9361,9.6549")], expect: "enterprises.csv", 3, 64, "lat", "(lat and lon swapped?)"),
    Defect("unknown skill", "enumerators.csv", [("household;enterprise", "household;survey")], expect: "enumerators.csv", 2, 62, "skills", "expected household, enterprise or both joined by ';'"),
    Defect("enumerator in an unknown district", "enumerators.csv", [(",942,9.706173", ",949,9.706173")], expect: "enumerators.csv", 4, 38, "district_code", "expected a district_code listed in communes.csv"),
    Defect("zero daily minutes", "enumerators.csv", [(",420\r\nN02", ",0\r\nN02")], expect: "enumerators.csv", 2, 83, "daily_minutes", "expected minutes in 1…1440"),
    Defect("duplicate enumerator ID", "enumerators.csv", [("N02,Trần", "N01,Trần")], expect: "enumerators.csv", 3, 1, "enumerator_id", "again (first on line 2)", problems: 2),
    Defect("unavailability of an unknown enumerator", "unavailability.csv", [("N03,2023-10-16", "N09,2023-10-16")], expect: "unavailability.csv", 3, 1, "enumerator_id", "expected an enumerator_id listed in enumerators.csv"),
    Defect("unavailability from after to", "unavailability.csv", [("2023-10-09,2023-10-10", "2023-10-11,2023-10-10")], expect: "unavailability.csv", 2, 16, "to", "expected a date on or after from (2023-10-11)"),
    Defect("unavailability outside the window", "unavailability.csv", [("N03,2023-10-16", "N03,2023-10-20")], expect: "unavailability.csv", 3, 5, "from", "expected a date in the survey window 2023-10-03…2023-10-18"),
    Defect("impossible date", "unavailability.csv", [("2023-10-09", "2023-02-30")], expect: "unavailability.csv", 2, 5, "from", "expected a date YYYY-MM-DD"),
    Defect("enumerator with no working day", "unavailability.csv", [("N03,2023-10-16,", "N03,2023-10-03,")], expect: "enumerators.csv", 4, 1, "enumerator_id", "found none left after unavailability.csv"),
    Defect("household in an unknown commune", "households.csv", [("H0003,31569", "H0003,31570")], expect: "households.csv", 4, 7, "commune_code", "expected a commune_code listed in communes.csv"),
    Defect("household with only a latitude", "households.csv", [("15 Lê Lợi,,", "15 Lê Lợi,9.61,")], expect: "households.csv", 3, 28, "lon", "expected both lat and lon, or neither"),
    Defect("duplicate household ID", "households.csv", [("H0003", "H0001")], expect: "households.csv", 4, 1, "household_id", "again (first on line 2)"),
    Defect("travel to an unknown commune", "travel.csv", [("31594,31498,25", "31594,31499,25")], expect: "travel.csv", 3, 7, "to_commune", "expected a commune_code listed in communes.csv"),
    Defect("negative travel minutes", "travel.csv", [("31498,31594,25", "31498,31594,-25")], expect: "travel.csv", 2, 13, "minutes", "expected minutes in [0, 1440]"),
    Defect("duplicate travel pair", "travel.csv", [("31594,31498,25", "31498,31594,30")], expect: "travel.csv", 3, 1, "from_commune", "one travel time per pair of communes"),
    Defect("misspelt fieldwork key", "survey.toml", [("buffer_days = 2", "bufer_days = 2")], expect: "survey.toml", 33, 1, "fieldwork.bufer_days", "found unknown key 'bufer_days' (did you mean 'buffer_days'?)"),
    Defect("misspelt table", "survey.toml", [("[fieldwork]", "[fieldwrok]")], expect: "survey.toml", 32, 2, "fieldwrok", "unknown key 'fieldwrok' (did you mean 'fieldwork'?)"),
    Defect("wrong value type", "survey.toml", [("speed_kmh = 30", "speed_kmh = \"fast\"")], expect: "survey.toml", 35, 13, "fieldwork.speed_kmh", "expected a speed in km/h in [1, 200], found a string \"fast\""),
    Defect("TOML syntax error", "survey.toml", [("take_per_commune = 10", "take_per_commune = 10 10")], expect: "survey.toml", 15, 23, "sample.households", "expected a line end after the value"),
    Defect("last day before first day", "survey.toml", [("last_day = 2023-10-18", "last_day = 2023-10-01")], expect: "survey.toml", 5, 12, "survey.last_day", "expected a date on or after first_day (2023-10-03)"),
    Defect("unknown district in a district group", "survey.toml", [("[\"941\", \"942\"]", "[\"941\", \"949\"]")], expect: "survey.toml", 29, 28, "sample.enterprises.district_groups", "expected a district_code listed in communes.csv"),
    Defect("response rate above one", "survey.toml", [("response_rate = 0.9", "response_rate = 1.5")], expect: "survey.toml", 21, 17, "sample.households.precision.response_rate", "expected a rate in [0.01, 1]"),
    Defect("design effect and ICC both given", "survey.toml", [("icc = 0.05", "icc = 0.05\ndesign_effect = 1.5")], expect: "survey.toml", 20, 7, "sample.households.precision.icc", "either design_effect or icc, not both"),
    Defect("buffer as long as the window", "survey.toml", [("buffer_days = 2", "buffer_days = 12")], expect: "survey.toml", 33, 15, "fieldwork.buffer_days", "below the 12 working days"),
    Defect("holiday outside the window", "survey.toml", [("holidays = []", "holidays = [2023-10-20]")], expect: "survey.toml", 7, 13, "survey.holidays", "expected a date from 2023-10-03 to 2023-10-18"),
    Defect("duplicate TOML key", "survey.toml", [("seed = 20231003", "seed = 1\nseed = 2")], expect: "survey.toml", 9, 1, "survey.seed", "expected each key once, found a second definition (first at 8:1)"),
    Defect("missing first day", "survey.toml", [("first_day = 2023-10-03\n", "")], expect: "survey.toml", 2, 2, "survey.first_day", "expected a first_day key in [survey]"),
    Defect("empty optional file", "travel.csv", [("from_commune,to_commune,minutes\n31498,31594,25\n31594,31498,25\n", "")], expect: "travel.csv", 1, 1, "header", "expected a header line naming the columns, found an empty file"),
]

@Suite("Malformed datasets")
struct MalformedDatasetTests {
    @Test(arguments: defects)
    func defectIsLocated(_ defect: Defect) throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        for edit in defect.edits {
            try dataset.replace(edit.old, with: edit.new, in: defect.file)
        }
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        #expect(error.totalCount == defect.problemCount, "\(error.description)")
        let problem = try #require(error.problems.first)
        #expect(URL(fileURLWithPath: problem.file).lastPathComponent == defect.expectedFile)
        #expect(problem.line == defect.line, "\(problem)")
        #expect(problem.column == defect.column, "\(problem)")
        #expect(problem.field == defect.field, "\(problem)")
        #expect(problem.description.contains(defect.message), "\(problem)")
        #expect(problem.description.hasPrefix("\(problem.file):\(defect.line):\(defect.column): \(defect.field): expected "))
    }

    @Test func utf16WithByteOrderMarkIsNamed() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        let text = try dataset.contents("zones.csv")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try dataset.write(Data(bytes), to: "zones.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first)
        #expect(error.totalCount == 1, "\(error)")
        #expect(problem.description.hasSuffix("zones.csv:1:1: encoding: expected UTF-8, found UTF-16 (a UTF-16 byte order mark); save the file as UTF-8"))
    }

    @Test func utf16WithoutByteOrderMarkIsNamed() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        let text = try dataset.contents("zones.csv")
        var bytes: [UInt8] = []
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        try dataset.write(Data(bytes), to: "zones.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first)
        #expect(problem.field == "encoding")
        #expect(problem.location == SourceLocation(line: 1, column: 1))
        #expect(problem.description.contains("expected UTF-8, found UTF-16"))
    }

    @Test func legacyVietnameseEncodingIsLocated() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        // "Phường 7" with "ư" as the single byte 0xF6, as legacy one-byte Vietnamese code pages write it.
        let text = try dataset.contents("communes.csv")
        let range = try #require(text.range(of: "Phường 7"))
        var bytes = Array(text[..<range.lowerBound].utf8) + Array("Ph".utf8) + [0xF6] + Array("ờng 7".utf8)
        bytes += Array(text[range.upperBound...].utf8)
        try dataset.write(Data(bytes), to: "communes.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first)
        #expect(error.totalCount == 1, "\(error)")
        #expect(problem.location == SourceLocation(line: 3, column: 33))
        #expect(problem.description.contains("encoding: expected UTF-8, found byte 0xF6, which is not UTF-8"))
    }

    @Test func missingRequiredFileIsNamed() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        try dataset.remove("zones.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        #expect(error.problems.map(\.description) == [
            "\(dataset.url("zones.csv").path): file: expected a required file of the dataset, found no such file",
        ])
    }

    @Test func optionalFilesMayBeAbsent() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        // The valid fixture has every optional file but boundaries.csv.
        for file in DatasetReader.optionalFiles where FileManager.default.fileExists(atPath: dataset.url(file).path) {
            try dataset.remove(file)
        }
        let read = try DatasetReader().read(folder: dataset.folder)
        #expect(read.households == nil)
        #expect(read.boundaries.isEmpty)
        #expect(read.unavailability.isEmpty)
        #expect(read.travelOverrides.isEmpty)
        #expect(read.enterprises.count == 4)
    }

    @Test func megabyteFieldIsAProblemNotACrash() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        let huge = String(repeating: "x", count: 1 << 20)
        try dataset.replace("Cửa hàng Vật tư Nông nghiệp", with: huge, in: "enterprises.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first)
        #expect(error.totalCount == 1, "\(error)")
        #expect(problem.location == SourceLocation(line: 4, column: 6))
        #expect(problem.field == "name")
        #expect(problem.description.contains("expected at most 10000 characters, found a field of 1048576 characters"))
    }

    @Test func everyProblemAcrossFilesIsReportedInFileOrder() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        try dataset.replace("speed_kmh = 30", with: "speed_kmh = -1", in: "survey.toml")
        try dataset.replace("105.979011", with: "x", in: "communes.csv")
        try dataset.replace(",IZ01,120", with: ",IZ09,120", in: "enterprises.csv")
        try dataset.replace("N03,2023-10-16", with: "N09,2023-10-16", in: "unavailability.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        #expect(error.problems.map { URL(fileURLWithPath: $0.file).lastPathComponent } ==
            ["survey.toml", "communes.csv", "enterprises.csv", "unavailability.csv"])
        #expect(error.problems.map(\.field) == ["fieldwork.speed_kmh", "lon", "zone_id", "enumerator_id"])
    }

    @Test func problemsBeyondTheCapAreCounted() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        var text = "household_id,commune_code,address,lat,lon\n"
        for index in 0..<250 { text += "H\(index),99999,,,\n" }
        try dataset.write(Data(text.utf8), to: "households.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        #expect(error.problems.count == InvalidInput.problemCap)
        #expect(error.totalCount == 250)
        #expect(error.problems.first?.line == 2)
        #expect(error.problems.last?.line == 101)
        #expect(error.description.hasSuffix("\nand 150 more"))
    }

    @Test func missingFolderIsOneProblem() throws {
        let folder = URL(fileURLWithPath: "/nonexistent/planner-dataset")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: folder) }
        #expect(error.description == "/nonexistent/planner-dataset: dataset: expected a dataset folder, found no folder at this path")
    }
}
