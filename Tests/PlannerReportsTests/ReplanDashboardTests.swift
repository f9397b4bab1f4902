import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerSampling
import Testing
@testable import PlannerReports

/// The re-plan's sections of the summary page when many enumerators drop out: post offices on the page, each
/// office's enumerators in a block of its own, every enumerator dropping out named exactly once.
@Suite struct ReplanDashboardTests {
    /// The fixture's plan as the new plan; the previous plan had the same visits dealt round the fixture's three
    /// enumerators and `extra` more, who all drop out (half of them in a second post office).
    static func content(extra: Int) -> ReplanContent {
        let base = FieldworkFolderTests.complete
        let offices: [PostOfficeID] = ["Bưu điện tỉnh Sóc Trăng", "Bưu điện huyện Châu Thành"]
        let leaving = (1...extra).map { index in
            Enumerator(id: EnumeratorID(String(format: "EN%02d", 3 + index)), name: "Người nghỉ số \(index)",
                       postOffice: offices[index % 2], districtCode: "941", location: FieldworkFixture.city,
                       skills: [.household, .enterprise], dailyMinutes: 480)
        }
        let staff = FieldworkFixture.enumerators + leaving
        var previous = base.plan.visits
        for index in previous.indices { previous[index].enumeratorID = staff[index % staff.count].id }
        let changes = PlanChanges(previous: previous, new: base.plan.visits)
        return ReplanContent(
            parentPath: "p", asOf: CalendarDate(year: 2023, month: 10, day: 3)!,
            dataset: FieldworkFixture.dataset(enumerators: staff), sample: base.sample,
            result: ReplanResult(plan: base.plan, changes: changes, previousTripsKept: 0, previousTrips: 0),
            history: [], progress: base.plan.visits.map { UnitProgress(unitID: $0.unitID, state: .pending(attempts: 0)) },
            releases: [], newReleases: [], exhausted: [], weights: [], droppedEnumerators: leaving.map(\.id),
            availability: AvailabilityChanges())
    }

    static func changesSection(_ content: ReplanContent) throws -> String {
        try #require(ReplanDashboard.sections(content, language: .vietnamese).first { $0.id == "changes" }).bodyHTML
    }

    /// The numbers of each `<tfoot>` row of `html`, in order.
    static func footers(_ html: String) -> [[Int]] {
        html.components(separatedBy: "<tfoot>").dropFirst().map {
            $0.components(separatedBy: "</tfoot>")[0].components(separatedBy: "</th>").dropLast()
                .compactMap { Int($0.split(separator: ">").last ?? "") }
        }
    }

    @Test func aStrikeIsCountedAndEachLeaverNamedOnceInTheirOfficesBlock() throws {
        let extra = ReplanDashboard.namedDropoutsLimit + 2
        let content = Self.content(extra: extra)
        let html = try Self.changesSection(content)
        let list = try #require(html.components(separatedBy: "</ul>").first)
        #expect(list.contains("Điều tra viên nghỉ: \(extra) ("), "the list counts them")
        let blocks = html.components(separatedBy: "<details>").dropFirst().filter { $0.contains("có thay đổi") }
        #expect(blocks.count == 2, "one block per post office with a change")
        for leaver in content.droppedEnumerators {
            let name = try #require(content.dataset.enumerators.first { $0.id == leaver }).name
            #expect(!list.contains(name))
            let line = "\(leaver.rawValue) — \(name) (nghỉ)"
            #expect(html.components(separatedBy: line).count == 2, "\(line) named once")
            #expect(blocks.filter { $0.contains(line) }.count == 1)
        }
        // The post offices' table adds up to its total, and each office's block to the office's row.
        let footers = Self.footers(html)
        try #require(footers.count == 3)
        let officeRows = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
            .components(separatedBy: "</tr>").dropLast().map { row in
                row.components(separatedBy: "</td>").dropLast().compactMap { Int($0.split(separator: ">").last ?? "") }
            }
        #expect(officeRows.count == 2)
        #expect(zip(officeRows[0], officeRows[1]).map { $0 + $1 } == footers[0])
        #expect(footers[0][0] == extra, "every leaver counted in the offices' table")
        #expect(zip(footers[1], footers[2]).map { $0 + $1 } == Array(footers[0].dropFirst()))
        #expect(footers[0][1] == content.plan.visits.count, "the previous visits are all there")
    }

    @Test func aFewLeaversAreNamedInTheList() throws {
        let content = Self.content(extra: 2)
        let html = try Self.changesSection(content)
        let list = try #require(html.components(separatedBy: "</ul>").first)
        for leaver in content.droppedEnumerators {
            let name = try #require(content.dataset.enumerators.first { $0.id == leaver }).name
            #expect(list.contains("\(leaver.rawValue) — \(name)"))
        }
    }

    @Test func progressPerEnumeratorIsOneBlockPerOfficeAddingUpToTheTotal() throws {
        let content = Self.content(extra: 4)
        let html = try #require(ReplanDashboard.sections(content, language: .english).first { $0.id == "progress" })
            .bodyHTML
        let footers = Self.footers(html)
        let offices = Set(content.plan.visits.compactMap { visit in
            content.dataset.enumerators.first { $0.id == visit.enumeratorID }?.postOffice
        })
        #expect(html.components(separatedBy: "<details>").count - 1 == offices.count)
        try #require(footers.count == 2 + offices.count)
        #expect(footers[0] == footers[1])
        let blocks = footers.dropFirst(2).reduce(Array(repeating: 0, count: footers[0].count)) {
            zip($0, $1).map { $0 + $1 }
        }
        #expect(blocks == footers[0])
        #expect(footers[0].last == content.plan.visits.count)
    }

    /// A release's reason and origin as a Vietnamese reader reads them (the log keeps the status code): the
    /// dashboard and replan-report.md once showed "refused" and "out-of-order" in Vietnamese pages.
    @Test func releaseReasonsAndOriginsAreInTheReadersWords() {
        let vietnamese = FieldworkText.vietnamese, english = FieldworkText.english
        #expect(vietnamese.releaseReason("refused") == "từ chối")
        #expect(vietnamese.releaseReason("not_at_home (3 visits)") == "không gặp (3 lần thăm)")
        #expect(english.releaseReason("not_at_home (3 visits)") == "not at home (3 visits)")
        #expect(vietnamese.releaseReason("gone") == "gone", "an unknown reason is shown as it is")
        #expect(vietnamese.releaseReason("closed (x visits)") == "closed (x visits)")
        for status in VisitStatus.allCases {
            #expect(EnglishWords.found(inText: vietnamese.releaseReason(status.rawValue + " (2 visits)")) == [])
        }
        for origin in ReserveRelease.Origin.allCases {
            #expect(EnglishWords.found(inText: vietnamese.releaseOrigin(origin)) == [])
            #expect(vietnamese.releaseOrigin(origin) != english.releaseOrigin(origin))
        }
    }
}
