import PlannerCore
import PlannerFormats
import Testing

@Suite("TOML reader")
struct TOMLReaderTests {
    private func read(_ text: String) throws(InvalidInput) -> TOMLTable {
        try TOMLReader().read(text, file: "s.toml")
    }

    /// The one problem reading `text` gives, as printed.
    private func problem(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.problems.map(\.description).joined(separator: "\n")
        }
    }

    private func value(_ table: TOMLTable, _ path: String...) -> TOMLValue.Kind? {
        var current = table
        for key in path.dropLast() {
            guard let next = current[key]?.value.table else { return nil }
            current = next
        }
        return current[path.last!]?.value.kind
    }

    @Test func scalarsOfEveryKind() throws {
        let table = try read("""
            # comment line
            basic = "tab\\there \\"q\\" \\\\ \\u00E9\\U0001F600" # trailing comment
            literal = 'C:\\no\\escapes'
            int = 1_200
            negative = -17
            hex = 0xff
            octal = 0o17
            binary = 0b101
            float = 3.14
            exponent = -2e-3
            underscored = 1_000.5
            infinite = -inf
            yes = true
            no = false
            day = 2023-10-03
            "quoted key" = 1
            'literal key' = 2
            bare-key_2 = 3
            empty = ""
            """)
        #expect(value(table, "basic") == .string("tab\there \"q\" \\ é😀"))
        #expect(value(table, "literal") == .string("C:\\no\\escapes"))
        #expect(value(table, "int") == .integer(1200))
        #expect(value(table, "negative") == .integer(-17))
        #expect(value(table, "hex") == .integer(255))
        #expect(value(table, "octal") == .integer(15))
        #expect(value(table, "binary") == .integer(5))
        #expect(value(table, "float") == .float(3.14))
        #expect(value(table, "exponent") == .float(-0.002))
        #expect(value(table, "underscored") == .float(1000.5))
        #expect(value(table, "infinite") == .float(-.infinity))
        #expect(value(table, "yes") == .boolean(true))
        #expect(value(table, "no") == .boolean(false))
        #expect(value(table, "day") == .date(CalendarDate(year: 2023, month: 10, day: 3)!))
        #expect(value(table, "quoted key") == .integer(1))
        #expect(value(table, "literal key") == .integer(2))
        #expect(value(table, "bare-key_2") == .integer(3))
        #expect(value(table, "empty") == .string(""))
        #expect(table.keys.first == "basic")
    }

    @Test func nanIsAFloat() throws {
        guard case .float(let number) = try read("x = nan")["x"]?.value.kind else {
            Issue.record("nan is not a float")
            return
        }
        #expect(number.isNaN)
    }

    @Test func tablesDottedTablesAndDottedKeys() throws {
        let table = try read("""
            top = 1
            [sample.households]
            size = 10
            precision.margin = 0.1
            [sample.households.extra]
            a = 1
            [sample.enterprises]
            size = 5
            """)
        #expect(value(table, "top") == .integer(1))
        #expect(value(table, "sample", "households", "size") == .integer(10))
        #expect(value(table, "sample", "households", "precision", "margin") == .float(0.1))
        #expect(value(table, "sample", "households", "extra", "a") == .integer(1))
        #expect(value(table, "sample", "enterprises", "size") == .integer(5))
        #expect(table["sample"]?.value.table?.keys == ["households", "enterprises"])
    }

    @Test func implicitTableMayBeDefinedLater() throws {
        let table = try read("[a.b]\nx = 1\n[a]\ny = 2\n")
        #expect(value(table, "a", "b", "x") == .integer(1))
        #expect(value(table, "a", "y") == .integer(2))
        #expect(table["a"]?.keyLocation == SourceLocation(line: 3, column: 2))
    }

    @Test func multiLineArraysWithCommentsAndTrailingComma() throws {
        let table = try read("""
            groups = [
              ["942", "944"],  # first
              ["945"],
            ]
            days = [2023-10-03, "2023-10-04"]
            empty = [ ]
            """)
        #expect(value(table, "groups") == .array([
            TOMLValue(.array([TOMLValue(.string("942"), at: SourceLocation(line: 2, column: 4)),
                              TOMLValue(.string("944"), at: SourceLocation(line: 2, column: 11))]),
                      at: SourceLocation(line: 2, column: 3)),
            TOMLValue(.array([TOMLValue(.string("945"), at: SourceLocation(line: 3, column: 4))]),
                      at: SourceLocation(line: 3, column: 3)),
        ]))
        #expect(value(table, "empty") == .array([]))
    }

    @Test func inlineTables() throws {
        let table = try read("box = { lat_min = 9.1, lat_max = 10, name.first = 'x' }\nnone = {}\n")
        #expect(value(table, "box", "lat_min") == .float(9.1))
        #expect(value(table, "box", "lat_max") == .integer(10))
        #expect(value(table, "box", "name", "first") == .string("x"))
        #expect(table["box"]?.value.table?["lat_max"]?.keyLocation == SourceLocation(line: 1, column: 24))
        #expect(table["none"]?.value.table?.isEmpty == true)
    }

    @Test func locationsOfKeysAndValues() throws {
        let table = try read("[fieldwork]\n  speed_kmh =   30\n")
        let entry = try #require(table["fieldwork"]?.value.table?["speed_kmh"])
        #expect(entry.keyLocation == SourceLocation(line: 2, column: 3))
        #expect(entry.value.location == SourceLocation(line: 2, column: 17))
    }

    @Test func crlfLineEnds() throws {
        let table = try read("a = 1\r\n[t]\r\nb = \"x\"\r\n")
        #expect(value(table, "t", "b") == .string("x"))
    }

    @Test(arguments: [
        ("a = 1\na = 2", "s.toml:2:1: a: expected each key once, found a second definition (first at 1:1)"),
        ("[t]\nx = 1\n[t]", "s.toml:3:2: t: expected each table defined once, found [t] already defined by a header at 1:2"),
        ("a.b = 1\n[a]", "s.toml:2:2: a: expected each table defined once, found [a] already defined by dotted keys at 1:1"),
        ("[a]\nb = 1\n[a.b]", "s.toml:3:4: b: expected a table name for [a.b], found a key that already holds an integer (at 2:1)"),
        ("t = {x = 1}\n[t.y]", "s.toml:2:2: t: expected a table that can be extended for [t.y], found an inline table, which is closed (at 1:1)"),
        ("t = {x = 1}\nt.y = 2", "s.toml:2:1: t.y: expected a table that dotted keys may extend, found a table defined at 1:1, which dotted keys cannot reopen"),
        ("[[items]]", "s.toml:1:1: table: expected a [table] header, found an array of tables ([[…]]), which is not supported"),
        ("a = \"\"\"long\"\"\"", "s.toml:1:5: a: expected a one-line string, found a multi-line string, which is not supported"),
        ("a = 2023-10-03T08:00:00", "s.toml:1:5: a: expected a local date (YYYY-MM-DD), found a date-time, which is not supported"),
        ("a = 2023-10-03 08:00:00", "s.toml:1:5: a: expected a local date (YYYY-MM-DD), found a date-time, which is not supported"),
        ("a = 08:00:00", "s.toml:1:5: a: expected a local date (YYYY-MM-DD), found a time \"08:00:00\", which is not supported"),
        ("a = 2023-02-30", "s.toml:1:5: a: expected a valid calendar date, found 2023-02-30, which does not exist"),
        ("a = \"open", "s.toml:1:5: a: expected a closing '\"', found the end of the file"),
        ("a = \"x\ny\"", "s.toml:1:5: a: expected a closing '\"' on the same line, found a line end"),
        ("a = \"bad \\q\"", "s.toml:1:10: a: expected an escape (\\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX), found \\q"),
        ("a = \"\\uD800\"", "s.toml:1:6: a: expected a Unicode scalar value, found \\uD800"),
        ("a = \"\\u12\"", "s.toml:1:6: a: expected 4 hexadecimal digits after \\u, found \"\\\"\""),
        ("a = 1 2", "s.toml:1:7: document: expected a line end after the value, found \"2\""),
        ("a = ", "s.toml:1:5: a: expected a value, found the end of the file"),
        ("a =\n", "s.toml:1:4: a: expected a value after '=', found nothing"),
        ("a 1", "s.toml:1:3: a: expected '=' after the key, found \"1\""),
        ("= 1", "s.toml:1:1: key: expected a key (letters, digits, '_' or '-', or a quoted key), found \"=\""),
        ("a = [1, 2", "s.toml:1:5: a: expected ']' closing the array opened here, found the end of the file"),
        ("a = [1 2]", "s.toml:1:8: a: expected ',' or ']' in the array, found \"2]\""),
        ("a = {x = 1,}", "s.toml:1:12: a: expected another key after ',' (TOML allows no trailing comma in an inline table), found '}'"),
        ("a = {x = 1\n}", "s.toml:1:11: a: expected ',' or '}' on the same line in the inline table, found a line end"),
        ("a = {x = 1, x = 2}", "s.toml:1:13: a.x: expected each key once, found a second definition (first at 1:6)"),
        ("a = yes", "s.toml:1:5: a: expected a value (string, number, boolean, date, array or inline table), found \"yes\""),
        ("a = 012", "s.toml:1:5: a: expected a value (string, number, boolean, date, array or inline table), found \"012\""),
        ("a = 1__0", "s.toml:1:5: a: expected a value (string, number, boolean, date, array or inline table), found \"1__0\""),
        ("a = 99999999999999999999", "s.toml:1:5: a: expected an integer that fits in 64 bits, found 99999999999999999999"),
        ("[t\nx = 1", "s.toml:1:3: t: expected ']' closing the table header, found a line end"),
        ("[s]\nx = 1\ny = 1 z", "s.toml:3:7: s: expected a line end after the value, found \"z\""),
    ])
    func syntaxErrorsAreLocated(_ text: String, _ expected: String) {
        #expect(problem(text) == expected)
    }

    @Test func integerLimits() throws {
        #expect(value(try read("a = 9223372036854775807"), "a") == .integer(Int.max))
        #expect(value(try read("a = -9223372036854775808"), "a") == .integer(Int.min))
    }

    /// Values may lie 64 keys and indexes deep: `x` is one level, each array around the innermost one more.
    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = 64
        let arrays = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        var value = try read("x = \(arrays)")["x"]?.value
        var levels = 1
        while case .array(let items)? = value?.kind, let first = items.first {
            value = first
            levels += 1
        }
        #expect(levels == depth - 1)
        let key = (1...depth).map { "k\($0)" }.joined(separator: ".")
        #expect(problem("\(key) = 1") == nil)
        #expect(problem("[\(key)]") == nil)
    }

    /// Past the limit, arrays, inline tables, dotted keys and headers give a located problem where the level
    /// too many opens, however deep the input goes (10,000 levels crashed the reader before the bound).
    @Test(arguments: [65, 10_000])
    func nestingPastTheLimitIsALocatedProblem(_ levels: Int) {
        let expected = "expected at most 64 levels of nested keys, tables and arrays"
        // `x = ` then one '[' per level: the array at column 68 would put its values at level 65.
        let arrays = "x = " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        #expect(problem(arrays)?.hasPrefix("s.toml:1:68: x[0]") == true)
        #expect(problem(arrays)?.contains(expected) == true)
        // `x = ` then `{a = ` per level: the inline table opening level 65 starts at column 5 + 5 × 63.
        let tables = "x = " + String(repeating: "{a = ", count: levels) + "1" + String(repeating: " }", count: levels)
        #expect(problem(tables)?.hasPrefix("s.toml:1:320: x.a.a") == true)
        #expect(problem(tables)?.contains(expected) == true)
        // A dotted key of `levels` parts `a.a.a…`: part 65 starts at column 129.
        let key = Array(repeating: "a", count: levels).joined(separator: ".")
        #expect(problem("\(key) = 1")?.hasPrefix("s.toml:1:129: a.a.a") == true)
        #expect(problem("[\(key)]")?.hasPrefix("s.toml:1:130: a.a.a") == true)
        #expect(problem("[\(key)]")?.contains(expected) == true)
        // Under a header 60 deep, a key 5 deep passes the limit at its fifth part.
        let header = Array(repeating: "h", count: 60).joined(separator: ".")
        #expect(problem("[\(header)]\nb.c.d.e.f = 1")?.hasPrefix("s.toml:2:9: b.c.d.e.f") == true)
        // Mixed: keys and inline tables and arrays add up.
        let mixed = "[\(Array(repeating: "h", count: 62).joined(separator: "."))]\nx = { y = [1] }"
        #expect(problem(mixed)?.hasPrefix("s.toml:2:11: h.h.h") == true)
    }
}
