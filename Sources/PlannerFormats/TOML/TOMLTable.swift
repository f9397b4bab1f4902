/// A TOML table: keys in the order they were written, each with its own location and its value's.
public struct TOMLTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: TOMLValue
    }

    /// How a table came to exist; TOML's rules on redefinition depend on it.
    enum Definition: Sendable, Equatable {
        /// Created only as the parent of a `[header]` table, which a later header may still define.
        case implicit
        case header
        case dottedKeys
        /// An inline table, closed to any later addition.
        case inline
    }

    public private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]
    var definition: Definition

    init(definition: Definition) {
        self.definition = definition
    }

    public subscript(key: String) -> Entry? {
        positions[key].map { entries[$0] }
    }

    public var keys: [String] { entries.map(\.key) }

    public var isEmpty: Bool { entries.isEmpty }

    mutating func insert(_ entry: Entry) {
        positions[entry.key] = entries.count
        entries.append(entry)
    }

    /// Runs `body` on the child table under `key`; the caller has checked that it is a table.
    mutating func modifyChild<Result>(_ key: String, _ body: (inout TOMLTable) throws -> Result) rethrows -> Result {
        let position = positions[key]!
        guard case .table(var child) = entries[position].value.kind else {
            preconditionFailure("modifyChild called on a non-table value")
        }
        entries[position].value.kind = .boolean(false)  // drop the second reference so `child` is not copied
        defer { entries[position].value.kind = .table(child) }
        return try body(&child)
    }

    mutating func setLocation(of key: String, to location: SourceLocation) {
        let position = positions[key]!
        entries[position].keyLocation = location
        entries[position].value.location = location
    }
}
