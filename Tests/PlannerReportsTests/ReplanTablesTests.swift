import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling
import Testing

/// The files a re-plan reads and writes: progress, assignments with history, the release log.
@Suite struct ReplanTablesTests {
    static let asOf = CalendarDate(year: 2023, month: 10, day: 6)!
    static let sample = FieldworkFixture.sample()

    static func context(recorded: [RecordedVisit] = []) -> ProgressTable.Context {
        ProgressTable.Context(
            sampleUnitIDs: Set(sample.map(\.unitID)),
            planUnitIDs: Set(sample.filter { $0.role == .main }.map(\.unitID)),
            enumeratorIDs: Set(FieldworkFixture.enumerators.map(\.id)), calendar: FieldworkFixture.calendar,
            asOf: asOf, recorded: recorded)
    }

    static func read(_ text: String, recorded: [RecordedVisit] = []) throws(InvalidInput) -> [RecordedVisit] {
        try ProgressTable.read(Data(text.utf8), file: "progress.csv", context: context(recorded: recorded))
    }

    @Test func validRowsAreReadAndEmptyStatusesSkipped() throws {
        let visits = try Self.read("""
            unit_id,date,enumerator_id,status
            HH-31498-00001,2023-10-03,EN01,completed
            HH-31498-00002,2023-10-03,EN01,not_at_home
            HH-31498-00002,2023-10-04,EN02,Postponed
            HH-31498-00003,2023-10-04,EN01,
            DN0001,2023-10-05,EN01,refused
            """)
        #expect(visits.map(\.unitID) == ["HH-31498-00001", "HH-31498-00002", "HH-31498-00002", "DN0001"])
        #expect(visits.map(\.status) == [.completed, .notAtHome, .postponed, .refused])
    }

    @Test func everyBadRowIsLocated() throws {
        let text = """
            unit_id,date,enumerator_id,status
            HH-99999-00001,2023-10-03,EN01,completed
            HH-31498-00005,2023-10-03,EN01,completed
            HH-31498-00001,2023-10-06,EN01,completed
            HH-31498-00002,2023-10-03,EN99,completed
            HH-31498-00003,2023-10-03,EN01,gone
            HH-31498-00004,2023-10-03,EN01,refused
            HH-31498-00004,2023-10-03,EN02,refused
            HH-31498-00004,2023-10-05,EN01,completed
            HH-31498-00001,2023-09-30,EN01,completed
            """
        // Line 3 visits a reserve not released: a reserve used in the field, accepted (ProgressReadingTests).
        let error = try #require(throws: InvalidInput.self) { try Self.read(text) }
        let lines = error.problems.map(\.description)
        try #require(lines.count == 7, "\(lines)")
        #expect(lines[0].hasPrefix("progress.csv:2:1: unit_id: expected a unit_id of the plan's sample.csv"))
        #expect(lines[1].contains("progress.csv:4:16: date: expected a date before the as-of date 2023-10-06"))
        #expect(lines[2].contains("progress.csv:5:27: enumerator_id:"))
        #expect(lines[3].contains("progress.csv:6:32: status: expected one of completed (hoàn thành), refused"))
        #expect(lines[4].contains("progress.csv:8:16: date: expected one row per unit and date"))
        #expect(lines[5].contains("progress.csv:9:16: date: expected no visit after HH-31498-00004 was refused on 2023-10-03"))
        #expect(lines[6].contains("progress.csv:10:16: date: expected a date in the survey window"))
    }

    @Test func aRowMustAgreeWithTheParentsHistory() throws {
        let recorded = [RecordedVisit(unitID: "HH-31498-00001", date: CalendarDate(year: 2023, month: 10, day: 3)!,
                                      enumeratorID: "EN01", status: .notAtHome)]
        let same = try Self.read("unit_id,date,enumerator_id,status\nHH-31498-00001,2023-10-03,EN01,not_at_home\n",
                                 recorded: recorded)
        #expect(same == recorded)
        let error = try #require(throws: InvalidInput.self) {
            try Self.read("unit_id,date,enumerator_id,status\nHH-31498-00001,2023-10-03,EN01,completed\n",
                          recorded: recorded)
        }
        #expect(error.problems.first?.description.contains("the outcome the parent plan records") == true)
    }

    @Test func aMissingColumnIsReported() throws {
        let error = try #require(throws: InvalidInput.self) { try Self.read("unit_id,date,status\n") }
        #expect(error.problems.map(\.field) == ["enumerator_id"])
    }

    @Test func assignmentsWithHistoryReadBack() throws {
        let dataset = FieldworkFixture.dataset()
        let plan = try FieldworkFixture.plan(Self.sample, dataset: dataset)
        let history = [RecordedVisit(unitID: "HH-31498-00001", date: CalendarDate(year: 2023, month: 10, day: 3)!,
                                     enumeratorID: "EN01", status: .completed),
                       RecordedVisit(unitID: "DN0001", date: CalendarDate(year: 2023, month: 10, day: 3)!,
                                     enumeratorID: "EN01", status: .refused)]
        let files = FieldworkFolder.files(plan: plan, sample: Self.sample, dataset: dataset, language: .english,
                                          history: history)
        let assignments = try #require(files.first { $0.path == "assignments.csv" })
        let visits = try PlanVisitsTable.readVisits(assignments.data, file: "assignments.csv")
        #expect(visits.history == history.sorted(by: RecordedVisit.historyOrder))
        #expect(visits.planned.map(\.unitID) == plan.visits.map(\.unitID))
        #expect(visits.planned.map(\.siteID) == plan.visits.map(\.siteID))
        #expect(visits.planned.map(\.plannedStart) == plan.visits.map(\.plannedStart))
        // A plain plan's assignments.csv (no status column) reads as planned visits only.
        let plain = try #require(FieldworkFolder.files(plan: plan, sample: Self.sample, dataset: dataset)
            .first { $0.path == "assignments.csv" })
        let plainVisits = try PlanVisitsTable.readVisits(plain.data, file: "assignments.csv")
        #expect(plainVisits.history.isEmpty)
        #expect(plainVisits.planned.count == plan.visits.count)

        let rows = plan.visits.map { visit in
            ProgressTable.TemplateRow(visit: visit, label: "Nguyễn, \"Văn\" A", communeName: "Phường 1",
                                      enumeratorName: "Trần Thị B")
        }
        let template = String(decoding: ProgressTable.templateCSV(rows), as: UTF8.self)
        #expect(template.split(separator: "\r\n").count == plan.visits.count + 1)
        #expect(template.hasPrefix("\u{FEFF}unit_id,label,commune_name,enumerator_id,enumerator_name,date,status\r\n"))
        #expect(try Self.read(template).isEmpty, "an unfilled template records nothing")
    }

    /// A template filled in the last column, as a manager does in Excel, reads back as those outcomes: the
    /// label, commune and name columns (quoted labels with commas included) are ignored.
    @Test func aFilledTemplateIsReadBackWithItsExtraColumnsIgnored() throws {
        let visits = [("HH-31498-00001", "EN01", 3, VisitStatus.completed), ("HH-31498-00002", "EN01", 3, .notAtHome),
                      ("DN0001", "EN02", 4, .refused)]
        let rows = visits.enumerated().map { index, visit in
            ProgressTable.TemplateRow(
                visit: VisitAssignment(unitID: visit.0, unitKind: visit.0.hasPrefix("DN") ? .enterprise : .household,
                                       label: "", enumeratorID: EnumeratorID(visit.1),
                                       date: CalendarDate(year: 2023, month: 10, day: visit.2)!, visitOrder: index + 1,
                                       siteID: "31498", plannedStartMinutes: 480, travelMinutes: 5, interviewMinutes: 30),
                label: "Công ty \"A, B\"", communeName: "Phường 2", enumeratorName: "Lê Văn C")
        }
        let lines = String(decoding: ProgressTable.templateCSV(rows), as: UTF8.self).components(separatedBy: "\r\n")
        var filled = [lines[0]]
        for (line, visit) in zip(lines.dropFirst(), visits) { filled.append(line + visit.3.rawValue) }
        let read = try Self.read(filled.joined(separator: "\n") + "\n")
        #expect(read.map(\.unitID).sorted() == visits.map(\.0).sorted())
        #expect(Set(read.map(\.status)) == [.completed, .notAtHome, .refused])
        #expect(read.first { $0.unitID == "DN0001" }?.enumeratorID == EnumeratorID("EN02"))
    }

    @Test func releaseLogRoundTrip() throws {
        let releases = [
            ReserveRelease(groupID: "31498", stratumID: "HH-941", rank: 1, reserveUnitID: "HH-31498-00005",
                           replacedUnitID: "HH-31498-00002", reason: "not_at_home (3 visits)",
                           date: CalendarDate(year: 2023, month: 10, day: 5)!),
            ReserveRelease(groupID: "EN-941", stratumID: "EN-941", rank: 1, reserveUnitID: "DN0004",
                           replacedUnitID: "DN0001", reason: "refused", date: CalendarDate(year: 2023, month: 10, day: 3)!),
        ]
        #expect(try ReleaseTable.read(ReleaseTable.csv(releases), file: "releases.csv") == releases)
    }
}
