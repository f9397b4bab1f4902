/// The records of one CSV file, one at a time, each checked against the header as `CSVReader` checks it.
///
/// A household listing of a million lines read as a whole `CSVTable` would hold every field of every record at
/// once; the stream hands out one record and keeps nothing. Problems are reported as the parser meets them:
/// the same problems, at the same locations, as reading the whole table.
struct CSVRecordStream {
    let file: String
    /// The column names, trimmed, with their locations on the header line.
    let header: [CSVField]
    private var parser: CSVReader.Parser

    /// Reads up to the header; nil, with the problem added, when there is none (wrong encoding, an empty file,
    /// a truncated first line).
    init?(bytes: [UInt8], file: String, maximumFieldLength: Int, separator: UInt8 = CSVReader.comma,
          problems: inout ProblemLog) {
        let source: UTF8Source
        do {
            source = try UTF8Source(bytes: bytes, file: file)
        } catch {
            problems.add(error)
            return nil
        }
        var parser = CSVReader.Parser(source: source, file: file, maximumFieldLength: maximumFieldLength,
                                      separator: separator)
        let headerRecord = parser.nextRecord()
        for problem in parser.takeProblems() { problems.add(problem) }
        guard let headerRecord else {
            if !parser.hasFoundProblems {
                problems.add(file: file, at: SourceLocation(line: 1, column: 1), field: "header",
                             expected: "a header line naming the columns", found: "an empty file")
            }
            return nil
        }
        self.file = file
        self.parser = parser
        self.maximumFieldLength = maximumFieldLength
        header = headerRecord.fields.map { CSVField(text: $0.text.trimmingSpaces(), location: $0.location) }
        problems.addRepeatedNames(in: header, file: file, nameKind: "column")
    }

    /// The file's bytes (UTF-8, checked, without a byte order mark) and where the next record starts.
    var remainder: (bytes: [UInt8], start: Int) { parser.remainder }

    let maximumFieldLength: Int

    /// At least as many as the records left to read: for reserving room for what they become.
    var maximumRemainingRecords: Int { parser.lineFeedsAhead() + 1 }

    /// The next record with as many fields as the header and none too long; the others are reported and
    /// skipped. Nil at the end of the file.
    mutating func next(problems: inout ProblemLog) -> CSVTable.Record? {
        while let raw = parser.nextRecord() {
            for problem in parser.takeProblems() { problems.add(problem) }
            if raw.fields.count == header.count {
                if !raw.hasOverlongField { return CSVTable.Record(fields: raw.fields) }
            } else if raw.fields.count > header.count {
                problems.add(file: file, at: raw.fields[header.count].location, field: "record",
                             expected: "\(header.count) fields as in the header",
                             found: "\(raw.fields.count) fields (an unquoted comma?)")
            } else {
                problems.add(file: file, at: raw.end,
                             field: CSVReader.columnName(header[raw.fields.count].text, position: raw.fields.count),
                             expected: "\(header.count) fields as in the header",
                             found: "\(raw.fields.count) field\(raw.fields.count == 1 ? "" : "s")")
            }
        }
        for problem in parser.takeProblems() { problems.add(problem) }
        return nil
    }

}
