import Foundation
import PlannerFormats
import PlannerTestSupport
import Testing

/// What the planner writes is safe to open: hostile names are escaped in HTML and neutralised in CSV, no
/// command writes into its inputs or an existing plan, and no source file reaches for the network.
@Suite("Safe output", .serialized)
struct SafeOutputTests {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\" onmouseover=\"alert(2)"
    static let formula = "=HYPERLINK(\"http://example.invalid\",\"x\")"

    /// The plannable fixture with hostile text in every name a plan shows.
    func hostileFixture() throws -> PlannableFixture {
        let fixture = try PlannableFixture()
        let hostile = "\(Self.script) & 'quoted' \(Self.attribute)"
        try fixture.edit("survey.toml") {
            $0.replacingOccurrences(of: "name = \"Fixture survey\"",
                                    with: "name = \"Survey \\\"\(Self.script)\\\" &amp;\"\ncontact = \"\(Self.script)\"")
        }
        try fixture.edit("communes.csv") {
            $0.replacingOccurrences(of: "Phường 5,", with: "\"Phường 5 \(hostile.replacingOccurrences(of: "\"", with: "\"\""))\",")
                .replacingOccurrences(of: "Thành phố Sóc Trăng", with: "\"\(Self.formula.replacingOccurrences(of: "\"", with: "\"\""))\"")
        }
        try fixture.edit("enterprises.csv") {
            $0.replacingOccurrences(of: "Cửa hàng Vật tư Nông nghiệp",
                                    with: "\"\(Self.formula.replacingOccurrences(of: "\"", with: "\"\"")) \(Self.script)\"")
        }
        try fixture.edit("enumerators.csv") {
            $0.replacingOccurrences(of: "Nguyễn Văn An", with: "@SUM(1+1) \(Self.script)")
                .replacingOccurrences(of: "Bưu điện Sóc Trăng", with: "<b>Bưu điện</b> ../../etc")
        }
        try fixture.edit("zones.csv") {
            $0.replacingOccurrences(of: "Khu công nghiệp An Nghiệp", with: "-1+2 \(Self.script)")
        }
        return fixture
    }

    @Test func hostileNamesAreEscapedInEveryHTMLFileAndNeutralisedInEveryCSV() throws {
        let fixture = try hostileFixture()
        defer { fixture.delete() }
        let plan = try fixture.plan()
        let files = try PlanFolderReader(folder: plan).files()
        let html = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(html.count > 10)
        for path in html {
            let text = String(decoding: files[path]!, as: UTF8.self)
            #expect(!text.contains(Self.script), "\(path) holds raw input markup")
            #expect(!text.contains("onmouseover=\""), "\(path) holds a raw attribute from the input")
            #expect(!text.contains("<b>Bưu"), "\(path)")
        }
        let escapedSomewhere = html.contains { String(decoding: files[$0]!, as: UTF8.self).contains("&lt;script&gt;alert(1)") }
        #expect(escapedSomewhere, "the hostile names should appear, escaped")

        for path in files.keys.sorted() where path.hasSuffix(".csv") {
            let table = try CSVReader().read(files[path]!, file: path)
            for record in table.records {
                for field in record.fields where field.text.hasPrefix("=") || field.text.hasPrefix("@")
                    || field.text.hasPrefix("+") || (field.text.hasPrefix("-") && Double(field.text) == nil) {
                    Issue.record("\(path):\(field.location): a cell that a spreadsheet would run: \(field.text)")
                }
            }
        }
        // Markdown reports pass raw HTML to whatever renders them: names are written with `&lt;`.
        let markdown = files.keys.filter { $0.hasSuffix(".md") }.sorted()
        #expect(markdown.count >= 2)
        for path in markdown {
            let text = String(decoding: files[path]!, as: UTF8.self)
            #expect(!text.contains(Self.script) && !text.contains("<b>"), "\(path) holds raw input markup")
        }
        #expect(files.keys.allSatisfy { !$0.contains("..") && !$0.hasPrefix("/") })
        #expect(try PlannerProcess.run(["verify", "plan"], in: fixture.root).status == 0)
    }

    @Test func noCommandWritesIntoItsInputsOrAnExistingPlan() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        func snapshot(_ folder: String) throws -> [String: Data] {
            try PlanFolderReader(folder: fixture.root.appendingPathComponent(folder)).files()
        }
        let dataset = try snapshot("dataset")
        #expect(try PlannerProcess.run(["validate", "dataset"], in: fixture.root).status == 0)
        #expect(try PlannerProcess.run(["sample", "dataset", "--out", "s"], in: fixture.root).status == 0)
        let sample = try snapshot("s")
        let sampleManifest = try Data(contentsOf: fixture.root.appendingPathComponent("s/manifest.json"))
        #expect(try PlannerProcess.run(["assign", "s", "--out", "a", "--quiet"], in: fixture.root).status == 0)
        try fixture.plan("p")
        let plan = try snapshot("p")
        let planManifest = try Data(contentsOf: fixture.root.appendingPathComponent("p/manifest.json"))
        for folder in ["s", "a", "p"] {
            #expect(try PlannerProcess.run(["verify", folder], in: fixture.root).status == 0)
        }
        // Writing over an existing plan, or exporting the model into one, is refused.
        let again = try PlannerProcess.run(["plan", "dataset", "--out", "p", "--quiet"], in: fixture.root)
        #expect(again.status == 73)
        let export = try PlannerProcess.run(["plan", "dataset", "--out", "q", "--quiet", "--export-model", "p/model.lp"],
                                            in: fixture.root)
        #expect(export.status == 64)
        #expect(export.standardError.contains("plans are never modified"))

        #expect(try snapshot("dataset") == dataset)
        #expect(try snapshot("s") == sample)
        #expect(try Data(contentsOf: fixture.root.appendingPathComponent("s/manifest.json")) == sampleManifest)
        #expect(try snapshot("p") == plan)
        #expect(try Data(contentsOf: fixture.root.appendingPathComponent("p/manifest.json")) == planManifest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted() == ["a", "dataset", "p", "s"])
    }

    /// The planner works offline: no source file uses a networking API.
    @Test func sourcesUseNoNetworkingAPI() throws {
        let forbidden = ["URLSession", "URLRequest", "NSURLConnection", "FoundationNetworking", "import Network",
                         "CFNetwork", "CFStream", "getaddrinfo", "gethostbyname", "socket(", "connect(", "libcurl",
                         "Data(contentsOf: URL(string:", "String(contentsOf: URL(string:"]
        let sources = PlannerProcess.packageRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var checked = 0
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") || path.hasSuffix(".h") || path.hasSuffix(".modulemap") else { continue }
            let text = try String(decoding: Data(contentsOf: sources.appendingPathComponent(path)), as: UTF8.self)
            checked += 1
            for name in forbidden where text.contains(name) {
                Issue.record("Sources/\(path) uses \(name)")
            }
        }
        #expect(checked > 50)
    }
}
