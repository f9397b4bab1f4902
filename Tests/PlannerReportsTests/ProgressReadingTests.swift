import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import Testing

/// Progress as post offices send it: several files merged, and files saved by Excel in a Vietnamese (or a
/// US) locale.
@Suite struct ProgressReadingTests {
    static let header = "unit_id,date,enumerator_id,status\n"
    static let context = ReplanTablesTests.context()

    static func read(_ files: [(String, String)],
                     recorded: [RecordedVisit] = []) throws(InvalidInput) -> ProgressReading {
        try ProgressTable.read(files.map { ProgressTable.Source(file: $0.0, data: Data($0.1.utf8)) },
                               context: ReplanTablesTests.context(recorded: recorded))
    }

    static func date(_ day: Int) -> CalendarDate { CalendarDate(year: 2023, month: 10, day: day)! }

    @Test func twoOfficesFilesMergeAndTheSameVisitCountsOnce() throws {
        let recorded = [RecordedVisit(unitID: "HH-31498-00003", date: Self.date(3), enumeratorID: "EN01",
                                      status: .notAtHome)]
        let reading = try Self.read([
            ("office-a.csv", Self.header + """
                HH-31498-00001,2023-10-03,EN01,completed
                HH-31498-00002,2023-10-04,EN01,refused
                HH-31498-00003,2023-10-03,EN01,not_at_home
                HH-31498-00004,2023-10-04,EN01,
                """),
            ("office-b.csv", Self.header + """
                DN0001,2023-10-04,EN02,completed
                HH-31498-00001,2023-10-03,EN01,completed
                DN0001,2023-10-04,EN02,completed
                """),
        ], recorded: recorded)
        #expect(reading.visits.count == 4, "the parent's visit, two from office A, one from office B")
        #expect(Set(reading.visits.map(\.unitID)) == ["HH-31498-00001", "HH-31498-00002", "HH-31498-00003", "DN0001"])
        let a = ProgressReading.FileCount(path: "office-a.csv", rows: 4, unfilled: 1, used: 2, repeated: 0,
                                          alreadyRecorded: 1)
        let b = ProgressReading.FileCount(path: "office-b.csv", rows: 3, unfilled: 0, used: 1, repeated: 2,
                                          alreadyRecorded: 0)
        #expect(reading.files == [a, b])
        for file in reading.files {
            #expect(file.rows == file.unfilled + file.used + file.repeated + file.alreadyRecorded,
                    "every row of \(file.path) is accounted for")
        }
        #expect(reading.files.map(\.used).reduce(0, +) == reading.visits.count - recorded.count)
    }

    @Test func conflictingOutcomesInTwoFilesNameBothFiles() throws {
        let error = try #require(throws: InvalidInput.self) {
            try Self.read([
                ("office-a.csv", Self.header + "HH-31498-00001,2023-10-03,EN01,completed\n"),
                ("office-b.csv", Self.header + "DN0001,2023-10-04,EN02,completed\nHH-31498-00001,2023-10-03,EN01,refused\n"),
            ])
        }
        #expect(error.problems.count == 1)
        let line = try #require(error.problems.first?.description)
        #expect(line.hasPrefix("office-b.csv:3:"), "\(line)")
        #expect(line.contains("office-a.csv:2"), "\(line)")
        #expect(line.contains("office-b.csv:3"), "\(line)")
    }

    @Test func excelSavedFilesAreRead() throws {
        let bom = "\u{FEFF}"
        let semicolons = bom + """
            Unit_ID;Date;Enumerator_ID;Status
            HH-31498-00001;03/10/2023;EN01;Hoàn thành
            HH-31498-00002;3/10/2023;EN01;KHONG GAP
            HH-31498-00002;04/10/2023 00:00;EN02;hoãn
            DN0001;5/10/2023;EN01;tu choi
            """
        let tabs = "unit_id\tdate\tenumerator_id\tstatus\n"
            + "HH-31498-00003\t2023-10-04\tEN02\tkhông tìm thấy\n"
            + "HH-31498-00004\t2023-10-04\tEN02\tđóng cửa\n"
            + "DN0002\t2023-10-05\tEN01\tNot at home\n"
        let reading = try Self.read([("office-a.csv", semicolons), ("office-b.csv", tabs)])
        let byUnit = Dictionary(grouping: reading.visits, by: \.unitID)
        #expect(byUnit["HH-31498-00001"]?.map(\.status) == [.completed])
        #expect(byUnit["HH-31498-00001"]?.map(\.date) == [Self.date(3)], "03/10/2023 is 3 October")
        #expect(byUnit["HH-31498-00002"]?.map(\.status) == [.notAtHome, .postponed])
        #expect(byUnit["HH-31498-00002"]?.map(\.date) == [Self.date(3), Self.date(4)])
        #expect(byUnit["DN0001"]?.map(\.status) == [.refused])
        #expect(byUnit["HH-31498-00003"]?.map(\.status) == [.notFound])
        #expect(byUnit["HH-31498-00004"]?.map(\.status) == [.closed])
        #expect(byUnit["DN0002"]?.map(\.status) == [.notAtHome])
    }

    @Test(arguments: VisitStatus.allCases)
    func everyVietnameseWordReadsWithAndWithoutDiacritics(_ status: VisitStatus) {
        let plain = status.vietnameseWord.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x300...0x36F).contains($0.value) }
            .map(String.init).joined().replacingOccurrences(of: "đ", with: "d")
        #expect(VisitStatus(word: status.vietnameseWord) == status)
        #expect(VisitStatus(word: status.vietnameseWord.uppercased()) == status)
        #expect(VisitStatus(word: plain) == status)
        #expect(VisitStatus(word: status.rawValue) == status)
    }

    @Test func aTypoGetsASuggestion() throws {
        let error = try #require(throws: InvalidInput.self) {
            try Self.read([("p.csv", Self.header + "HH-31498-00001,2023-10-03,EN01,complted\n"
                + "HH-31498-0002,2023-10-03,EN01,completed\n" + "HH-31498-00003,2023-10-03,EN1,completed\n")])
        }
        let lines = error.problems.map(\.description)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("p.csv:2:") && $0.contains("did you mean completed?") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("p.csv:3:") && $0.contains("did you mean HH-31498-00002?") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("p.csv:4:") && $0.contains("did you mean EN01?") }, "\(lines)")
        #expect(VisitStatus.suggestion(for: "xyz") == nil, "nothing near: no guess")
    }

    @Test func monthFirstDatesAreOneGroupedProblemWithAHint() throws {
        // As Excel in a US locale saves 3, 4 and 5 October: month first.
        var text = Self.header
        for (index, unit) in ["HH-31498-00001", "HH-31498-00002", "HH-31498-00003", "HH-31498-00004"].enumerated() {
            text += "\(unit),10/0\(3 + index % 3)/2023,EN01,completed\n"
        }
        text += "DN0001,10/13/2023,EN01,completed\n"
        let error = try #require(throws: InvalidInput.self) { try Self.read([("p.csv", text)]) }
        #expect(error.totalCount == 2, "\(error)")
        let window = try #require(error.problems.first { $0.expected.contains("survey window") })
        #expect(window.location?.line == 2)
        #expect(window.found.contains("the same problem on 4 rows: lines 2–5"), "\(window.found)")
        #expect(window.found.contains("US locale"), "\(window.found)")
        let unreadable = try #require(error.problems.first { $0.expected.contains("day/month/year") })
        #expect(unreadable.location?.line == 6)
    }

    @Test func aDayMonthDateOutsideTheWindowIsLocated() throws {
        let error = try #require(throws: InvalidInput.self) {
            try Self.read([("p.csv", Self.header + "HH-31498-00001,03/11/2023,EN01,completed\n")])
        }
        let problem = try #require(error.problems.first)
        #expect(problem.description.hasPrefix("p.csv:2:16: date: expected a date in the survey window"))
        #expect(problem.found.contains("2023-11-03"))
    }

    @Test func aHeaderMixingSeparatorsIsSaidToMixThem() throws {
        // Typed by hand after an Excel export: semicolons, then commas.
        let error = try #require(throws: InvalidInput.self) {
            try Self.read([("p.csv", "unit_id;date;enumerator_id,status\nHH-31498-00001;2023-10-03;EN01,completed\n")])
        }
        let problem = try #require(error.problems.first { $0.field == "status" })
        #expect(problem.location?.line == 1)
        #expect(problem.found.contains("“enumerator_id,status”"), "\(problem.found)")
        #expect(problem.found.contains("separated by semicolons; the header mixes separators"), "\(problem.found)")
        // A header with one separator and a wrong name says only how it was read.
        let misnamed = try #require(throws: InvalidInput.self) {
            try Self.read([("p.csv", "unit_id,date,enumerator,status\nHH-31498-00001,2023-10-03,EN01,completed\n")])
        }
        let found = try #require(misnamed.problems.first { $0.field == "enumerator_id" }).found
        #expect(found.hasSuffix("(read as separated by commas)"), "\(found)")
    }

    @Test func separatorIsFoundFromTheHeader() {
        #expect(CSVReader.separator(detectedIn: Data("a;b;c\n1,5;2;3\n".utf8)) == CSVReader.semicolon)
        #expect(CSVReader.separator(detectedIn: Data("a\tb\n".utf8)) == CSVReader.tab)
        #expect(CSVReader.separator(detectedIn: Data("\"a;b\",c\n".utf8)) == CSVReader.comma)
        #expect(CSVReader.separator(detectedIn: Data("abc\n".utf8)) == CSVReader.comma)
    }
}
