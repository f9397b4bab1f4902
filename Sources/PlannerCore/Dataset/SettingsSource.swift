/// Where each key of `survey.toml` was written, so that a design refused after reading (a sample the frame
/// cannot support) can be reported at the key that causes it, as reading problems are.
///
/// Kept apart from `SurveySettings`, which compares by value: two files that say the same thing in a
/// different layout give equal settings.
public struct SettingsSource: Sendable, Equatable {
    /// A 1-based line and column (Unicode code points), as the readers report them.
    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The file as the user named it (the dataset folder joined with `survey.toml`).
    public var file: String
    /// Dotted key (`sample.enterprises.certainty_employees`) → where its value starts; tables
    /// (`sample.enterprises`) → where their header key starts.
    public var positions: [String: Position]

    public init(file: String, positions: [String: Position] = [:]) {
        self.file = file
        self.positions = positions
    }

    /// Where `key` was written, or else the nearest enclosing table that was (the key then holds its
    /// default, and the table is where to write it); nil when neither is in the file.
    public func position(of key: String) -> (key: String, position: Position)? {
        var candidate = key
        while true {
            if let position = positions[candidate] { return (candidate, position) }
            guard let dot = candidate.lastIndex(of: ".") else { return nil }
            candidate = String(candidate[..<dot])
        }
    }
}
