import Foundation
import PlannerCore

/// One table as an Excel workbook (`.xlsx`, Office Open XML): what a manager opens by double-click.
///
/// A CSV depends on the PC it is opened on: Excel splits columns at the list separator of the regional settings
/// (`;` where the decimal mark is a comma, as in Vietnamese ones), so the plan's comma CSVs open in one column
/// there. A workbook carries its own cells: text stays text (a name starting with `=` is never run as a formula),
/// numbers are numbers, dates are dates shown day first, in every locale. The sheet also opens ready to use: the
/// header row frozen and filterable, columns wide enough, and it prints on A4 landscape, one page wide, with the
/// header on every page.
///
/// The bytes depend only on the table (stored ZIP entries with a fixed time stamp, `StoredZIPArchive`), so a
/// plan's workbooks are rendered again and compared by `planner verify` like every other derived file.
public struct SpreadsheetWriter: Sendable {
    public enum Cell: Hashable, Sendable {
        case text(String)
        case number(Double)
        case date(CalendarDate)
        /// A formula and the value it gives, which viewers that do not calculate show.
        case formula(String, value: Double)
        case empty
    }

    public struct Column: Hashable, Sendable {
        public var title: String
        /// In characters of the default font, as Excel counts column widths.
        public var width: Double
        public init(_ title: String, width: Double) {
            self.title = title
            self.width = width
        }
    }

    /// The sheet's name (Excel allows 31 characters, none of `[]:*?/\`; others are replaced).
    public var sheetName: String
    public var columns: [Column]
    /// Bold rows at the end (totals), kept out of the filter's range.
    public var footerRows: [[Cell]]
    /// Printed at the top of every page (at most 200 characters are kept); pages are numbered at the bottom.
    public var printHeader: String?

    public init(sheetName: String, columns: [Column], footerRows: [[Cell]] = [], printHeader: String? = nil) {
        self.sheetName = sheetName
        self.columns = columns
        self.footerRows = footerRows
        self.printHeader = printHeader
    }

    /// The workbook: the header row, then `rows`, then the footer rows; every row has one cell per column.
    public func data(rows: [[Cell]]) -> Data {
        StoredZIPArchive.data([
            .init("[Content_Types].xml", Data(Self.contentTypes.utf8)),
            .init("_rels/.rels", Data(Self.packageRelationships.utf8)),
            .init("xl/workbook.xml", Data(workbook(rowCount: rows.count).utf8)),
            .init("xl/_rels/workbook.xml.rels", Data(Self.workbookRelationships.utf8)),
            .init("xl/styles.xml", Data(Self.styles.utf8)),
            .init("xl/worksheets/sheet1.xml", Data(worksheet(rows: rows).utf8)),
        ])
    }

    /// The column's letters: 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var name = ""
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// Days since 30 December 1899: the date serial number of Excel's 1900 date system.
    public static func serial(_ date: CalendarDate) -> Int {
        date.dayNumber - CalendarDate(year: 1899, month: 12, day: 30)!.dayNumber
    }

    // MARK: Parts

    private var safeSheetName: String {
        let forbidden = Set("[]:*?/\\")
        let cleaned = String(sheetName.map { forbidden.contains($0) ? "-" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    private var lastColumn: String { Self.columnName(max(columns.count - 1, 0)) }

    private func workbook(rowCount: Int) -> String {
        let name = Self.escape(safeSheetName)
        let quoted = "'" + safeSheetName.replacingOccurrences(of: "'", with: "''") + "'"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(name)" sheetId="1" r:id="rId1"/></sheets>\
            <definedNames>\
            <definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\
            \(Self.escape(quoted))!$A$1:$\(lastColumn)$\(rowCount + 1)</definedName>\
            <definedName name="_xlnm.Print_Titles" localSheetId="0">\(Self.escape(quoted))!$1:$1</definedName>\
            </definedNames>\
            </workbook>
            """
    }

    private func worksheet(rows: [[Cell]]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>\
            <dimension ref="A1:\(lastColumn)\(rows.count + footerRows.count + 1)"/>\
            <sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (index, column) in columns.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Self.number(column.width))\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        xml += row(1, columns.map { .text($0.title) }, bold: true)
        for (offset, cells) in rows.enumerated() { xml += row(offset + 2, cells, bold: false) }
        for (offset, cells) in footerRows.enumerated() { xml += row(rows.count + offset + 2, cells, bold: true) }
        xml += "</sheetData>"
        xml += "<autoFilter ref=\"A1:\(lastColumn)\(rows.count + 1)\"/>"
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        // `&` starts a code in header text (&C centre, &P page, &N pages), so a literal one is doubled.
        // Excel refuses a header over 255 characters (codes included), so the text is cut to 200.
        let header = printHeader.map { text in
            "<oddHeader>&amp;C" + Self.escape(String(text.prefix(200)).replacingOccurrences(of: "&", with: "&&"))
                + "</oddHeader>"
        }
        xml += "<headerFooter>" + (header ?? "") + "<oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
        xml += "</worksheet>"
        return xml
    }

    /// Style indexes of `styles`: 0 text, 1 bold, 2 date, 3 bold date, 4 wrapped bold header.
    private func row(_ number: Int, _ cells: [Cell], bold: Bool) -> String {
        precondition(cells.count == columns.count, "a row needs one cell per column")
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = Self.columnName(index) + String(number)
            let style = number == 1 ? 4 : bold ? 1 : 0
            switch cell {
            case .empty:
                continue
            case .text(let text):
                xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    + Self.escape(text) + "</t></is></c>"
            case .number(let value):
                xml += "<c r=\"\(reference)\" s=\"\(style)\"><v>\(Self.number(value))</v></c>"
            case .date(let date):
                xml += "<c r=\"\(reference)\" s=\"\(bold ? 3 : 2)\"><v>\(Self.serial(date))</v></c>"
            case .formula(let formula, let value):
                xml += "<c r=\"\(reference)\" s=\"\(style)\"><f>\(Self.escape(formula))</f><v>\(Self.number(value))</v></c>"
            }
        }
        return xml + "</row>"
    }

    /// A number as XML holds it: integers without a decimal point, others in the shortest form that reads back
    /// the same (Swift's `description`), never in a locale's format.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// Text as XML character data: the five markup characters escaped, and the control characters XML 1.0 does
    /// not allow (anything below U+0020 but tab, line feed and carriage return) dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Calibri 11 (Excel's default, with Vietnamese letters), dates as dd/mm/yyyy whatever the PC's locale.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
        <alignment wrapText="1" vertical="top"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
