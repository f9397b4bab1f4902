import Foundation

/// Reads the subset of TOML 1.0 that `survey.toml` uses, keeping every key's and value's location.
///
/// Supported: comments; `[tables]` and `[dotted.tables]`; bare, quoted and dotted keys; basic strings (with
/// every escape, `\uXXXX` and `\UXXXXXXXX` included) and literal strings; integers (decimal with `_`,
/// `0x`/`0o`/`0b`); floats (with `inf` and `nan`); booleans; local dates; arrays (multi-line, trailing comma);
/// inline tables. Not supported, and reported as a located problem rather than misread: multi-line strings,
/// date-times and times, arrays of tables (`[[…]]`). Duplicate keys and redefined tables are problems, as in
/// TOML. Reading stops at the first syntax error, since what follows it cannot be trusted. A value may lie at most
/// 64 keys and array indexes deep; deeper nesting is a located problem, not a stack overflow.
///
/// Why not a library: TOMLKit (toml++) reads all of TOML 1.0 but locates only syntax errors; its values carry no
/// position, so the problems `SurveySettingsReader` finds at a key (a type, a range, an unknown key) could not
/// name `file:line:column`. docs/formats.md gives the whole evaluation.
public struct TOMLReader: Sendable {
    public init() {}

    /// Parses a document; throws the one syntax problem that stopped it, or the encoding problem.
    public func read(_ data: Data, file: String) throws(InvalidInput) -> TOMLTable {
        do {
            let source = try UTF8Source(data: data, file: file)
            var parser = TOMLParser(bytes: source.bytes, file: file)
            return try parser.parseDocument()
        } catch {
            throw InvalidInput(problems: [error])
        }
    }

    /// Parses text given as a string (tests, and documents built in memory).
    public func read(_ text: String, file: String) throws(InvalidInput) -> TOMLTable {
        try read(Data(text.utf8), file: file)
    }
}
