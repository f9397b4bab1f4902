import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads back the first sheet of an `.xlsx` workbook with readers the writer does not use (ZIPFoundation for the
/// archive, Foundation's XML parser for the parts), so tests check what a spreadsheet program would find.
public struct Workbook {
    public struct Cell: Equatable, Sendable {
        /// `inlineStr`, `s` (shared string), `n` (number, the default), `b`, `e`, `str`.
        public var type: String
        public var value: String
        public var formula: String?
        public var style: Int
    }

    /// Every entry of the archive, by path.
    public var parts: [String: Data]
    /// The first sheet's cells by reference (`A1`).
    public var cells: [String: Cell]
    /// The number formats of the style sheet's cell formats, by style index (`dd/mm/yyyy`, or `General`).
    public var formatOfStyle: [Int: String]
    public var sheetNames: [String]

    public init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        self.parts = parts
        let sheet = try Self.elements(parts["xl/worksheets/sheet1.xml"], "xl/worksheets/sheet1.xml")
        var cells: [String: Cell] = [:]
        var current: (reference: String, cell: Cell)?
        for element in sheet {
            switch element.name {
            case "c":
                if let current { cells[current.reference] = current.cell }
                current = (element.attributes["r"] ?? "?",
                           Cell(type: element.attributes["t"] ?? "n", value: "", formula: nil,
                                style: Int(element.attributes["s"] ?? "0") ?? 0))
            case "v", "t": current?.cell.value += element.text
            case "f": current?.cell.formula = element.text
            default: break
            }
        }
        if let current { cells[current.reference] = current.cell }
        self.cells = cells

        let styles = try Self.elements(parts["xl/styles.xml"], "xl/styles.xml")
        var codes: [String: String] = ["0": "General", "14": "m/d/yyyy"]
        for element in styles where element.name == "numFmt" {
            codes[element.attributes["numFmtId"] ?? ""] = element.attributes["formatCode"]
        }
        var formats: [Int: String] = [:]
        var inCellFormats = false
        var index = 0
        for element in styles {
            if element.name == "cellXfs" { inCellFormats = true; continue }
            if element.name == "cellStyles" { inCellFormats = false }
            if inCellFormats, element.name == "xf" {
                formats[index] = codes[element.attributes["numFmtId"] ?? "0"] ?? "?"
                index += 1
            }
        }
        formatOfStyle = formats
        sheetNames = try Self.elements(parts["xl/workbook.xml"], "xl/workbook.xml")
            .filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
    }

    /// The text or value of a cell as a string; "" when the cell is absent.
    public func text(_ reference: String) -> String { cells[reference]?.value ?? "" }

    /// The rows of the sheet as text, from row 1, each with `columns` cells.
    public func rows(columns: Int) -> [[String]] {
        let last = cells.keys.compactMap { Int($0.drop { $0.isLetter }) }.max() ?? 0
        return (1...max(last, 1)).map { row in
            (0..<columns).map { text(Self.columnName($0) + String(row)) }
        }
    }

    public static func columnName(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : columnName(index / 26 - 1) + columnName(index % 26)
    }

    /// An element in document order, with its own text (children's text not included).
    public struct Element {
        public var name: String
        public var attributes: [String: String]
        public var text: String
    }

    public static func elements(_ data: Data?, _ path: String) throws -> [Element] {
        guard let data else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path,
                                                             NSLocalizedDescriptionKey: "\(parser.parserError.map { "\($0)" } ?? "not XML")"])
        }
        return collector.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }
    }
}
