import Foundation
import PlannerFormats

/// Reads a Survey Solutions tab-separated export file (`.tab`) into the same located table the CSV reader
/// gives, so that every check can point at `export.zip/file.tab:line:column`.
///
/// Survey Solutions writes one record per line, fields separated by tab characters, UTF-8, a header line of
/// variable names. A field wrapped in double quotes has them removed and doubled quotes undone, for files that
/// went through a tool that quotes. Lines end with LF or CRLF (a file saved again on Windows). A record with
/// another number of fields than the header is a problem, not a guess; so is a header naming a variable twice
/// (which of the two would be read?) and anything that is not UTF-8 or holds a NUL byte, located at its first
/// offending byte as `UTF8Source` locates it in a CSV file. Columns are counted in Unicode scalars from 1, as
/// the CSV reader counts them.
public struct TabSeparatedReader: Sendable {
    public init() {}

    /// The table, or nil (with the problem added) when the file has no header line or is not UTF-8.
    public func read(_ data: Data, file: String, problems: inout ProblemLog) -> CSVTable? {
        let source: UTF8Source
        do {
            source = try UTF8Source(data: data, file: file)
        } catch {
            problems.add(error)
            return nil
        }
        // Lines are cut at LF bytes, never at Characters: Swift reads CR LF as one Character, which a split at
        // "\n" does not find, so a CRLF file used to be one long line.
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in source.bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<offset)
            start = offset + 1
        }
        lines.append(start..<source.bytes.count)
        lines = lines.map { line in
            line.isEmpty || source.bytes[line.upperBound - 1] != UInt8(ascii: "\r") ? line : line.lowerBound..<line.upperBound - 1
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else {
            problems.add(file: file, at: SourceLocation(line: 1, column: 1), field: "header",
                         expected: "a header line of variable names separated by tabs", found: "an empty file")
            return nil
        }
        let header = fields(source.text(headerLine), line: 1)
            .map { CSVField(text: $0.text.trimmingCharacters(in: .whitespaces), location: $0.location) }
        problems.addRepeatedNames(in: header, file: file, nameKind: "variable")
        var records: [CSVTable.Record] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let record = fields(source.text(line), line: offset + 1)
            guard record.count == header.count else {
                problems.add(file: file, at: SourceLocation(line: offset + 1, column: 1), field: "record",
                             expected: "\(header.count) tab-separated fields, as in the header",
                             found: "\(record.count) fields")
                continue
            }
            records.append(CSVTable.Record(fields: record))
        }
        return CSVTable(file: file, header: header, records: records)
    }

    private func fields(_ line: String, line number: Int) -> [CSVField] {
        var result: [CSVField] = []
        var column = 1
        for piece in line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false) {
            var text = String(piece)
            if piece.count >= 2, piece.first == "\"", piece.last == "\"" {
                text = String(piece.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            result.append(CSVField(text: text, location: SourceLocation(line: number, column: column)))
            column += piece.count + 1
        }
        return result
    }

}
