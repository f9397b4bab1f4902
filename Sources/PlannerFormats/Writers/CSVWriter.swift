import Foundation

/// Writes CSV that `CSVReader` and spreadsheets read back exactly: RFC 4180 quoting, fixed column order,
/// nothing that depends on the machine.
///
/// A field is quoted only when it must be (it holds a comma, a quote, a line break, or leading or trailing
/// space), so the same rows always give the same bytes. Optionally neutralises spreadsheet formulas: a text
/// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that a name
/// such as `=HYPERLINK(…)` read from a frame is shown, not run, when a supervisor opens the file. Numeric
/// columns are left alone, so `-3.5` stays a number.
public struct CSVWriter: Sendable {
    public struct Column: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// Free text: neutralised when formulas are.
            case text
            /// Numbers (and codes the program writes itself): never altered.
            case numeric
        }

        public var name: String
        public var kind: Kind

        public init(_ name: String, _ kind: Kind = .text) {
            self.name = name
            self.kind = kind
        }
    }

    public struct Options: Hashable, Sendable {
        /// Starts the file with a UTF-8 byte order mark, which older Excel needs to read Vietnamese.
        public var byteOrderMark: Bool
        public var neutralizesFormulas: Bool
        /// RFC 4180 says CRLF.
        public var lineEnding: String
        /// A comma (RFC 4180), or `;` for a file someone opens by double-click in Excel with regional settings whose
        /// decimal mark is a comma (Vietnamese ones), which splits columns at `;` only; or a tab. A field holding
        /// the separator is quoted, as one holding a comma always is.
        public var separator: UInt8

        public init(byteOrderMark: Bool = false, neutralizesFormulas: Bool = false, lineEnding: String = "\r\n",
                    separator: UInt8 = UInt8(ascii: ",")) {
            self.byteOrderMark = byteOrderMark
            self.neutralizesFormulas = neutralizesFormulas
            self.lineEnding = lineEnding
            self.separator = separator
        }
    }

    public var columns: [Column]
    public var options: Options

    public init(columns: [Column], options: Options = Options()) {
        self.columns = columns
        self.options = options
    }

    /// The header line and then one line per row; every row must have one value per column.
    public func text(rows: [[String]]) -> String {
        var output = options.byteOrderMark ? "\u{FEFF}" : ""
        let separator = String(UnicodeScalar(options.separator))
        output += columns.map { Self.quotedIfNeeded($0.name, separator: options.separator) }.joined(separator: separator)
            + options.lineEnding
        for row in rows {
            precondition(row.count == columns.count, "a CSV row has \(row.count) values for \(columns.count) columns")
            let fields = zip(columns, row).map { column, value in
                let shown = options.neutralizesFormulas && column.kind == .text ? Self.neutralized(value) : value
                return Self.quotedIfNeeded(shown, separator: options.separator)
            }
            output += fields.joined(separator: separator) + options.lineEnding
        }
        return output
    }

    /// The bytes of `text(rows:)`, built in one buffer: a field that needs no change is copied as it is.
    public func data(rows: [[String]]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + rows.count * columns.count * 12)
        if options.byteOrderMark { bytes.append(contentsOf: "\u{FEFF}".utf8) }
        let lineEnding = Array(options.lineEnding.utf8)
        for (index, column) in columns.enumerated() {
            if index > 0 { bytes.append(options.separator) }
            appendField(column.name, neutralizing: false, to: &bytes)
        }
        bytes.append(contentsOf: lineEnding)
        for row in rows {
            precondition(row.count == columns.count, "a CSV row has \(row.count) values for \(columns.count) columns")
            for (index, (column, value)) in zip(columns, row).enumerated() {
                if index > 0 { bytes.append(options.separator) }
                appendField(value, neutralizing: options.neutralizesFormulas && column.kind == .text, to: &bytes)
            }
            bytes.append(contentsOf: lineEnding)
        }
        return Data(bytes)
    }

    /// Appends a field as `text(rows:)` writes it. Most fields start with none of the formula characters or a
    /// space, end with no space and hold no comma, quote or line break: their bytes are copied; any other goes
    /// through `neutralized` and `quotedIfNeeded` (each of the characters they look for is one ASCII byte, and
    /// only a space at either end needs the Character-level comparison).
    private func appendField(_ value: String, neutralizing: Bool, to bytes: inout [UInt8]) {
        var value = value
        let isPlain = value.withUTF8 { utf8 -> Bool in
            if let first = utf8.first {
                if first == 0x20 || utf8.last == 0x20 { return false }
                if neutralizing {
                    switch first {
                    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return false  // = + - @ tab CR
                    default: break
                    }
                }
            }
            let separator = options.separator
            return !utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == separator }
        }
        if isPlain {
            bytes.append(contentsOf: value.utf8)
        } else {
            bytes.append(contentsOf: Self.quotedIfNeeded(neutralizing ? Self.neutralized(value) : value,
                                                         separator: options.separator).utf8)
        }
    }

    static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return value
        }
        return "'" + value
    }

    static func quotedIfNeeded(_ value: String, separator: UInt8 = UInt8(ascii: ",")) -> String {
        let other = UnicodeScalar(separator)
        let needsQuotes = value.unicodeScalars.contains {
            $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == other
        } || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        // Most quoted fields hold a comma and no quote (an address): nothing to double, no search needed.
        guard value.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + value + "\"" }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
