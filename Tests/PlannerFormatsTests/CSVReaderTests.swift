import Foundation
import PlannerFormats
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private func read(_ text: String, reader: CSVReader = CSVReader()) throws(InvalidInput) -> CSVTable {
        try reader.read(Data(text.utf8), file: "t.csv")
    }

    private func problems(_ bytes: [UInt8], reader: CSVReader = CSVReader()) -> [InputProblem] {
        var log = ProblemLog()
        _ = reader.read(Data(bytes), file: "t.csv", problems: &log)
        return log.invalidInput.problems
    }

    private func problems(_ text: String) -> [InputProblem] { problems(Array(text.utf8)) }

    @Test func fieldsCarryLineAndColumn() throws {
        let table = try read("a,b,c\n1,22,333\nx,,z\n")
        #expect(table.columnNames == ["a", "b", "c"])
        #expect(table.records.map { $0.fields.map(\.text) } == [["1", "22", "333"], ["x", "", "z"]])
        #expect(table.records[0].fields.map(\.location) == [
            SourceLocation(line: 2, column: 1), SourceLocation(line: 2, column: 3), SourceLocation(line: 2, column: 6),
        ])
        #expect(table.records[1].fields[2].location == SourceLocation(line: 3, column: 4))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let table = try read("tên,mã\nSóc Trăng,941\n")
        #expect(table.header[1].location.column == 5)
        #expect(table.records[0].fields[1].location == SourceLocation(line: 2, column: 11))
    }

    @Test(arguments: ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4\n", "a,b\n1,2\n3,4", "\u{FEFF}a,b\r\n1,2\n3,4\n",
                      "a,b\n\n1,2\n\n3,4\n\n"])
    func lineEndsByteOrderMarkAndBlankLines(_ text: String) throws {
        let table = try read(text)
        #expect(table.columnNames == ["a", "b"])
        #expect(table.records.map { $0.fields.map(\.text) } == [["1", "2"], ["3", "4"]])
    }

    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        let table = try read("\u{FEFF}a,b\n1,2\n")
        #expect(table.header[0].location == SourceLocation(line: 1, column: 1))
        #expect(table.header[0].text == "a")
    }

    @Test func quotedFieldsFollowRFC4180() throws {
        let table = try read("name,note\n\"Lê, Văn\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"\"\nafter,x\n")
        #expect(table.records.map { $0.fields.map(\.text) } == [
            ["Lê, Văn", "say \"hi\""], ["two\r\nlines", ""], ["after", "x"],
        ])
        #expect(table.records[2].location == SourceLocation(line: 5, column: 1))
        #expect(table.records[1].fields[1].location == SourceLocation(line: 4, column: 8))
    }

    @Test func quoteInsideUnquotedFieldIsText() throws {
        let table = try read("a,b\n5\" pipe,x\n")
        #expect(table.records[0].fields[0].text == "5\" pipe")
    }

    @Test func unterminatedQuoteIsATruncatedFile() {
        #expect(problems("a,b\n1,2\n3,\"never closed\n4,5\n").map(\.description) == [
            "t.csv:3:3: b: expected a closing quote for the field opened here, found the end of the file (is the file truncated?)",
        ])
    }

    @Test func wrongFieldCountsAreReportedPerRecord() {
        #expect(problems("a,b,c\n1,2\n1,2,3,4\n1,2,3\n").map(\.description) == [
            "t.csv:2:4: c: expected 3 fields as in the header, found 2 fields",
            "t.csv:3:7: record: expected 3 fields as in the header, found 4 fields (an unquoted comma?)",
        ])
    }

    @Test func textAfterClosingQuote() {
        #expect(problems("a,b\n\"x\"y,2\n").map(\.description) == [
            "t.csv:2:4: a: expected a comma or a line end after the closing quote, found \"y\"",
        ])
    }

    @Test func duplicateHeaderNames() {
        #expect(problems("id,lat,lat\n1,2,3\n").map(\.description) == [
            "t.csv:1:8: lat: expected each column name once in the header, found \"lat\" again (first at 1:4)",
        ])
    }

    @Test(arguments: ["", "\u{FEFF}", "\n\n"])
    func emptyFile(_ text: String) {
        #expect(problems(text).map(\.description) == [
            "t.csv:1:1: header: expected a header line naming the columns, found an empty file",
        ])
    }

    @Test func utf16IsDetectedByByteOrderMark() {
        let bytes: [UInt8] = [0xFE, 0xFF] + Array("a,b".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(problems(bytes).map(\.description) == [
            "t.csv:1:1: encoding: expected UTF-8, found UTF-16 (a UTF-16 byte order mark); save the file as UTF-8",
        ])
    }

    @Test func utf16IsDetectedByNULBytes() {
        let bytes = Array("a,b\n1,2\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(problems(bytes).map(\.description) == [
            "t.csv:1:2: encoding: expected UTF-8, found UTF-16 (NUL bytes between characters); save the file as UTF-8",
        ])
    }

    /// Windows-1258 writes "ư" as 0xFD and TCVN3 uses single bytes above 0x80 for every Vietnamese letter.
    @Test(arguments: [[0xFD], [0xC3], [0xE1, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF5, 0x80, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8IsLocated(_ bad: [UInt8]) {
        let bytes = Array("ten,ma\nPh".utf8) + bad + Array("ng,1\n".utf8)
        let found = problems(bytes)
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(line: 2, column: 3))
        #expect(found.first?.description.contains("encoding: expected UTF-8, found byte 0x") == true)
    }

    @Test func validMultiByteUTF8IsAccepted() throws {
        let table = try read("a\n€𝄞ư\n")
        #expect(table.records[0].fields[0].text == "€𝄞ư")
    }

    @Test func overlongFieldsAreReportedNotStored() {
        let reader = CSVReader(maximumFieldLength: 10)
        let text = "a,b\n0123456789,\"01234567890\"\nok,ok\n"
        var log = ProblemLog()
        let table = reader.read(Data(text.utf8), file: "t.csv", problems: &log)
        #expect(log.invalidInput.problems.map(\.description) == [
            "t.csv:2:12: b: expected at most 10 characters, found a field of 11 characters",
        ])
        #expect(table?.records.map { $0.fields.map(\.text) } == [["ok", "ok"]])
    }

    @Test func megabyteFieldDoesNotCrash() {
        let text = "a,b\n" + String(repeating: "y", count: 1_000_000) + ",1\n"
        #expect(problems(text).map(\.description) == [
            "t.csv:2:1: a: expected at most 10000 characters, found a field of 1000000 characters",
        ])
    }

    @Test func headerNamesAreTrimmed() throws {
        let table = try read(" a , b\n1,2\n")
        #expect(table.columnNames == ["a", "b"])
        #expect(table.columnIndex("b") == 1)
    }

    @Test("every required column the header lacks is one problem at the header; optional ones are not")
    func columnPositionsReportEveryMissingColumn() throws {
        let table = try read("id,x,name\n1,2,3\n")
        var log = ProblemLog()
        let positions = table.columnPositions(["name", "date", "id", "status", "note"], optional: ["note"],
                                              problems: &log)
        #expect(positions == ["name": 2, "id": 0])
        #expect(log.invalidInput.problems.map(\.description) == [
            "t.csv:1:1: date: expected a column named date in the header, found no such column",
            "t.csv:1:1: status: expected a column named status in the header, found no such column",
        ])
    }
}
