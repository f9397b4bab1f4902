import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV as RFC 4180 describes it, keeping every field's line and column.
///
/// Accepts what spreadsheets write: a UTF-8 byte order mark, CRLF or LF line ends, quoted fields with
/// commas, doubled quotes and line breaks inside. Blank lines are skipped. A quote inside an unquoted field is
/// kept as text, as spreadsheets do. What cannot be read safely is a problem rather than a guess: a record with
/// the wrong number of fields, text after a closing quote, an unterminated quote at the end of the file (a
/// truncated file), a field longer than `maximumFieldLength`, a header naming a column twice, an empty file,
/// and anything not UTF-8.
public struct CSVReader: Sendable {
    /// The longest field accepted, in characters; longer ones are reported, never stored.
    public var maximumFieldLength: Int
    /// The byte between fields: a comma, or what `separator(detectedIn:)` finds (Excel in a locale whose
    /// decimal mark is a comma saves `;`; its "Unicode text" uses tabs).
    public var separator: UInt8

    public init(maximumFieldLength: Int = 10_000, separator: UInt8 = CSVReader.comma) {
        self.maximumFieldLength = maximumFieldLength
        self.separator = separator
    }

    public static let comma = UInt8(ascii: ",")
    public static let semicolon = UInt8(ascii: ";")
    public static let tab = UInt8(ascii: "\t")

    /// The separator a file's header line uses: whichever of comma, semicolon and tab occurs most often outside
    /// quotes on the first line (a comma when none does, or on a tie with it).
    ///
    /// The header is the one line whose content is known — column names, which hold none of the three — so
    /// counting there cannot be fooled by a comma inside an address or a decimal.
    public static func separator<Bytes: Sequence<UInt8>>(detectedIn data: Bytes) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var inQuotes = false
        for byte in data {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = [comma, semicolon, tab].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > counts[comma]! ? best : comma
    }

    /// Reads a file, or throws every problem found in it.
    public func read(_ data: Data, file: String) throws(InvalidInput) -> CSVTable {
        var problems = ProblemLog()
        let table = read(data, file: file, problems: &problems)
        try problems.throwIfAny()
        return table!
    }

    /// Reads a file, adding each problem to `problems`.
    ///
    /// Returns the table of every well-formed record even when some records were not (so that their values
    /// can still be checked), or nil when the file has no usable header: wrong encoding, empty.
    public func read(_ data: Data, file: String, problems: inout ProblemLog) -> CSVTable? {
        guard var stream = records([UInt8](data), file: file, problems: &problems) else { return nil }
        var records: [CSVTable.Record] = []
        while let record = stream.next(problems: &problems) {
            records.append(record)
        }
        return CSVTable(file: file, header: stream.header, records: records)
    }

    /// The well-formed records of a file one at a time, for files too large to hold as a table; nil, with the
    /// problem added, when the file has no usable header.
    func records(_ bytes: [UInt8], file: String, problems: inout ProblemLog) -> CSVRecordStream? {
        CSVRecordStream(bytes: bytes, file: file, maximumFieldLength: maximumFieldLength, separator: separator,
                        problems: &problems)
    }

    /// A column's name for problems: its header text, or its position when the header leaves it blank.
    static func columnName(_ text: String, position: Int) -> String {
        text.isEmpty ? "column \(position + 1)" : text
    }
}

extension CSVReader {
    /// A record as parsed, before it is checked against the header.
    struct RawRecord {
        var fields: [CSVField] = []
        /// Where the record's line ends: where a missing field would have started.
        var end = SourceLocation(line: 1, column: 1)
        var hasOverlongField = false
        /// A line with nothing on it (not even `""`), which is skipped.
        var isBlankLine = false
    }

    /// The byte-level state machine; ASCII delimiters only, so it never splits a multi-byte character.
    struct Parser {
        private let bytes: [UInt8]
        private let source: UTF8Source
        private let file: String
        private let maximumFieldLength: Int
        private var index = 0
        private var line = 1
        private var column = 1
        /// Problems found since the caller last took them.
        private var problems: [InputProblem] = []
        /// Whether any problem was found in the file so far.
        private(set) var hasFoundProblems = false
        /// The header, once read, names the fields of later problems.
        private var header: [String] = []
        private var hasReadHeader = false

        private static let quote = UInt8(ascii: "\"")
        /// The field separator (`CSVReader.separator`), named `comma` as it nearly always is one.
        private let comma: UInt8
        private static let lineFeed = UInt8(ascii: "\n")
        private static let carriageReturn = UInt8(ascii: "\r")

        init(source: UTF8Source, file: String, maximumFieldLength: Int, separator: UInt8 = CSVReader.comma) {
            self.comma = separator
            self.bytes = source.bytes
            self.source = source
            self.file = file
            self.maximumFieldLength = maximumFieldLength
        }

        /// The next record that is not a blank line, or nil at the end of the file or after an unterminated
        /// quote; the first one is the header.
        mutating func nextRecord() -> RawRecord? {
            while index < bytes.count {
                guard let record = parseRecord() else { return nil }
                if record.isBlankLine { continue }
                if !hasReadHeader {
                    header = record.fields.map { $0.text.trimmingSpaces() }
                    hasReadHeader = true
                }
                return record
            }
            return nil
        }

        /// The file's bytes and where the next record starts, for a scanner that reads on from here.
        var remainder: (bytes: [UInt8], start: Int) { (bytes, index) }

        /// Line feeds from here to the end: at least the number of records left, less one.
        func lineFeedsAhead() -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                var count = 0
                var offset = index
                while offset < buffer.count,
                      let found = memchr(base + offset, Int32(Self.lineFeed), buffer.count - offset) {
                    count += 1
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                return count
            }
        }

        /// Hands over the problems found since the last call.
        mutating func takeProblems() -> [InputProblem] {
            defer { problems.removeAll(keepingCapacity: true) }
            return problems
        }

        private mutating func report(_ problem: InputProblem) {
            problems.append(problem)
            hasFoundProblems = true
        }

        private func fieldName(_ position: Int) -> String {
            if header.isEmpty { return "header" }
            return CSVReader.columnName(position < header.count ? header[position] : "", position: position)
        }

        /// Parses one record; nil after an unterminated quote, which ends the file.
        private mutating func parseRecord() -> RawRecord? {
            var record = RawRecord()
            record.fields.reserveCapacity(max(header.count, 1))
            while true {
                let start = SourceLocation(line: line, column: column)
                let position = record.fields.count
                var text: String
                var length = 0
                let isQuoted = index < bytes.count && bytes[index] == Self.quote
                if isQuoted {
                    guard let quoted = parseQuoted(start: start, position: position, length: &length) else { return nil }
                    text = quoted
                } else {
                    let begin = index
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        if UTF8Source.startsCodePoint(byte) {
                            length += 1
                            column += 1
                        }
                        index += 1
                    }
                    text = length > maximumFieldLength ? "" : source.text(begin..<index)
                }
                if length > maximumFieldLength {
                    record.hasOverlongField = true
                    text = ""
                    report(InputProblem(file: file, location: start, field: fieldName(position),
                                        expected: "at most \(maximumFieldLength) characters",
                                        found: "a field of \(length) characters"))
                }
                record.fields.append(CSVField(text: text, location: start))
                record.isBlankLine = record.fields.count == 1 && length == 0 && !isQuoted

                guard index < bytes.count else {
                    record.end = SourceLocation(line: line, column: column)
                    return record
                }
                let byte = bytes[index]
                if byte == comma {
                    index += 1
                    column += 1
                    continue
                }
                record.end = SourceLocation(line: line, column: column)
                index += 1
                if byte == Self.carriageReturn, index < bytes.count, bytes[index] == Self.lineFeed { index += 1 }
                line += 1
                column = 1
                return record
            }
        }

        /// Parses a quoted field from its opening quote; nil when the file ends inside it.
        ///
        /// The text is decoded straight from the file's bytes; only a field with doubled quotes is copied, piece
        /// by piece. (A field longer than the maximum is read to its end but its text is never used.)
        private mutating func parseQuoted(start: SourceLocation, position: Int, length: inout Int) -> String? {
            var unescaped: [UInt8]?
            index += 1
            column += 1
            var pieceStart = index
            let contentEnd: Int
            while true {
                guard index < bytes.count else {
                    report(InputProblem(file: file, location: start, field: fieldName(position),
                                        expected: "a closing quote for the field opened here",
                                        found: "the end of the file (is the file truncated?)"))
                    return nil
                }
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        if unescaped == nil { unescaped = [] }
                        unescaped!.append(contentsOf: bytes[pieceStart...index])
                        length += 1
                        index += 2
                        column += 2
                        pieceStart = index
                        continue
                    }
                    contentEnd = index
                    index += 1
                    column += 1
                    break
                }
                if byte == Self.lineFeed {
                    line += 1
                    column = 1
                } else if UTF8Source.startsCodePoint(byte) {
                    column += 1
                }
                if UTF8Source.startsCodePoint(byte) { length += 1 }
                index += 1
            }
            if index < bytes.count {
                let next = bytes[index]
                if next != comma && next != Self.lineFeed && next != Self.carriageReturn {
                    let location = SourceLocation(line: line, column: column)
                    let begin = index
                    while index < bytes.count, ![comma, Self.lineFeed, Self.carriageReturn].contains(bytes[index]) {
                        if UTF8Source.startsCodePoint(bytes[index]) { column += 1 }
                        index += 1
                    }
                    report(InputProblem(file: file, location: location, field: fieldName(position),
                                        expected: comma == CSVReader.comma ? "a comma or a line end after the closing quote"
                                            : "a separator or a line end after the closing quote",
                                        found: InputProblem.quoted(source.text(begin..<index))))
                }
            }
            guard let unescaped else { return source.text(pieceStart..<contentEnd) }
            return String(decoding: unescaped + bytes[pieceStart..<contentEnd], as: UTF8.self)
        }
    }
}
