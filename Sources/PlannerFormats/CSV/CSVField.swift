/// One field of a CSV file with where it starts, so that any check on its value can point at it.
public struct CSVField: Hashable, Sendable {
    /// The field's text with the quoting removed (doubled quotes undone), not trimmed.
    public var text: String
    /// The field's first character: the opening quote of a quoted field.
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// The text without surrounding spaces and tabs, as values are compared and parsed.
    public var trimmed: String {
        text.trimmingSpaces()
    }
}

extension StringProtocol {
    /// Removes leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}

extension String {
    /// Removes leading and trailing spaces, tabs and line breaks, as `StringProtocol.trimmingSpaces()` does.
    ///
    /// Almost every value has nothing to trim: when neither end byte is a space, tab or line break, neither end
    /// Character can be one (each of them starts and ends with such a byte), and the string is returned as it
    /// is, without walking its Characters.
    func trimmingSpaces() -> String {
        let isSpaceByte = { (byte: UInt8?) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var text = self
        let endsAreSpaces = text.withUTF8 { isSpaceByte($0.first) || isSpaceByte($0.last) }
        return endsAreSpaces ? self[...].trimmingSpaces() : self
    }
}
