import Foundation
import PlannerFormats

/// Reads a Survey Solutions tab-separated export file (`.tab`) into the same located table the CSV reader
/// gives, so that every check can point at `export.zip/file.tab:line:column`.
///
/// Survey Solutions writes one record per line, fields separated by tab characters, UTF-8, a header line of
/// variable names. A field wrapped in double quotes has them removed and doubled quotes undone, for files that
/// went through a tool that quotes. A record with another number of fields than the header is a problem, not a
/// guess; so is anything that is not UTF-8. Columns are counted in characters from 1.
public struct TabSeparatedReader: Sendable {
    public init() {}

    /// The table, or nil (with the problem added) when the file has no header line or is not UTF-8.
    public func read(_ data: Data, file: String, problems: inout ProblemLog) -> CSVTable? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.add(file: file, at: nil, field: "encoding", expected: "UTF-8 text", found: "bytes that are not UTF-8")
            return nil
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let headerLine = lines.first else {
            problems.add(file: file, at: SourceLocation(line: 1, column: 1), field: "header",
                         expected: "a header line of variable names separated by tabs", found: "an empty file")
            return nil
        }
        let header = fields(headerLine, line: 1).map { CSVField(text: $0.text.trimmingCharacters(in: .whitespaces), location: $0.location) }
        var records: [CSVTable.Record] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let record = fields(line, line: offset + 1)
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

    private func fields(_ line: Substring, line number: Int) -> [CSVField] {
        var result: [CSVField] = []
        var column = 1
        for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
            var text = String(piece)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            result.append(CSVField(text: text, location: SourceLocation(line: number, column: column)))
            column += piece.count + 1
        }
        return result
    }
}
