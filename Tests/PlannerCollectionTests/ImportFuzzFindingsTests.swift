import Foundation
import PlannerCollection
import PlannerFormats
import PlannerTestSupport
import Testing

/// What fuzzing the readers of `planner progress import` found (benchmarks/fuzz: `FuzzSurveySolutions`,
/// `FuzzSurveyCTO`; docs/robustness.md): each input once crashed a reader, was misread, or gave a problem
/// without a line and column. The inputs are in benchmarks/fuzz/corpus/survey-solutions and surveycto too.
@Suite struct ImportFuzzFindingsTests {
    let surveySolutions = SurveySolutionsExport(utcOffset: CollectionFixture.vietnam)
    let surveyCTO = SurveyCTOSubmissions(surveyOffset: CollectionFixture.vietnam)

    /// The start of line 2 of households.tab, HH-1's interview, up to `unit_id`'s value.
    static let interviewPrefix = "12-34-56-78\t5b3c8288289646699580e16f5d1b6d1e\t"

    private func readSurveySolutions(replacing replaced: [String: Data]) throws -> InvalidInput {
        let zip = try ZipFixture.archive(folder: CollectionFixture.surveySolutions, replacing: replaced)
        return try #require(throws: InvalidInput.self) { try surveySolutions.read(zip: zip, name: "export.zip") }
    }

    @Test func aTimeWithADigitOtherThanASCIIIsALocatedProblemNotACrash() throws {
        // `½` is a number to `Character.isNumber` but not to `Int`: the time reader indexed past its values.
        let actions = try CollectionFixture.fixtureText("interview__actions.tab")
            .replacingOccurrences(of: "2023-10-03\t02:15:09", with: "2023-10-03\t1:½")
        let error = try readSurveySolutions(replacing: ["interview__actions.tab": Data(actions.utf8)])
        // The completion it belonged to is then missing too: HH-1's status 100 has no Completed action.
        #expect(error.problems.map(\.description) == [
            "export.zip/interview__actions.tab:5:57: time: expected a time hh:mm:ss (UTC), found \"1:½\"",
            "export.zip/households.tab:2:129: interview__status: expected a Completed action (code 3) for interview "
                + "12-34-56-78 in interview__actions.tab, found status 100 Completed and no such action",
        ])

        let csv = Data("starttime,username,caseid\n2023-10-03T10:1½,en01,HH-1\n2023-10-03T١٠:15:00,en01,HH-2\n".utf8)
        let ctoError = try #require(throws: InvalidInput.self) { try surveyCTO.read(csv: csv, name: "h.csv") }
        #expect(ctoError.problems.map { "\($0.line!):\($0.column!) \($0.field)" } == ["2:1 starttime", "3:1 starttime"])
    }

    @Test func crlfLineEndsAreReadLikeLF() throws {
        // Swift reads CR LF as one Character, so splitting the text at "\n" left a CRLF file one long line.
        let lf = try surveySolutions.read(zip: try CollectionFixture.surveySolutionsZip(), name: "export.zip")
        var replaced: [String: String] = [:]
        for file in ["households.tab", "interview__actions.tab", "members.tab"] {
            replaced[file] = try CollectionFixture.fixtureText(file).replacingOccurrences(of: "\n", with: "\r\n")
        }
        let crlf = try surveySolutions.read(zip: try CollectionFixture.surveySolutionsZip(replacing: replaced),
                                            name: "export.zip")
        #expect(crlf.visits == lf.visits)
        #expect(crlf.summary == lf.summary)
        #expect(!crlf.visits.isEmpty)
    }

    @Test func bytesThatAreNotUTF8AreLocatedAtTheFirstOne() throws {
        // A label in Windows-1258 (ổ as the single byte 0xD4): the problem had no line.
        var main = Data(try CollectionFixture.fixtureText("households.tab").utf8)
        let label = Data("Tổ 1,".utf8)
        let at = try #require(main.range(of: label))
        main.replaceSubrange(at, with: Data([0x54, 0xD4, 0x20, 0x31, 0x2C]))
        let error = try readSurveySolutions(replacing: ["households.tab": main])
        let column = (Self.interviewPrefix + "HH-1\thousehold\t941\t31471\t\tT").unicodeScalars.count + 1
        #expect(error.problems.map(\.description) == [
            "export.zip/households.tab:2:\(column): encoding: expected UTF-8, found byte 0xD4, which is not UTF-8 "
                + "(a legacy encoding such as TCVN3, VNI or Windows-1258?); save the file as UTF-8",
        ])
    }

    @Test func aFileSavedAsUTF16IsSaidToBeUTF16AtItsStart() throws {
        let text = try CollectionFixture.fixtureText("households.tab")
        let utf16 = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        let error = try readSurveySolutions(replacing: ["households.tab": utf16])
        #expect(error.problems.count == 1)
        #expect(error.problems[0].file == "export.zip/households.tab")
        #expect(error.problems[0].location == SourceLocation(line: 1, column: 1))
        #expect(error.problems[0].found.hasPrefix("UTF-16"))
    }

    @Test func aNULByteIsRefusedWhereItIs() throws {
        // It was read into the unit's ID, which then named no unit of the plan: a problem showing nothing wrong.
        let main = try CollectionFixture.fixtureText("households.tab")
            .replacingOccurrences(of: "\tHH-1\t", with: "\tHH-1\u{0}\t")
        let error = try readSurveySolutions(replacing: ["households.tab": Data(main.utf8)])
        let column = (Self.interviewPrefix + "HH-1").unicodeScalars.count + 1
        #expect(error.problems.map(\.description) == [
            "export.zip/households.tab:2:\(column): encoding: expected UTF-8, found a NUL byte",
        ])
    }

    @Test func aVariableNamedTwiceInTheHeaderIsAProblemAtItsSecondPlace() throws {
        // The reader took the first unit_id column and never said there was a second.
        let main = try CollectionFixture.fixtureText("households.tab")
            .replacingOccurrences(of: "\tunit_type\t", with: "\tunit_id\t")
        let error = try readSurveySolutions(replacing: ["households.tab": Data(main.utf8)])
        #expect(error.problems.map(\.description) == [
            "export.zip/households.tab:1:38: unit_id: expected each variable name once in the header, "
                + "found \"unit_id\" again (first at 1:30)",
        ])
    }

    /// The fixture zip with `change` applied to its bytes, given where its end record and first directory entry are.
    private func damagedZip(_ change: (inout [UInt8], _ end: Int, _ directory: Int) -> Void) throws -> Data {
        var bytes = [UInt8](try CollectionFixture.surveySolutionsZip())
        let end = try #require((0...bytes.count - 22).last { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x05, 0x06] })
        let directory = try #require((0..<end).first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] })
        change(&bytes, end, directory)
        return Data(bytes)
    }

    private static func put32(_ value: UInt32, into bytes: inout [UInt8], at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }

    @Test func aZipWhoseDirectoriesPointPastItsEndIsDamagedNotACrash() throws {
        // ZIPFoundation's in-memory reader stops the process when it seeks past the end and then reads
        // (`FuzzSurveySolutions`, 174 executions: a directory offset past the end of a 2,207-byte archive).
        let damaged = [
            try damagedZip { bytes, end, _ in Self.put32(UInt32(bytes.count + 537), into: &bytes, at: end + 16) },
            try damagedZip { bytes, _, directory in Self.put32(0x00FF_FFFF, into: &bytes, at: directory + 42) },
            // A data descriptor (flag bit 3) after 2 GB of data.
            try damagedZip { bytes, _, directory in
                bytes[directory + 8] |= 0b1000
                Self.put32(0x7FFF_FFFF, into: &bytes, at: directory + 20)
            },
        ]
        for zip in damaged {
            let error = try #require(throws: InvalidInput.self) { try surveySolutions.read(zip: zip, name: "export.zip") }
            #expect(error.problems.map(\.field) == ["archive"])
            #expect(error.problems.first?.found.hasPrefix("a damaged zip archive: ") == true)
        }
    }

    @Test func archivesWrittenAsAStreamWithDataDescriptorsAndZIP64AreRead() throws {
        // The check above must not refuse what zip writers produce: Python's zipfile writing to a pipe puts a
        // data descriptor after each entry, and with force_zip64 a ZIP64 one (Fixtures/zip).
        let expected = try surveySolutions.read(zip: try CollectionFixture.surveySolutionsZip(), name: "export.zip").visits
        for name in ["streamed.zip", "streamed-zip64.zip"] {
            let zip = try Data(contentsOf: CollectionFixture.folder.appendingPathComponent("zip/\(name)"))
            #expect(try surveySolutions.read(zip: zip, name: "export.zip").visits == expected, "\(name)")
        }
    }

    @Test func theArchivesFuzzingFoundAreProblemsNotACrashOrAHang() throws {
        // directory-past-end.zip stopped the process in ZIPFoundation's in-memory reader (174 executions);
        // deflate-past-its-entry.zip (32,980 executions), whose fifth directory entry is broken, had ZIPFoundation
        // read the first four, one with a deflate stream that never ends, and its inflate loop hung (the next test).
        let damaged = "export.zip: archive: expected the zip of a Survey Solutions export (Data Export, tab-separated "
            + "data), found a damaged zip archive: "
        let expected = [
            "directory-past-end.zip": damaged + "its directory starts at byte 2744, past its end (2207 bytes) "
                + "(download the export again)",
            "deflate-past-its-entry.zip": damaged + "its directory is cut short after 5 of 8 entries (download the "
                + "export again)",
        ]
        for (name, message) in expected.sorted(by: { $0.key < $1.key }) {
            let zip = try Data(contentsOf: CollectionFixture.folder.appendingPathComponent("zip/\(name)"))
            let error = try #require(throws: InvalidInput.self) { try surveySolutions.read(zip: zip, name: "export.zip") }
            #expect(error.problems.map(\.description) == [message], "\(name)")
        }
    }

    @Test func aDeflateStreamThatDoesNotEndWithItsEntryIsAProblemNotAHang() throws {
        // households.tab's deflate data made to open a stored block of 65,535 bytes: the stream needs more than
        // the entry holds. ZIPFoundation's inflate loop on Linux read on to the end of the archive, then was
        // given empty chunks for ever.
        let zip = try damagedZip { bytes, _, _ in
            let name = Array("households.tab".utf8)
            guard let local = (0..<bytes.count - 30).first(where: {
                bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x03, 0x04] && Array(bytes[$0 + 30..<$0 + 30 + name.count]) == name
            }) else { return }
            let data = local + 30 + Int(bytes[local + 26]) + Int(bytes[local + 27]) << 8
                + Int(bytes[local + 28]) + Int(bytes[local + 29]) << 8
            bytes.replaceSubrange(data..<data + 5, with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        }
        let error = try #require(throws: InvalidInput.self) { try surveySolutions.read(zip: zip, name: "export.zip") }
        #expect(error.problems.map(\.description) == [
            "export.zip/households.tab: archive: expected an entry that unpacks (an export without a password), "
                + "found deflate data that ends before its stream does (a damaged archive)",
        ])
    }
}
