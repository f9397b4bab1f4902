import PlannerCore

/// A design refused at the `survey.toml` key that causes it, in the form of every input problem:
/// `file:line:column: key: expected …, found …`.
///
/// The position is the key's when the file sets it, else its table's header (the key then holds its default,
/// and the table is where to change it); without a file (a dataset built in code) only the key is named.
public struct SettingRefusal: Hashable, Sendable, CustomStringConvertible {
    public let file: String?
    public let line: Int?
    public let column: Int?
    /// The dotted key (`sample.enterprises.certainty_employees`).
    public let key: String
    public let expected: String
    public let found: String

    public init(key: String, expected: String, found: String, source: SettingsSource?) {
        self.key = key
        self.expected = expected
        self.found = found
        file = source?.file
        let position = source?.position(of: key)?.position
        line = position?.line
        column = position?.column
    }

    public var description: String {
        var place = ""
        if let file {
            place = file
            if let line, let column { place += ":\(line):\(column)" }
            place += ": "
        }
        return "\(place)\(key): expected \(expected), found \(found)"
    }
}
