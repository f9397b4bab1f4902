import Foundation
import PlannerCore
import PlannerPipeline
import PlannerTestSupport
import Testing

/// `PlanVerifier` on a plan folder written in-process, then tampered with: each change is found by the check
/// it breaks, at the file and line where it is.
@Suite("Plan verification")
struct VerificationTests {
    @Test func anUntouchedPlanHasNoFinding() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        #expect(try plan.findings() == [])
    }

    /// A file changed after the plan was written no longer has the digest the manifest records.
    @Test func aChangedFileIsAnIntegrityFinding() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        try plan.editor.rewrite("fieldwork-report.md", keepDigest: true) { $0 + "\nEdited by hand.\n" }
        let findings = try plan.findings()
        #expect(findings.map(\.check) == [.integrity], "\(findings)")
        #expect(findings.first?.path == "fieldwork-report.md")
        #expect(findings.first?.message.contains("SHA-256") == true)
    }

    /// A file the manifest does not list, and a listed file that is gone, are both integrity findings.
    @Test func anAddedAndARemovedFileAreIntegrityFindings() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        try Data("stray\n".utf8).write(to: plan.folder.appendingPathComponent("notes.txt"))
        try FileManager.default.removeItem(at: plan.folder.appendingPathComponent("routes.geojson"))
        let findings = try plan.findings().filter { $0.check == .integrity }
        #expect(Set(findings.map(\.path)) == ["notes.txt", "routes.geojson"], "\(findings)")
    }

    /// A visit copied onto a second line of assignments.csv (digest updated, so only the rule is broken) is a
    /// coverage finding on the copy's line that names the first.
    @Test func aUnitVisitedTwiceIsACoverageFindingOnTheSecondLine() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let first = try #require(try plan.rows("assignments.csv").first)
        let unitID = try #require(first.fields["unit_id"])
        try plan.editor.rewriteRecords("assignments.csv") { records in records + [records[0]] }
        let copyLine = try plan.rows("assignments.csv").last?.line

        let coverage = try plan.findings().filter { $0.check == .coverage }
        #expect(coverage.count == 1, "\(coverage)")
        #expect(coverage.first?.path == "assignments.csv")
        #expect(coverage.first?.line == copyLine)
        #expect(coverage.first?.message == "unit \(unitID) is scheduled again (first on line \(first.line))")
    }

    /// The enumerator of the first visit declared unavailable on that day: a calendar finding on every line of
    /// that enumerator-day, and no other kind of finding.
    @Test func aVisitOnAnUnavailableDayIsACalendarFinding() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let rows = try plan.rows("assignments.csv")
        let first = try #require(rows.first)
        let enumerator = try #require(first.fields["enumerator_id"])
        let day = try #require(first.fields["date"].flatMap(CalendarDate.init(iso8601:)))
        var changed = plan.dataset
        changed.unavailability.append(Unavailability(enumeratorID: EnumeratorID(enumerator), from: day, to: day,
                                                     reason: "sick"))

        // The summary page shows availability, so it differs from its rendering with the changed dataset: a derived
        // finding, set aside here.
        let findings = try plan.findings(dataset: changed).filter { $0.check != .derived }
        let sameDay = rows.filter { $0.fields["enumerator_id"] == enumerator && $0.fields["date"] == day.description }
        #expect(findings.allSatisfy { $0.check == .calendar && $0.path == "assignments.csv" }, "\(findings)")
        #expect(findings.compactMap(\.line) == sameDay.map(\.line))
    }

    /// The working day of survey.toml, checked from the printed times: a survey whose offices open later than
    /// the plan's first enterprise visit, and one whose break window no visit pattern leaves room for, are
    /// budget findings naming the rule.
    @Test func officeHoursAndTheLunchBreakAreChecked() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let rows = try plan.rows("assignments.csv")
        let enterprise = try #require(rows.first { $0.fields["unit_type"] == "enterprise" })
        let start = try #require(enterprise.fields["planned_start"].flatMap { WorkingDay.minutes(ofClock: $0) })
        var lateOffices = plan.dataset
        lateOffices.settings.fieldwork.workingDay.officeOpensMinutes = start + 5
        let office = try plan.findings(dataset: lateOffices).filter { $0.message.contains("outside office hours") }
        #expect(office.contains { $0.line == enterprise.line }, "\(office)")

        var noRoom = plan.dataset
        noRoom.settings.fieldwork.workingDay.breakMinutes = 150
        noRoom.settings.fieldwork.workingDay.breakEarliestStartMinutes = 11 * 60
        noRoom.settings.fieldwork.workingDay.breakLatestEndMinutes = 13 * 60 + 30
        let breaks = try plan.findings(dataset: noRoom).filter { $0.message.contains("-minute break") }
        #expect(!breaks.isEmpty)
        #expect(breaks.allSatisfy { $0.check == .budget && $0.path == "assignments.csv" })
        #expect(try plan.findings().isEmpty)
    }

    /// A unit given to an enumerator who lacks its skill is a skills finding on that line.
    @Test func aVisitByAnEnumeratorWithoutTheSkillIsASkillsFinding() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let rows = try plan.rows("assignments.csv")
        let enterprise = try #require(rows.first { $0.fields["unit_type"] == "enterprise" })
        let enumerator = try #require(enterprise.fields["enumerator_id"])
        var changed = plan.dataset
        let index = try #require(changed.enumerators.firstIndex { $0.id.rawValue == enumerator })
        changed.enumerators[index].skills = [.household]

        let findings = try plan.findings(dataset: changed)
        let theirs = rows.filter { $0.fields["enumerator_id"] == enumerator && $0.fields["unit_type"] == "enterprise" }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.check == .skills }, "\(findings)")
        #expect(findings.compactMap(\.line) == theirs.map(\.line))
    }

    /// A dataset file edited after the plan was made is an inputs finding naming it.
    @Test func aChangedDatasetIsAnInputsFinding() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        try plan.fixture.edit("zones.csv") { $0 + "\n" }
        let findings = try plan.findings()
        #expect(findings.map(\.check) == [.inputs], "\(findings)")
        #expect(findings.first?.message.contains("zones.csv") == true)
    }
}
