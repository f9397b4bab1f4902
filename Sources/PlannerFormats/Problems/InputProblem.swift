/// One thing wrong with an input file, located precisely enough to fix it without searching.
///
/// Its description is the one-line form `file:line:column: field: expected …, found …` that editors and
/// terminals turn into a link to the spot.
public struct InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (the dataset folder joined with the file name).
    public var file: String
    /// Where the offending field, key or value starts; nil when the problem concerns the whole file
    /// (a required file that is missing).
    public var location: SourceLocation?
    /// The column name, TOML key or other part of the file that is wrong (`lat`, `fieldwork.buffer_days`).
    public var field: String
    public var expected: String
    public var found: String

    public init(file: String, location: SourceLocation?, field: String, expected: String, found: String) {
        self.file = file
        self.location = location
        self.field = field
        self.expected = expected
        self.found = found
    }

    public var line: Int? { location?.line }
    public var column: Int? { location?.column }

    public var description: String {
        let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(field): expected \(expected), found \(found)"
    }
}

extension InputProblem {
    /// Quotes a value read from a file for a problem's `found` part, shortening what would flood a terminal and
    /// writing control characters visibly (`\u{1B}`), so that an echoed value cannot drive the terminal.
    public static func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
        if text.isEmpty { return "an empty field" }
        let shown = text.count > limit ? text.prefix(limit) + "…" : String(text)
        let escaped = shown.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return InputText.escaped(String(scalar))
            }
        }.joined()
        return "\"\(escaped)\""
    }
}
