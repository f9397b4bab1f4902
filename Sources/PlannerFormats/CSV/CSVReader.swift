import Foundation

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

    public init(maximumFieldLength: Int = 10_000) {
        self.maximumFieldLength = maximumFieldLength
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
        let source: UTF8Source
        do {
            source = try UTF8Source(data: data, file: file)
        } catch {
            problems.add(error)
            return nil
        }
        var parser = Parser(source: source, file: file, maximumFieldLength: maximumFieldLength)
        var rawRecords = parser.parseRecords()
        for problem in parser.problems { problems.add(problem) }

        guard !rawRecords.isEmpty else {
            if parser.problems.isEmpty {
                problems.add(file: file, at: SourceLocation(line: 1, column: 1), field: "header",
                             expected: "a header line naming the columns", found: "an empty file")
            }
            return nil
        }
        let headerRecord = rawRecords.removeFirst()
        let header = headerRecord.fields.map { CSVField(text: $0.text.trimmingSpaces(), location: $0.location) }
        checkDuplicateNames(in: header, file: file, problems: &problems)

        var records: [CSVTable.Record] = []
        records.reserveCapacity(rawRecords.count)
        for raw in rawRecords {
            if raw.fields.count == header.count {
                if !raw.hasOverlongField { records.append(CSVTable.Record(fields: raw.fields)) }
            } else if raw.fields.count > header.count {
                problems.add(file: file, at: raw.fields[header.count].location, field: "record",
                             expected: "\(header.count) fields as in the header",
                             found: "\(raw.fields.count) fields (an unquoted comma?)")
            } else {
                problems.add(file: file, at: raw.end, field: Self.columnName(header[raw.fields.count].text,
                                                                             position: raw.fields.count),
                             expected: "\(header.count) fields as in the header",
                             found: "\(raw.fields.count) field\(raw.fields.count == 1 ? "" : "s")")
            }
        }
        return CSVTable(file: file, header: header, records: records)
    }

    /// A column's name for problems: its header text, or its position when the header leaves it blank.
    static func columnName(_ text: String, position: Int) -> String {
        text.isEmpty ? "column \(position + 1)" : text
    }

    private func checkDuplicateNames(in header: [CSVField], file: String, problems: inout ProblemLog) {
        var firstSeen: [String: SourceLocation] = [:]
        for field in header where !field.text.isEmpty {
            if let first = firstSeen[field.text] {
                problems.add(file: file, at: field.location, field: field.text,
                             expected: "each column name once in the header",
                             found: "\(InputProblem.quoted(field.text)) again (first at \(first))")
            } else {
                firstSeen[field.text] = field.location
            }
        }
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
        private(set) var problems: [InputProblem] = []
        /// The header, once read, names the fields of later problems.
        private var header: [String] = []

        private static let quote = UInt8(ascii: "\"")
        private static let comma = UInt8(ascii: ",")
        private static let lineFeed = UInt8(ascii: "\n")
        private static let carriageReturn = UInt8(ascii: "\r")

        init(source: UTF8Source, file: String, maximumFieldLength: Int) {
            self.bytes = source.bytes
            self.source = source
            self.file = file
            self.maximumFieldLength = maximumFieldLength
        }

        mutating func parseRecords() -> [RawRecord] {
            var records: [RawRecord] = []
            while index < bytes.count {
                guard let record = parseRecord() else { break }
                if record.isBlankLine { continue }
                if records.isEmpty { header = record.fields.map { $0.text.trimmingSpaces() } }
                records.append(record)
            }
            return records
        }

        private func fieldName(_ position: Int) -> String {
            if header.isEmpty { return "header" }
            return CSVReader.columnName(position < header.count ? header[position] : "", position: position)
        }

        /// Parses one record; nil after an unterminated quote, which ends the file.
        private mutating func parseRecord() -> RawRecord? {
            var record = RawRecord()
            while true {
                let start = SourceLocation(line: line, column: column)
                let name = fieldName(record.fields.count)
                var text: String
                var length = 0
                let isQuoted = index < bytes.count && bytes[index] == Self.quote
                if isQuoted {
                    guard let quoted = parseQuoted(start: start, name: name, length: &length) else { return nil }
                    text = quoted
                } else {
                    let begin = index
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
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
                    problems.append(InputProblem(file: file, location: start, field: name,
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
                if byte == Self.comma {
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
        private mutating func parseQuoted(start: SourceLocation, name: String, length: inout Int) -> String? {
            var content: [UInt8] = []
            index += 1
            column += 1
            while true {
                guard index < bytes.count else {
                    problems.append(InputProblem(file: file, location: start, field: name,
                                                 expected: "a closing quote for the field opened here",
                                                 found: "the end of the file (is the file truncated?)"))
                    return nil
                }
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        if length < maximumFieldLength { content.append(Self.quote) }
                        length += 1
                        index += 2
                        column += 2
                        continue
                    }
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
                if length <= maximumFieldLength { content.append(byte) }
                index += 1
            }
            if index < bytes.count {
                let next = bytes[index]
                if next != Self.comma && next != Self.lineFeed && next != Self.carriageReturn {
                    let location = SourceLocation(line: line, column: column)
                    let begin = index
                    while index < bytes.count, ![Self.comma, Self.lineFeed, Self.carriageReturn].contains(bytes[index]) {
                        if UTF8Source.startsCodePoint(bytes[index]) { column += 1 }
                        index += 1
                    }
                    problems.append(InputProblem(file: file, location: location, field: name,
                                                 expected: "a comma or a line end after the closing quote",
                                                 found: InputProblem.quoted(source.text(begin..<index))))
                }
            }
            return String(decoding: content, as: UTF8.self)
        }
    }
}
