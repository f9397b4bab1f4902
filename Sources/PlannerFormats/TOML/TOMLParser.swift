import PlannerCore

/// The recursive-descent parser behind `TOMLReader`, over UTF-8 bytes (TOML's syntax is all ASCII).
///
/// Arrays and inline tables are parsed by recursion, and tables along a dotted key or header are created by
/// recursion, so the depth of a value is bounded (`maximumDepth`): without a bound, a 24 KB file of 10,000
/// nested arrays overflowed the stack and ended the process with signal 11 instead of a located problem.
struct TOMLParser {
    typealias KeyPart = (name: String, location: SourceLocation)

    /// How many keys and array indexes may lead from the document to a value (`[a.b]` then `c = [[1]]`
    /// puts the `1` at depth 5). TOML sets no limit; toml++ stops at 256 levels. `survey.toml` needs 3, and
    /// 64 keeps the deepest recursion far inside the smallest thread stack (512 KB) a reader may run on.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var root = TOMLTable(definition: .header)
    /// The `[header]` path that key/value lines currently add to.
    private var currentPath: [KeyPart] = []

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    // MARK: Document structure

    mutating func parseDocument() throws(InputProblem) -> TOMLTable {
        while true {
            skipSpaces()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try consumeLineEnd()
                continue
            case UInt8(ascii: "#"):
                try skipComment()
                continue
            case UInt8(ascii: "["):
                try parseHeader()
            default:
                try parseKeyValue()
            }
            try expectLineEnd()
        }
        return root
    }

    private mutating func parseHeader() throws(InputProblem) {
        let start = location
        advance()
        if peek() == UInt8(ascii: "[") {
            throw problem(at: start, field: "table", expected: "a [table] header",
                          found: "an array of tables ([[…]]), which is not supported")
        }
        skipSpaces()
        let path = try parseKey()
        try checkDepth(of: path, under: 0)
        skipSpaces()
        guard peek() == UInt8(ascii: "]") else {
            throw problem(at: location, field: dotted(path), expected: "']' closing the table header",
                          found: foundHere())
        }
        advance()
        try defineTable(path)
        currentPath = path
    }

    private mutating func parseKeyValue() throws(InputProblem) {
        let key = try parseKey()
        try checkDepth(of: key, under: currentPath.count)
        skipSpaces()
        guard peek() == UInt8(ascii: "=") else {
            throw problem(at: location, field: dotted(currentPath + key), expected: "'=' after the key",
                          found: foundHere())
        }
        advance()
        skipSpaces()
        let value = try parseValue(field: dotted(currentPath + key), depth: currentPath.count + key.count)
        try insert(value, at: key, under: currentPath)
    }

    /// After a header or key/value: spaces, an optional comment, then a line end or the end of the file.
    private mutating func expectLineEnd() throws(InputProblem) {
        skipSpaces()
        guard let byte = peek() else { return }
        if byte == UInt8(ascii: "#") {
            try skipComment()
            return
        }
        guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
            throw problem(at: location, field: dotted(currentPath), expected: "a line end after the value",
                          found: foundHere())
        }
        try consumeLineEnd()
    }

    // MARK: Tables

    /// Applies TOML's rules for `[a.b.c]`: parents may be created implicitly and reopened, an inline
    /// table is closed, and a table is defined once.
    private mutating func defineTable(_ path: [KeyPart]) throws(InputProblem) {
        let file = self.file
        do {
            try Self.define(path[...], in: &root, file: file, fullPath: path)
        } catch let error as InputProblem {
            throw error
        } catch {
            preconditionFailure("only InputProblem is thrown")
        }
    }

    private static func define(_ path: ArraySlice<KeyPart>, in table: inout TOMLTable, file: String,
                               fullPath: [KeyPart]) throws {
        let part = path.first!
        let isLast = path.count == 1
        let name = "[\(fullPath.map(\.name).joined(separator: "."))]"
        guard let existing = table[part.name] else {
            let definition: TOMLTable.Definition = isLast ? .header : .implicit
            table.insert(.init(key: part.name, keyLocation: part.location,
                               value: TOMLValue(.table(TOMLTable(definition: definition)), at: part.location)))
            if !isLast { try table.modifyChild(part.name) { try define(path.dropFirst(), in: &$0, file: file, fullPath: fullPath) } }
            return
        }
        guard let child = existing.value.table else {
            throw InputProblem(file: file, location: part.location, field: part.name,
                               expected: "a table name for \(name)",
                               found: "a key that already holds \(existing.value.typeDescription) (at \(existing.keyLocation))")
        }
        if child.definition == .inline {
            throw InputProblem(file: file, location: part.location, field: part.name,
                               expected: "a table that can be extended for \(name)",
                               found: "an inline table, which is closed (at \(existing.keyLocation))")
        }
        if isLast {
            guard child.definition == .implicit else {
                let how = child.definition == .dottedKeys ? "by dotted keys" : "by a header"
                throw InputProblem(file: file, location: part.location, field: part.name,
                                   expected: "each table defined once",
                                   found: "\(name) already defined \(how) at \(existing.keyLocation)")
            }
            table.setLocation(of: part.name, to: part.location)
            table.modifyChild(part.name) { $0.definition = .header }
        } else {
            try table.modifyChild(part.name) { try define(path.dropFirst(), in: &$0, file: file, fullPath: fullPath) }
        }
    }

    /// Inserts `key = value` below the table at `base`, creating the tables of a dotted key.
    private mutating func insert(_ value: TOMLValue, at key: [KeyPart], under base: [KeyPart]) throws(InputProblem) {
        let file = self.file
        do {
            try Self.insert(value, key: key[...], basePath: base[...], in: &root, file: file, fullKey: base + key)
        } catch let error as InputProblem {
            throw error
        } catch {
            preconditionFailure("only InputProblem is thrown")
        }
    }

    private static func insert(_ value: TOMLValue, key: ArraySlice<KeyPart>, basePath: ArraySlice<KeyPart>,
                               in table: inout TOMLTable, file: String, fullKey: [KeyPart]) throws {
        if let next = basePath.first {
            try table.modifyChild(next.name) {
                try insert(value, key: key, basePath: basePath.dropFirst(), in: &$0, file: file, fullKey: fullKey)
            }
            return
        }
        try insertDotted(value, key: key, in: &table, file: file, fullKey: fullKey)
    }

    /// Inserts along a dotted key inside one table (also used inside inline tables).
    static func insertDotted(_ value: TOMLValue, key: ArraySlice<KeyPart>, in table: inout TOMLTable,
                             file: String, fullKey: [KeyPart], createdDefinition: TOMLTable.Definition = .dottedKeys) throws {
        let part = key.first!
        let field = fullKey.map(\.name).joined(separator: ".")
        if key.count == 1 {
            if let existing = table[part.name] {
                throw InputProblem(file: file, location: part.location, field: field,
                                   expected: "each key once", found: "a second definition (first at \(existing.keyLocation))")
            }
            table.insert(.init(key: part.name, keyLocation: part.location, value: value))
            return
        }
        if let existing = table[part.name] {
            guard let child = existing.value.table else {
                throw InputProblem(file: file, location: part.location, field: field,
                                   expected: "'\(part.name)' to be a table",
                                   found: "\(existing.value.typeDescription) defined at \(existing.keyLocation)")
            }
            guard child.definition == createdDefinition else {
                throw InputProblem(file: file, location: part.location, field: field,
                                   expected: "a table that dotted keys may extend",
                                   found: "a table defined at \(existing.keyLocation), which dotted keys cannot reopen")
            }
        } else {
            table.insert(.init(key: part.name, keyLocation: part.location,
                               value: TOMLValue(.table(TOMLTable(definition: createdDefinition)), at: part.location)))
        }
        try table.modifyChild(part.name) {
            try insertDotted(value, key: key.dropFirst(), in: &$0, file: file, fullKey: fullKey,
                             createdDefinition: createdDefinition)
        }
    }

    // MARK: Keys

    private mutating func parseKey() throws(InputProblem) -> [KeyPart] {
        var parts = [try parseSimpleKey()]
        while true {
            let save = (index, line, column)
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else {
                (index, line, column) = save
                return parts
            }
            advance()
            skipSpaces()
            parts.append(try parseSimpleKey())
        }
    }

    private mutating func parseSimpleKey() throws(InputProblem) -> KeyPart {
        let start = location
        guard let byte = peek() else {
            throw problem(at: start, field: "key", expected: "a key", found: "the end of the file")
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            if startsTripleQuote() {
                throw problem(at: start, field: "key", expected: "a key on one line",
                              found: "a multi-line string")
            }
            let name = byte == UInt8(ascii: "\"") ? try parseBasicString(field: "key") : try parseLiteralString(field: "key")
            return (name, start)
        }
        let begin = index
        while let next = peek(), Self.isBareKeyByte(next) { advance() }
        guard index > begin else {
            throw problem(at: start, field: "key", expected: "a key (letters, digits, '_' or '-', or a quoted key)",
                          found: foundHere())
        }
        return (String(decoding: bytes[begin..<index], as: UTF8.self), start)
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    // MARK: Values

    /// A value `depth` keys and indexes below the document; arrays and inline tables recurse one level down.
    private mutating func parseValue(field: String, depth: Int) throws(InputProblem) -> TOMLValue {
        let start = location
        guard let byte = peek() else {
            throw problem(at: start, field: field, expected: "a value", found: "the end of the file")
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if startsTripleQuote() {
                throw problem(at: start, field: field, expected: "a one-line string",
                              found: "a multi-line string, which is not supported")
            }
            let text = byte == UInt8(ascii: "\"") ? try parseBasicString(field: field) : try parseLiteralString(field: field)
            return TOMLValue(.string(text), at: start)
        case UInt8(ascii: "["):
            return try parseArray(field: field, depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(field: field, depth: depth)
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw problem(at: start, field: field, expected: "a value after '='", found: "nothing")
        default:
            return try parseScalar(field: field)
        }
    }

    private mutating func parseArray(field: String, depth: Int) throws(InputProblem) -> TOMLValue {
        let start = location
        if depth >= Self.maximumDepth {
            throw tooDeep(at: start, field: field, what: "an array")
        }
        advance()
        var items: [TOMLValue] = []
        while true {
            try skipSpacesNewlinesAndComments()
            guard let byte = peek() else {
                throw problem(at: start, field: field, expected: "']' closing the array opened here",
                              found: "the end of the file")
            }
            if byte == UInt8(ascii: "]") {
                advance()
                return TOMLValue(.array(items), at: start)
            }
            items.append(try parseValue(field: "\(field)[\(items.count)]", depth: depth + 1))
            try skipSpacesNewlinesAndComments()
            if peek() == nil {
                throw problem(at: start, field: field, expected: "']' closing the array opened here",
                              found: "the end of the file")
            }
            switch peek() {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "]"):
                advance()
                return TOMLValue(.array(items), at: start)
            default:
                throw problem(at: location, field: field, expected: "',' or ']' in the array", found: foundHere())
            }
        }
    }

    private mutating func parseInlineTable(field: String, depth: Int) throws(InputProblem) -> TOMLValue {
        let start = location
        if depth >= Self.maximumDepth {
            throw tooDeep(at: start, field: field, what: "an inline table")
        }
        advance()
        var table = TOMLTable(definition: .inline)
        skipSpaces()
        if peek() == UInt8(ascii: "}") {
            advance()
            return TOMLValue(.table(table), at: start)
        }
        while true {
            skipSpaces()
            let key = try parseKey()
            try checkDepth(of: key, under: depth)
            let keyField = field + "." + key.map(\.name).joined(separator: ".")
            skipSpaces()
            guard peek() == UInt8(ascii: "=") else {
                throw problem(at: location, field: keyField, expected: "'=' after the key", found: foundHere())
            }
            advance()
            skipSpaces()
            let value = try parseValue(field: keyField, depth: depth + key.count)
            do {
                try Self.insertDotted(value, key: key[...], in: &table, file: file,
                                      fullKey: [(field, start)] + key, createdDefinition: .inline)
            } catch let error as InputProblem {
                throw error
            } catch {
                preconditionFailure("only InputProblem is thrown")
            }
            skipSpaces()
            switch peek() {
            case UInt8(ascii: ","):
                advance()
                skipSpaces()
                if peek() == UInt8(ascii: "}") {
                    throw problem(at: location, field: field, expected: "another key after ',' (TOML allows no "
                                  + "trailing comma in an inline table)", found: "'}'")
                }
            case UInt8(ascii: "}"):
                advance()
                return TOMLValue(.table(table), at: start)
            default:
                throw problem(at: location, field: field, expected: "',' or '}' on the same line in the inline table",
                              found: foundHere())
            }
        }
    }

    /// Numbers, booleans and dates: a run of characters up to a delimiter, then classified.
    private mutating func parseScalar(field: String) throws(InputProblem) -> TOMLValue {
        let start = location
        let begin = index
        while let byte = peek(), Self.isScalarByte(byte) { advance() }
        let token = String(decoding: bytes[begin..<index], as: UTF8.self)
        if token.isEmpty {
            throw problem(at: start, field: field, expected: "a value (string, number, boolean, date, array or inline table)",
                          found: foundHere())
        }
        if token == "true" { return TOMLValue(.boolean(true), at: start) }
        if token == "false" { return TOMLValue(.boolean(false), at: start) }
        if let date = try parseDate(token, at: start, field: field) { return TOMLValue(.date(date), at: start) }
        if let integer = try parseInteger(token, at: start, field: field) { return TOMLValue(.integer(integer), at: start) }
        if let float = parseFloat(token) { return TOMLValue(.float(float), at: start) }
        throw problem(at: start, field: field, expected: "a value (string, number, boolean, date, array or inline table)",
                      found: InputProblem.quoted(token))
    }

    private static func isScalarByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private mutating func parseDate(_ token: String, at start: SourceLocation, field: String) throws(InputProblem) -> CalendarDate? {
        let scalars = Array(token.unicodeScalars)
        let looksLikeDate = scalars.count >= 10 && scalars[4] == "-" && scalars[7] == "-"
            && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { ("0"..."9").contains(scalars[$0]) }
        if !looksLikeDate {
            if token.contains(":") {
                throw problem(at: start, field: field, expected: "a local date (YYYY-MM-DD)",
                              found: "a time \(InputProblem.quoted(token)), which is not supported")
            }
            return nil
        }
        let followedByTime = peek() == UInt8(ascii: " ") && index + 3 < bytes.count
            && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]) && bytes[index + 3] == UInt8(ascii: ":")
        if scalars.count > 10 || followedByTime {
            throw problem(at: start, field: field, expected: "a local date (YYYY-MM-DD)",
                          found: "a date-time, which is not supported")
        }
        guard let date = CalendarDate(iso8601: token) else {
            throw problem(at: start, field: field, expected: "a valid calendar date",
                          found: "\(token), which does not exist")
        }
        return date
    }

    /// Decimal (sign, no leading zero, `_` only between digits) or `0x`/`0o`/`0b` without sign.
    private func parseInteger(_ token: String, at start: SourceLocation, field: String) throws(InputProblem) -> Int? {
        var body = Substring(token)
        var radix = 10
        var negative = false
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
            body = body.dropFirst(2)
        } else {
            if body.first == "+" || body.first == "-" {
                negative = body.first == "-"
                body = body.dropFirst()
            }
            if body.count > 1 && body.first == "0" { return nil }
        }
        guard Self.hasValidUnderscores(body), !body.isEmpty else { return nil }
        let digits = body.filter { $0 != "_" }
        guard digits.allSatisfy({ $0.isASCII && $0.isHexDigit }), let magnitude = UInt64(digits, radix: radix) else {
            if digits.allSatisfy({ $0.isASCII && $0.isNumber }) && !digits.isEmpty && radix == 10 {
                throw problem(at: start, field: field, expected: "an integer that fits in 64 bits", found: token)
            }
            return nil
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else {
                throw problem(at: start, field: field, expected: "an integer that fits in 64 bits", found: token)
            }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else {
            throw problem(at: start, field: field, expected: "an integer that fits in 64 bits", found: token)
        }
        return Int(magnitude)
    }

    /// A TOML float: integer part (no leading zero), then a fraction, an exponent or both; or inf/nan.
    private func parseFloat(_ token: String) -> Double? {
        var body = Substring(token)
        var sign = 1.0
        if body.first == "+" || body.first == "-" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if body == "inf" { return sign * .infinity }
        if body == "nan" { return .nan }
        let exponentSplit = body.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard (1...2).contains(exponentSplit.count) else { return nil }
        let mantissa = exponentSplit[0]
        let mantissaParts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = mantissaParts[0]
        guard Self.isDigitRun(integerPart), !(integerPart.count > 1 && integerPart.first == "0") else { return nil }
        if mantissaParts.count == 2 { guard Self.isDigitRun(mantissaParts[1]) else { return nil } }
        if exponentSplit.count == 2 {
            var exponent = exponentSplit[1]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard Self.isDigitRun(exponent) else { return nil }
        }
        guard mantissaParts.count == 2 || exponentSplit.count == 2 else { return nil }
        return Double(String(body.filter { $0 != "_" })).map { sign * $0 }
    }

    /// Digits with `_` only between two digits.
    private static func isDigitRun(_ text: Substring) -> Bool {
        !text.isEmpty && hasValidUnderscores(text) && text.allSatisfy { $0 == "_" || ($0.isASCII && $0.isNumber) }
    }

    private static func hasValidUnderscores(_ text: Substring) -> Bool {
        guard text.first != "_", text.last != "_" else { return false }
        return !text.contains("__")
    }

    // MARK: Strings

    private mutating func parseBasicString(field: String) throws(InputProblem) -> String {
        let start = location
        advance()
        var scalars = String.UnicodeScalarView()
        var chunkStart = index
        func flush(_ parser: TOMLParser, _ upTo: Int) {
            scalars.append(contentsOf: String(decoding: parser.bytes[chunkStart..<upTo], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = peek() else {
                throw problem(at: start, field: field, expected: "a closing '\"'", found: "the end of the file")
            }
            switch byte {
            case UInt8(ascii: "\""):
                flush(self, index)
                advance()
                return String(scalars)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw problem(at: start, field: field, expected: "a closing '\"' on the same line", found: "a line end")
            case UInt8(ascii: "\\"):
                flush(self, index)
                let escapeStart = location
                advance()
                guard let escape = peek() else {
                    throw problem(at: escapeStart, field: field, expected: "an escape sequence", found: "the end of the file")
                }
                advance()
                switch escape {
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = escape == UInt8(ascii: "u") ? 4 : 8
                    let hexStart = index
                    for _ in 0..<width {
                        guard let digit = peek(), Character(Unicode.Scalar(digit)).isHexDigit else {
                            throw problem(at: escapeStart, field: field,
                                          expected: "\(width) hexadecimal digits after \\\(Character(Unicode.Scalar(escape)))",
                                          found: foundHere())
                        }
                        advance()
                    }
                    let hex = String(decoding: bytes[hexStart..<index], as: UTF8.self)
                    guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw problem(at: escapeStart, field: field, expected: "a Unicode scalar value",
                                      found: "\\\(Character(Unicode.Scalar(escape)))\(hex)")
                    }
                    scalars.append(scalar)
                default:
                    throw problem(at: escapeStart, field: field,
                                  expected: "an escape (\\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)",
                                  found: "\\\(Character(Unicode.Scalar(escape)))")
                }
                chunkStart = index
            default:
                if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F {
                    throw problem(at: location, field: field, expected: "no control characters in a string",
                                  found: "control character U+\(String(byte, radix: 16, uppercase: true))")
                }
                advance()
            }
        }
    }

    private mutating func parseLiteralString(field: String) throws(InputProblem) -> String {
        let start = location
        advance()
        let begin = index
        while true {
            guard let byte = peek() else {
                throw problem(at: start, field: field, expected: "a closing \"'\"", found: "the end of the file")
            }
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: bytes[begin..<index], as: UTF8.self)
                advance()
                return text
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                throw problem(at: start, field: field, expected: "a closing \"'\" on the same line", found: "a line end")
            }
            advance()
        }
    }

    private func startsTripleQuote() -> Bool {
        guard index + 2 < bytes.count else { return false }
        return bytes[index] == bytes[index + 1] && bytes[index] == bytes[index + 2]
    }

    // MARK: Characters

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past one byte, counting a column for each code point; line ends go through `consumeLineEnd`.
    private mutating func advance() {
        if UTF8Source.startsCodePoint(bytes[index]) { column += 1 }
        index += 1
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    private mutating func consumeLineEnd() throws(InputProblem) {
        if peek() == UInt8(ascii: "\r") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else {
                throw problem(at: location, field: "line end", expected: "LF or CRLF", found: "a lone CR")
            }
            index += 1
        }
        index += 1
        line += 1
        column = 1
    }

    private mutating func skipComment() throws(InputProblem) {
        while let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { advance() }
    }

    private mutating func skipSpacesNewlinesAndComments() throws(InputProblem) {
        while true {
            skipSpaces()
            switch peek() {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): try consumeLineEnd()
            case UInt8(ascii: "#"): try skipComment()
            default: return
            }
        }
    }

    /// What stands at the current position, for the `found` part of a problem.
    private func foundHere() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "a line end" }
        var end = index
        while end < bytes.count, end - index < 20, ![UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " ")].contains(bytes[end]) {
            end += 1
        }
        while end < bytes.count, !UTF8Source.startsCodePoint(bytes[end]) { end += 1 }
        return InputProblem.quoted(String(decoding: bytes[index..<end], as: UTF8.self))
    }

    /// Refuses a header or key that would put a value deeper than `maximumDepth`, at its first part too many.
    private func checkDepth(of key: [KeyPart], under depth: Int) throws(InputProblem) {
        guard depth + key.count > Self.maximumDepth else { return }
        let excess = key[max(0, Self.maximumDepth - depth)]
        throw problem(at: excess.location, field: Self.shortened(key.map(\.name).joined(separator: ".")),
                      expected: "at most \(Self.maximumDepth) levels of nested keys, tables and arrays",
                      found: "a key \(depth + key.count) levels deep")
    }

    /// The problem for an array or inline table whose values would lie deeper than `maximumDepth`.
    private func tooDeep(at start: SourceLocation, field: String, what: String) -> InputProblem {
        problem(at: start, field: Self.shortened(field),
                expected: "at most \(Self.maximumDepth) levels of nested keys, tables and arrays",
                found: "\(what) nested deeper")
    }

    /// A field name cut to a readable length (the path to a deeply nested value is long).
    private static func shortened(_ field: String) -> String {
        field.count > 60 ? String(field.prefix(60)) + "…" : field
    }

    private func dotted(_ path: [KeyPart]) -> String {
        path.isEmpty ? "document" : path.map(\.name).joined(separator: ".")
    }

    private func problem(at location: SourceLocation, field: String, expected: String, found: String) -> InputProblem {
        InputProblem(file: file, location: location, field: field, expected: expected, found: found)
    }
}
