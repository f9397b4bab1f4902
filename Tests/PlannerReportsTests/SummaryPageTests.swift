import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling
import Testing
@testable import PlannerReports

@Suite struct SummaryPageTests {
    typealias Case = FieldworkFolderTests.Case

    /// The fixture's strata, as `allocation.csv` would list them.
    static let design = SampleDesignSummary(strata: [
        .init(id: "EN-941", label: "Enterprises, Thành phố Sóc Trăng (941)", unitType: .enterprise, frameSize: 4,
              allocatedSize: 2, sampleSize: 2, reserveSize: 1, expectedMargin: 0.2, expectedRelativeMargin: 0.4,
              designEffect: 1),
        .init(id: "EN-IZ01", label: "Enterprises in Khu công nghiệp An Nghiệp (IZ01)", unitType: .enterprise,
              frameSize: 2, allocatedSize: 1, sampleSize: 1, reserveSize: 1, expectedMargin: 0.3,
              expectedRelativeMargin: 0.6, designEffect: 1),
        .init(id: "HH-941", label: "Households, Thành phố Sóc Trăng (941)", unitType: .household, frameSize: 6212,
              allocatedSize: 8, sampleSize: 8, reserveSize: 4, expectedMargin: 0.35, expectedRelativeMargin: 0.7,
              designEffect: 1.15),
    ])

    static func manifest(_ plan: FieldworkPlan?) -> PlanManifest {
        PlanManifest(
            kind: plan == nil ? "sample" : "plan", seed: 1, generator: .init(name: "xoshiro256**", version: "1"),
            dataset: "Inputs/fixture", inputs: [.init(path: "communes.csv", sha256: String(repeating: "ab", count: 32))],
            files: [], complete: plan?.isComplete,
            solver: plan.map { _ in
                PlanManifest.Solver(status: "optimal", objective: 812.5, bestBound: 812.5, gap: 0, seconds: 0.25,
                                    backend: "GLPK", backendVersion: "5.0", warmStartAccepted: true, source: "solver", rows: 40,
                                    columns: 90, integerColumns: 90)
            },
            run: .init(createdAt: "2023-09-20T00:00:00Z", seconds: 1))
    }

    static func input(_ item: Case, withPlan: Bool = true, language: Language = .vietnamese) -> SummaryInput {
        SummaryInput(dataset: item.dataset, sample: item.sample, design: design,
                     manifest: manifest(withPlan ? item.plan : nil), plan: withPlan ? item.plan : nil,
                     language: language)
    }

    static func sectionIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<section id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    // MARK: Sections

    @Test(arguments: Language.allCases)
    func aPlanHasEverySectionInTheContents(language: Language) {
        let html = SummaryPage.html(Self.input(FieldworkFolderTests.complete, language: language))
        let ids = Self.sectionIDs(html)
        #expect(ids == ["design", "map", "calendar", "workload", "documents", "solver", "inputs"])
        for id in ids { #expect(html.contains("<a href=\"#\(id)\">"), "no contents entry for \(id)") }
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        let text = SummaryText.of(language)
        for heading in [text.designHeading, text.mapHeading, text.calendarHeading, text.workloadHeading,
                        text.provenanceHeading, text.allocationChartTitle] {
            #expect(html.contains(HTMLPage.escape(heading)), "missing \(heading)")
        }
        // One route per enumerator-day on the map, one day group per day with routes.
        let plan = FieldworkFolderTests.complete.plan
        #expect(html.components(separatedBy: "class=\"route\"").count - 1 == plan.routes.count)
        #expect(html.components(separatedBy: "<g class=\"route-day\"").count - 1 == Set(plan.routes.map(\.date)).count)
        #expect(html.contains("<select id=\"day-picker\">"))
        // Every enumerator of the roster has a row in the calendar and in the workload chart.
        for enumerator in FieldworkFolderTests.complete.dataset.enumerators {
            let label = HTMLPage.escape("\(enumerator.id.rawValue) \(enumerator.name)")
            #expect(html.components(separatedBy: ">\(label)</text>").count - 1 == 2, "\(enumerator.id) rows")
        }
    }

    @Test func aSampleFolderHasTheSampleSectionsOnlyAndNoScript() {
        let html = SummaryPage.html(Self.input(FieldworkFolderTests.complete, withPlan: false))
        #expect(Self.sectionIDs(html) == ["design", "map", "inputs"])
        #expect(!html.contains("<script"))
        #expect(!html.contains("class=\"route\""))
        #expect(html.contains(HTMLPage.escape(SummaryText.vietnamese.sampleOnlyNote)))
        #expect(html.contains("<h2>\(HTMLPage.escape(SummaryText.vietnamese.sampleMapHeading))</h2>"))
    }

    @Test func extraSectionsComeFirstWithTheirTitleEscaped() {
        let extra = SummarySection(id: "changes since/2023", title: "Thay đổi <b>",
                                   bodyHTML: SummarySection.paragraph("3 < 4 & done"))
        #expect(extra.id == "changes-since-2023")
        let html = SummaryPage.html(Self.input(FieldworkFolderTests.complete), extraSections: [extra])
        #expect(Self.sectionIDs(html).first == "changes-since-2023")
        #expect(html.contains("<h2>Thay đổi &lt;b&gt;</h2>"))
        #expect(html.contains("<p>3 &lt; 4 &amp; done</p>"))
        #expect(html.contains("<a href=\"#changes-since-2023\">Thay đổi &lt;b&gt;</a>"))
    }

    @Test func anIncompletePlanSaysSoBeforeAnythingElse() throws {
        let item = FieldworkFolderTests.incomplete
        #expect(!item.plan.isComplete)
        let html = SummaryPage.html(Self.input(item))
        let warning = try #require(html.range(of: "<p class=\"warning\">"))
        let design = try #require(html.range(of: "<section id=\"design\">"))
        #expect(warning.lowerBound < design.lowerBound)
        #expect(html.contains(FieldworkText.vietnamese.incompleteWarning(item.plan.unscheduledUnitIDs.count,
                                                                          item.plan.totals.units)))
        // What is proven about the shortfall follows the warning, before the design.
        let proof = try #require(item.plan.shortfallProof)
        let proofLine = try #require(html.range(of: HTMLPage.escape(FieldworkText.vietnamese.shortfallProofLine(proof))))
        #expect(warning.lowerBound < proofLine.lowerBound && proofLine.lowerBound < design.lowerBound)
    }

    // MARK: Safety

    @Test(arguments: [true, false])
    func inputTextIsEscapedAndTheOnlyScriptIsThePagesOwn(withPlan: Bool) {
        let html = SummaryPage.html(Self.input(FieldworkFolderTests.complete, withPlan: withPlan))
        #expect(!html.contains(FieldworkFixture.scriptName))
        #expect(html.contains(HTMLPage.escape(FieldworkFixture.scriptName)), "the hostile enterprise is not shown")
        #expect(html.components(separatedBy: "<script").count - 1 == (withPlan ? 1 : 0))
    }

    @Test(arguments: Language.allCases)
    func thePageReferencesNothingOutsideItself(language: Language) {
        let html = SummaryPage.html(Self.input(FieldworkFolderTests.complete, language: language))
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("<link"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("@import"))
        #expect(!html.replacingOccurrences(of: "url(#hatch)", with: "").contains("url("), "only the page's own pattern")
    }

    // MARK: Determinism

    @Test func theSamePlanGivesTheSameBytes() throws {
        let item = FieldworkFolderTests.complete
        let first = SummaryPage.html(Self.input(item))
        #expect(first == SummaryPage.html(Self.input(item)))
        // A second solve of the same request: the page shows only the manifest's solver record, so it matches.
        let again = Case(dataset: item.dataset, sample: item.sample,
                         plan: try FieldworkFixture.plan(item.sample, dataset: item.dataset))
        #expect(SummaryPage.html(Self.input(again)) == first)
    }

    // MARK: Design

    @Test func theDesignReadsBackFromAllocationCSV() throws {
        let plan = try SampleDesigner.design(dataset: SampleTablesTests.dataset, seed: 11)
        let drawn = SampleDesignSummary(plan: plan)
        let read = try SampleDesignSummary.read(allocationCSV: SampleTables.allocationCSV(plan), file: "allocation.csv")
        #expect(read.strata.map(\.id) == drawn.strata.map(\.id))
        #expect(read.strata.map(\.sampleSize) == drawn.strata.map(\.sampleSize))
        #expect(read.strata.map(\.frameSize) == drawn.strata.map(\.frameSize))
        for type in UnitType.allCases {
            let exact = type == .household ? plan.households.expectedOverallMargin : plan.enterprises.expectedOverallMargin
            #expect(abs((drawn.overallMargin(of: type) ?? 0) - exact) < 1e-9)
            #expect(abs((read.overallMargin(of: type) ?? 0) - exact) < 1e-3, "4 decimals in the CSV")
        }
    }

    @Test func aBrokenAllocationCSVIsReportedWithItsLocation() {
        let csv = Data(("stratum,label,unit_type,frame_size,allocated_size,sample_size,reserve_size,"
                        + "expected_margin_of_error,expected_relative_margin,design_effect\r\n"
                        + "HH-1,x,household,ten,1,1,0,0.1,0.2,1\r\n").utf8)
        #expect {
            try SampleDesignSummary.read(allocationCSV: csv, file: "p/allocation.csv")
        } throws: { error in
            "\(error)".contains("p/allocation.csv:2:") && "\(error)".contains("frame_size")
        }
    }

    // MARK: Map

    @Test func theMapDrawsTheDatasetsOutlinesAndWorksWithout() {
        var item = FieldworkFolderTests.complete
        let without = SummaryPage.html(Self.input(item))
        #expect(!without.contains("district-area\""))
        let square = [GeoPoint(latitude: 9.60, longitude: 105.94), GeoPoint(latitude: 9.60, longitude: 105.99),
                      GeoPoint(latitude: 9.66, longitude: 105.99), GeoPoint(latitude: 9.66, longitude: 105.94)]
        item.dataset.boundaries = [BoundaryRing(area: .province, ring: 1, points: square),
                                   BoundaryRing(area: .district("941"), ring: 1, points: Array(square.prefix(3)))]
        let with = SummaryPage.html(Self.input(item))
        #expect(with.components(separatedBy: "class=\"district-area\"").count == 2)
        #expect(with.contains("<title>Thành phố Sóc Trăng (941)</title>"))
        #expect(with.components(separatedBy: "class=\"province-line\"").count == 2)
        // Routes are grouped by enumerator for the highlight picker, coloured by post office.
        #expect(with.contains("<select id=\"enumerator-picker\">"))
        for route in item.plan.routes {
            #expect(with.contains("<g data-enumerator=\"\(route.enumeratorID.rawValue)\">"))
        }
        #expect(!with.contains("hsl("))
    }
}
