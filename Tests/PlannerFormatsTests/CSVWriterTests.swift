import Foundation
import PlannerFormats
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    private let columns = [CSVWriter.Column("id", .numeric), CSVWriter.Column("name"), CSVWriter.Column("change", .numeric)]

    @Test func quotesOnlyWhatMustBeQuoted() {
        let writer = CSVWriter(columns: columns)
        let text = writer.text(rows: [["1", "plain", "-3.5"], ["2", "a, b", "0"], ["3", "say \"hi\"", "1"],
                                      ["4", "two\nlines", "2"], ["5", " padded", "3"]])
        #expect(text == "id,name,change\r\n1,plain,-3.5\r\n2,\"a, b\",0\r\n3,\"say \"\"hi\"\"\",1\r\n"
                    + "4,\"two\nlines\",2\r\n5,\" padded\",3\r\n")
    }

    @Test func roundTripsThroughTheReader() throws {
        let rows = [["1", "Công ty \"Sao Mai\", Sóc Trăng", "-1"], ["2", "line\r\nbreak", "2.5"], ["3", "", ""],
                    ["4", "=SUM(A1:A2)", "-7"]]
        for options in [CSVWriter.Options(), CSVWriter.Options(byteOrderMark: true, lineEnding: "\n")] {
            let data = CSVWriter(columns: columns, options: options).data(rows: rows)
            let table = try CSVReader().read(data, file: "out.csv")
            #expect(table.columnNames == ["id", "name", "change"])
            #expect(table.records.map { $0.fields.map(\.text) } == rows)
        }
    }

    /// A file for Excel with Vietnamese regional settings: `;` between fields, a field holding `;` (a skills list)
    /// or a comma quoted; the reader finds the separator from the header and reads the same rows.
    @Test func aSemicolonFileQuotesItsSeparatorAndReadsBack() throws {
        let rows = [["1", "household;enterprise", "-1"], ["2", "Công ty A, Sóc Trăng", "2,5"], ["3", "plain", ""]]
        let options = CSVWriter.Options(byteOrderMark: true, separator: CSVReader.semicolon)
        let writer = CSVWriter(columns: columns, options: options)
        let data = writer.data(rows: rows)
        #expect(data == Data(writer.text(rows: rows).utf8), "both writers give the same bytes")
        #expect(String(decoding: data, as: UTF8.self) == "\u{FEFF}id;name;change\r\n1;\"household;enterprise\";-1\r\n"
                    + "2;\"Công ty A, Sóc Trăng\";\"2,5\"\r\n3;plain;\r\n")
        let separator = CSVReader.separator(detectedIn: data)
        #expect(separator == CSVReader.semicolon)
        let table = try CSVReader(separator: separator).read(data, file: "out.csv")
        #expect(table.records.map { $0.fields.map(\.text) } == rows)
    }

    @Test func byteOrderMarkIsOptional() {
        let withMark = CSVWriter(columns: columns, options: .init(byteOrderMark: true)).data(rows: [])
        let without = CSVWriter(columns: columns).data(rows: [])
        #expect(Array(withMark.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(without.prefix(3)) == Array("id,".utf8))
    }

    @Test func formulasAreNeutralisedInTextColumnsOnly() throws {
        let writer = CSVWriter(columns: columns, options: .init(neutralizesFormulas: true))
        let rows = [["-1", "=HYPERLINK(\"http://x\")", "-2"], ["2", "+84 299", "+3"], ["3", "@cmd", "4"],
                    ["4", "-minus", "5"], ["5", "\tTab", "6"], ["6", "Bình thường", "7"]]
        let table = try CSVReader().read(writer.data(rows: rows), file: "out.csv")
        #expect(table.records.map { $0.fields.map(\.text) } == [
            ["-1", "'=HYPERLINK(\"http://x\")", "-2"], ["2", "'+84 299", "+3"], ["3", "'@cmd", "4"],
            ["4", "'-minus", "5"], ["5", "'\tTab", "6"], ["6", "Bình thường", "7"],
        ])
    }

    @Test func outputIsDeterministic() {
        let writer = CSVWriter(columns: columns)
        let rows = [["1", "x", "2"]]
        #expect(writer.data(rows: rows) == writer.data(rows: rows))
    }
}
