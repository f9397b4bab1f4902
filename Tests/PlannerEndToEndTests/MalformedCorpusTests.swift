import Foundation
import PlannerTestSupport
import Testing

/// One broken dataset: a change to one file of the plannable fixture, and the file its first problem must name.
///
/// The corpus is generated here rather than kept as files, so that each case reads as the one change it makes
/// and the fixture it changes stays the single source of truth; legacy encodings are written from the byte
/// tables below.
struct BrokenDataset: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    let change: @Sendable (Data) -> Data
    /// The file the located problem names; `file` when nil.
    let reported: String?
    /// A fragment of that problem line.
    let fragment: String

    init(_ name: String, _ file: String, reported: String? = nil, expect fragment: String,
         _ change: @escaping @Sendable (Data) -> Data) {
        self.name = name
        self.file = file
        self.reported = reported
        self.fragment = fragment
        self.change = change
    }

    var testDescription: String { name }

    /// A text edit: replace the first occurrence of `old` (which must be present) with `new`.
    static func replacing(_ old: String, with new: String) -> @Sendable (Data) -> Data {
        { data in
            let text = String(decoding: data, as: UTF8.self)
            guard let range = text.range(of: old) else { return Data("\(old) not found".utf8) }
            return Data(text.replacingCharacters(in: range, with: new).utf8)
        }
    }

    /// The text in UTF-16, little-endian with a byte order mark or big-endian without.
    static func utf16(bigEndian: Bool) -> @Sendable (Data) -> Data {
        { data in
            var bytes: [UInt8] = bigEndian ? [] : [0xFF, 0xFE]
            for unit in String(decoding: data, as: UTF8.self).utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            return Data(bytes)
        }
    }

    /// The text in a legacy one-byte Vietnamese encoding, for the letters of the fixture's communes.csv.
    static func legacy(_ table: [Character: [UInt8]]) -> @Sendable (Data) -> Data {
        { data in
            var bytes: [UInt8] = []
            for character in String(decoding: data, as: UTF8.self) {
                bytes += table[character] ?? Array(String(character).utf8)
            }
            return Data(bytes)
        }
    }

    /// Windows-1258 (as `iconv -t CP1258` writes it: some letters as a base letter and a combining tone mark).
    static let windows1258: [Character: [UInt8]] = [
        "à": [0xE0], "ố": [0xF4, 0xEC], "ó": [0xF3], "ă": [0xE3], "ư": [0xFD], "ờ": [0xF5, 0xCC],
        "ệ": [0xEA, 0xF2], "â": [0xE2], "ị": [0x69, 0xF2], "ấ": [0xE2, 0xEC], "ã": [0x61, 0xDE],
    ]
    /// TCVN3 / TCVN 5712 (as `iconv -t TCVN5712-1` writes the lower-case letters).
    static let tcvn3: [Character: [UInt8]] = [
        "à": [0xB5], "ố": [0xE8], "ó": [0xE3], "ă": [0xA8], "ư": [0xAD], "ờ": [0xEA], "ệ": [0xD6], "â": [0xA9],
        "ị": [0xDE], "ấ": [0xCA], "ã": [0xB7],
    ]
    /// VNI-Windows: a base letter followed by mark bytes (ư and ơ are single bytes).
    static let vni: [Character: [UInt8]] = [
        "à": [0x61, 0xF8], "ố": [0x6F, 0xE1], "ó": [0x6F, 0xF9], "ă": [0x61, 0xEA], "ư": [0xF6], "ờ": [0xF4, 0xF8],
        "ệ": [0x65, 0xE4], "â": [0x61, 0xE2], "ị": [0x69, 0xEF], "ấ": [0x61, 0xE1], "ã": [0x61, 0xF5],
    ]
}

let brokenDatasets: [BrokenDataset] = [
    BrokenDataset("truncated inside a quoted field", "enterprises.csv", expect: "expected a closing quote") { data in
        let text = String(decoding: data, as: UTF8.self)
        return Data(text[..<text.range(of: "Minh Phát")!.lowerBound].utf8)
    },
    BrokenDataset("truncated inside a record", "communes.csv", expect: "expected 8 fields as in the header") { data in
        Data(data.prefix(data.count - 30))
    },
    BrokenDataset("UTF-16 with a byte order mark", "zones.csv", expect: "expected UTF-8, found UTF-16",
                  BrokenDataset.utf16(bigEndian: false)),
    BrokenDataset("UTF-16 without a byte order mark", "enumerators.csv", expect: "expected UTF-8, found UTF-16",
                  BrokenDataset.utf16(bigEndian: true)),
    BrokenDataset("Windows-1258", "communes.csv", expect: "communes.csv:2:7: encoding: expected UTF-8, found byte 0xE0",
                  BrokenDataset.legacy(BrokenDataset.windows1258)),
    BrokenDataset("TCVN3", "communes.csv", expect: "communes.csv:2:7: encoding: expected UTF-8, found byte 0xB5",
                  BrokenDataset.legacy(BrokenDataset.tcvn3)),
    BrokenDataset("VNI", "communes.csv", expect: "communes.csv:2:8: encoding: expected UTF-8, found byte 0xF8",
                  BrokenDataset.legacy(BrokenDataset.vni)),
    BrokenDataset("missing header line", "zones.csv", expect: "expected a column named zone_id") { data in
        let text = String(decoding: data, as: UTF8.self)
        return Data(text[text.index(after: text.firstIndex(of: "\n")!)...].utf8)
    },
    BrokenDataset("missing column", "zones.csv", expect: "expected a column named lon",
                  BrokenDataset.replacing("lat,lon", with: "lat,lng")),
    BrokenDataset("duplicated header", "enumerators.csv", expect: "expected each column name once in the header",
                  BrokenDataset.replacing("lat,lon,skills", with: "lat,lat,skills")),
    BrokenDataset("empty required file", "communes.csv", expect: "expected a header line naming the columns") { _ in
        Data()
    },
    BrokenDataset("empty survey.toml", "survey.toml", expect: "survey.toml:1:1:") { _ in Data() },
    BrokenDataset("binary garbage", "travel.csv", expect: "encoding: expected UTF-8") { _ in
        Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) })
    },
    BrokenDataset("NaN latitude", "enterprises.csv", expect: "lat: expected a latitude in decimal degrees, found \"NaN\"",
                  BrokenDataset.replacing("9.6131", with: "NaN")),
    BrokenDataset("swapped coordinates", "enumerators.csv", expect: "(lat and lon swapped?)",
                  BrokenDataset.replacing("9.706173,105.898517", with: "105.898517,9.706173")),
    BrokenDataset("negative household count", "communes.csv", expect: "households: expected a count ≥ 0",
                  BrokenDataset.replacing(",2444", with: ",-2444")),
    BrokenDataset("negative employee count", "enterprises.csv", expect: "employees: expected a count ≥ 0",
                  BrokenDataset.replacing(",850,", with: ",-850,")),
    BrokenDataset("unknown commune code", "enterprises.csv", expect: "expected a commune_code listed in communes.csv",
                  BrokenDataset.replacing("941,31498,,", with: "941,31497,,")),
    BrokenDataset("unknown district code", "enumerators.csv", expect: "expected a district_code listed in communes.csv",
                  BrokenDataset.replacing(",942,9.706173", with: ",949,9.706173")),
    BrokenDataset("duplicate enumerator ID", "enumerators.csv", expect: "again (first on line 2)",
                  BrokenDataset.replacing("N02,Trần", with: "N01,Trần")),
    BrokenDataset("date outside the window", "unavailability.csv", expect: "expected a date in the survey window",
                  BrokenDataset.replacing("N03,2023-10-16", with: "N03,2023-11-16")),
    BrokenDataset("enumerator with no working day", "unavailability.csv", reported: "enumerators.csv",
                  expect: "found none left after unavailability.csv",
                  BrokenDataset.replacing("N03,2023-10-16,", with: "N03,2023-10-03,")),
    BrokenDataset("zone in an unknown commune", "zones.csv", expect: "expected a commune_code listed in communes.csv",
                  BrokenDataset.replacing(",31594,9.655", with: ",31999,9.655")),
    BrokenDataset("a 1 MB field", "enterprises.csv", expect: "found a field of 1048576 characters",
                  BrokenDataset.replacing("Cửa hàng Vật tư Nông nghiệp", with: String(repeating: "x", count: 1 << 20))),
    BrokenDataset("TOML syntax error", "survey.toml", expect: "expected",
                  BrokenDataset.replacing("name = \"Fixture survey\"", with: "name = \"Fixture survey")),
    BrokenDataset("TOML table never closed", "survey.toml", expect: "expected",
                  BrokenDataset.replacing("[fieldwork]", with: "[fieldwork")),
    // Found by probing limits: each crashed `planner plan` (integer overflow) or ran for minutes before the fix.
    BrokenDataset("household count near Int.max", "communes.csv", expect: "expected a count of at most 100000000",
                  BrokenDataset.replacing(",2444", with: ",9223372036854775807")),
    BrokenDataset("take per commune near Int.max", "survey.toml", expect: "expected an integer in 1…100000",
                  BrokenDataset.replacing("take_per_commune = 4", with: "take_per_commune = 9223372036854775807")),
    BrokenDataset("interview minutes near Int.max", "survey.toml", expect: "expected minutes in 1…1440",
                  BrokenDataset.replacing("household_interview_minutes = 30",
                                          with: "household_interview_minutes = 9223372036854775807")),
    BrokenDataset("a window of eight thousand years", "survey.toml", expect: "less than 367 days after first_day",
                  BrokenDataset.replacing("last_day = 2023-10-18", with: "last_day = 9999-12-31")),
    // 24 KB of nested arrays overflowed the parser's stack (signal 11, exit 139) before its depth was bounded.
    BrokenDataset("10,000 nested arrays", "survey.toml", expect: "expected at most 64 levels of nested keys",
                  BrokenDataset.replacing("take_per_commune = 4", with: "take_per_commune = "
                      + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))),
    BrokenDataset("enumerator ID with a path", "enumerators.csv", expect: "expected an identifier usable as a file name",
                  BrokenDataset.replacing("N01,", with: "../N01,")),
    // Accepted by `validate` once, then crashed `sample` and `plan` (exit 132) or the solver (exit 1).
    BrokenDataset("a margin of 1e-10", "survey.toml", expect: "precision.margin: expected a margin in [0.001, 0.5]",
                  BrokenDataset.replacing("margin = 0.2", with: "margin = 1e-10")),
    BrokenDataset("a response rate of 1e-320", "survey.toml", expect: "response_rate: expected a rate in [0.01, 1]",
                  BrokenDataset.replacing("response_rate = 0.9", with: "response_rate = 1e-320")),
    BrokenDataset("a confidence a hair below 1", "survey.toml", expect: "confidence: expected a confidence level in [0.5, 0.9999]",
                  BrokenDataset.replacing("response_rate = 0.9", with: "confidence = 0.99999999999999989")),
    BrokenDataset("a design effect of 1e308", "survey.toml", expect: "design_effect: expected a design effect in [0.1, 100]",
                  BrokenDataset.replacing("icc = 0.05", with: "design_effect = 1e308")),
    BrokenDataset("a workload weight of 1e308", "survey.toml", expect: "workload_balance_weight: expected a weight in [0, 100]",
                  BrokenDataset.replacing("speed_kmh = 30", with: "speed_kmh = 30\nworkload_balance_weight = 1e308")),
    // Designs the settings make impossible: refused at the key, with the stratum named.
    BrokenDataset("certainty units fill a stratum", "survey.toml",
                  expect: "sample.enterprises.certainty_employees: expected a threshold that leaves room for a probability "
                      + "sample in every stratum, found 500: in stratum EN-IZ01, 1 of 2 enterprises",
                  { data in
                      BrokenDataset.replacing("minimum_per_stratum = 2", with: "minimum_per_stratum = 1\ncertainty_employees = 500")(
                          BrokenDataset.replacing("size = 4", with: "size = 3")(data))
                  }),
    BrokenDataset("a stratum allocated no unit", "survey.toml",
                  expect: "sample.enterprises.minimum_per_stratum: expected a minimum of at least 1",
                  { data in
                      BrokenDataset.replacing("minimum_per_stratum = 2", with: "minimum_per_stratum = 0\nallocation = \"proportional\"")(
                          BrokenDataset.replacing("size = 4", with: "size = 1")(
                              BrokenDataset.replacing("allocation = \"kish\"\n", with: "")(data)))
                  }),
]

/// Every broken dataset gives located problems and exit status 65 through the built `planner validate` and
/// `planner plan`, never a crash, and `plan` leaves no folder behind (no plan, no staging folder).
@Suite("Malformed datasets through the built planner")
struct MalformedCorpusTests {
    @Test func unbrokenFixturePlans() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try fixture.plan()
    }

    @Test(arguments: brokenDatasets)
    func brokenDatasetExits65WithALocatedProblem(_ broken: BrokenDataset) throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let url = fixture.dataset.appendingPathComponent(broken.file)
        let original = (try? Data(contentsOf: url)) ?? Data()
        let changed = broken.change(original)
        #expect(changed != original)
        try changed.write(to: url)

        let reported = "dataset/\(broken.reported ?? broken.file):"
        for command in [["validate", "dataset"], ["plan", "dataset", "--out", "plan", "--quiet"]] {
            let result = try PlannerProcess.run(command, in: fixture.root)
            #expect(result.status == 65, "\(command[0]): \(result.standardError)")
            #expect(result.standardOutput.isEmpty, "\(command[0])")
            let lines = result.standardError.split(separator: "\n").map(String.init)
            let located = lines.filter { line in
                line.hasPrefix(reported) && line.range(of: #"^[^:]+:\d+:\d+: [^:]+: expected "#,
                                                       options: .regularExpression) != nil
            }
            #expect(!located.isEmpty, "\(command[0]): no located problem in \(reported):\n\(result.standardError)")
            #expect(located.contains { $0.contains(broken.fragment) }, "\(command[0]):\n\(result.standardError)")
            #expect(lines.count <= 101, "\(command[0]) printed \(lines.count) lines")
            let left = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path)
            #expect(left == ["dataset"], "\(command[0]) left \(left)")
        }
    }
}
