import Foundation
import PlannerCore
import PlannerFormats
import PlannerTestSupport
import Testing

/// The workbooks a manager opens by double-click: read back with another ZIP reader and XML parser, every cell is
/// what was written, typed as it should be, and the bytes never change for the same table.
@Suite struct SpreadsheetWriterTests {
    static let october3 = CalendarDate(year: 2023, month: 10, day: 3)!

    static func writer() -> SpreadsheetWriter {
        SpreadsheetWriter(sheetName: "Lịch khảo sát: [tháng 10]", columns: [
            .init("Ngày", width: 11), .init("Điều tra viên", width: 24), .init("Số lượt", width: 10),
        ], footerRows: [[.text("Tổng cộng"), .empty, .formula("SUM(C2:C3)", value: 19)]],
        printHeader: "Bưu điện A & B")
    }

    static let rows: [[SpreadsheetWriter.Cell]] = [
        [.date(october3), .text("=HYPERLINK(\"x\") <script> & \"Phạm\" "), .number(7)],
        [.date(october3.adding(days: 1)), .text("Võ Mỹ Hoa\u{1}"), .number(12.5)],
    ]

    @Test func cellsReadBackTypedAsWritten() throws {
        let workbook = try Workbook(Self.writer().data(rows: Self.rows))
        #expect(Set(workbook.parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                              "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        // Excel forbids []:*?/\ in sheet names.
        #expect(workbook.sheetNames == ["Lịch khảo sát- -tháng 10-"])
        #expect(workbook.rows(columns: 3) == [
            ["Ngày", "Điều tra viên", "Số lượt"],
            ["45202", "=HYPERLINK(\"x\") <script> & \"Phạm\" ", "7"],
            ["45203", "Võ Mỹ Hoa", "12.5"],
            ["Tổng cộng", "", "19"],
        ])
        // Text is a string cell, never a formula; dates are numbers shown day first; the total is a formula.
        #expect(workbook.cells["B2"]?.type == "inlineStr" && workbook.cells["B2"]?.formula == nil)
        #expect(workbook.cells["A2"]?.type == "n")
        #expect(workbook.formatOfStyle[workbook.cells["A2"]!.style] == "dd/mm/yyyy")
        #expect(workbook.formatOfStyle[workbook.cells["C2"]!.style] == "General")
        #expect(workbook.cells["C4"]?.formula == "SUM(C2:C3)")
        #expect(workbook.cells["B4"] == nil)
    }

    @Test func theSheetOpensFrozenFilteredAndPrintsOnA4() throws {
        let workbook = try Workbook(Self.writer().data(rows: Self.rows))
        let sheet = try Workbook.elements(workbook.parts["xl/worksheets/sheet1.xml"], "sheet1.xml")
        func element(_ name: String) -> [String: String]? { sheet.first { $0.name == name }?.attributes }
        #expect(element("pane")?["ySplit"] == "1" && element("pane")?["state"] == "frozen")
        #expect(element("autoFilter")?["ref"] == "A1:C3", "the filter covers the header and the rows, not the total")
        #expect(element("pageSetup")?["paperSize"] == "9" && element("pageSetup")?["orientation"] == "landscape")
        #expect(element("pageSetup")?["fitToWidth"] == "1" && element("pageSetup")?["fitToHeight"] == "0")
        #expect(sheet.first { $0.name == "oddHeader" }?.text == "&CBưu điện A && B")
        #expect(sheet.filter { $0.name == "col" }.map { $0.attributes["width"] } == ["11", "24", "10"])
        let names = try Workbook.elements(workbook.parts["xl/workbook.xml"], "workbook.xml")
            .filter { $0.name == "definedName" }.map { "\($0.attributes["name"]!)=\($0.text)" }
        #expect(names.contains("_xlnm.Print_Titles='Lịch khảo sát- -tháng 10-'!$1:$1"), "\(names)")
    }

    @Test func theSameTableGivesTheSameBytes() {
        #expect(Self.writer().data(rows: Self.rows) == Self.writer().data(rows: Self.rows))
        #expect(Self.writer().data(rows: Self.rows) != Self.writer().data(rows: Array(Self.rows.reversed())))
    }

    @Test func excelDateSerialsAndColumnNames() {
        #expect(SpreadsheetWriter.serial(CalendarDate(year: 1900, month: 3, day: 1)!) == 61)
        #expect(SpreadsheetWriter.serial(Self.october3) == 45202)
        #expect([0, 25, 26, 27, 51, 52, 701, 702].map(SpreadsheetWriter.columnName)
                == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    /// The check value of CRC-32 (IEEE) for the ASCII digits 1–9.
    @Test func crc32OfTheStandardCheckString() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
    }
}
