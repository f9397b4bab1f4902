import PlannerCore

/// A TOML value with where it starts in the file, so that a check on it can point at it.
public struct TOMLValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        /// A TOML local date (`2023-10-03`); date-times and times are not supported.
        case date(CalendarDate)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public var kind: Kind
    /// The value's first character; for a table made by a `[header]` or a dotted key, that key's position.
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The kind of value, with its article, for problems: "a string", "an integer", "a table".
    public var typeDescription: String {
        switch kind {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .date: return "a date"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// The value as written in TOML, shortened, for the `found` part of a problem.
    public var displayText: String {
        switch kind {
        case .string(let text): return InputProblem.quoted(text)
        case .integer(let value): return String(value)
        case .float(let value): return String(value)
        case .boolean(let value): return String(value)
        case .date(let date): return date.description
        case .array(let items): return "an array of \(items.count) item\(items.count == 1 ? "" : "s")"
        case .table: return "a table"
        }
    }

    public var table: TOMLTable? {
        if case .table(let table) = kind { return table }
        return nil
    }
}
