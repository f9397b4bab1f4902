/// A CSV file read into a header and records, every record with exactly as many fields as the header.
public struct CSVTable: Sendable {
    /// The file as named in problems.
    public var file: String
    /// The column names, trimmed, with their locations on the header line.
    public var header: [CSVField]
    public var records: [Record]

    /// A data line (or several, when a quoted field holds line breaks).
    public struct Record: Hashable, Sendable {
        public var fields: [CSVField]

        public init(fields: [CSVField]) {
            self.fields = fields
        }

        /// Where the record's first field starts.
        public var location: SourceLocation { fields.first?.location ?? SourceLocation(line: 1, column: 1) }
    }

    public init(file: String, header: [CSVField], records: [Record]) {
        self.file = file
        self.header = header
        self.records = records
    }

    /// The position of a column by name (its first occurrence), or nil when the header lacks it.
    public func columnIndex(_ name: String) -> Int? {
        header.firstIndex { $0.text == name }
    }

    /// The column names in header order.
    public var columnNames: [String] { header.map(\.text) }

    /// The position of each of `names` the header has. Each one missing that `optional` does not list is a
    /// problem located at the header, so that a reader reports every absent column at once.
    public func columnPositions(_ names: [String], optional: Set<String> = [],
                                problems: inout ProblemLog) -> [String: Int] {
        var positions: [String: Int] = [:]
        for name in names {
            if let position = columnIndex(name) {
                positions[name] = position
            } else if !optional.contains(name) {
                problems.add(file: file, at: header.first?.location ?? SourceLocation(line: 1, column: 1), field: name,
                             expected: "a column named \(name) in the header", found: "no such column")
            }
        }
        return positions
    }
}
