/// A position in a text file: 1-based line, and 1-based column counted in Unicode characters (code points)
/// from the start of the line.
///
/// Code points rather than bytes so that a column in a Vietnamese name matches what an editor shows for
/// NFC text, where every letter with its diacritics is one code point.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
