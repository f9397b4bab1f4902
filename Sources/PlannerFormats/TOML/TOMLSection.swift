import PlannerCore

/// A TOML table being turned into settings: typed look-ups that report located problems and fall back to
/// the default, and a check that every key in the file is one the program knows.
///
/// Unknown keys are problems, not warnings: a misspelt `bufer_days` would otherwise silently leave the
/// default in force.
struct TOMLSection {
    let table: TOMLTable
    /// The dotted path of the table (`fieldwork`, `sample.households.precision`), "" for the document.
    let path: String
    /// Where the table is defined (its header key), for problems about a missing key.
    let location: SourceLocation
    let file: String

    init(table: TOMLTable, path: String, location: SourceLocation, file: String, knownKeys: [String],
         problems: inout ProblemLog) {
        self.table = table
        self.path = path
        self.location = location
        self.file = file
        let known = Set(knownKeys)
        for entry in table.entries where !known.contains(entry.key) {
            let suggestion = Self.closest(to: entry.key, among: knownKeys).map { " (did you mean '\($0)'?)" } ?? ""
            let place = path.isEmpty ? "at the top level" : "in [\(path)]"
            problems.add(file: file, at: entry.keyLocation, field: fieldName(entry.key),
                         expected: "one of \(knownKeys.joined(separator: ", ")) \(place)",
                         found: "unknown key '\(entry.key)'\(suggestion)")
        }
    }

    func fieldName(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func value(_ key: String) -> TOMLValue? { table[key]?.value }

    func problem(_ key: String, at location: SourceLocation, expected: String, found: String,
                 _ problems: inout ProblemLog) {
        problems.add(file: file, at: location, field: fieldName(key), expected: expected, found: found)
    }

    /// Reports a wrong type at the value.
    func typeProblem(_ key: String, _ value: TOMLValue, expected: String, _ problems: inout ProblemLog) {
        problem(key, at: value.location, expected: expected, found: "\(value.typeDescription) \(value.displayText)", &problems)
    }

    func subsection(_ key: String, knownKeys: [String], problems: inout ProblemLog) -> TOMLSection? {
        guard let entry = table[key] else { return nil }
        guard let subtable = entry.value.table else {
            typeProblem(key, entry.value, expected: "a table", &problems)
            return nil
        }
        return TOMLSection(table: subtable, path: fieldName(key), location: entry.keyLocation, file: file,
                           knownKeys: knownKeys, problems: &problems)
    }

    /// A string value; no key of `survey.toml` takes control characters (`InputText.isControl`), so one is a
    /// problem at the value.
    func string(_ key: String, _ problems: inout ProblemLog) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value.kind else {
            typeProblem(key, value, expected: "a string", &problems)
            return nil
        }
        if text.unicodeScalars.contains(where: InputText.isControl) {
            problem(key, at: value.location, expected: "a string without control characters (C0, C1, DEL, "
                        + "bidirectional overrides)", found: InputProblem.quoted(text), &problems)
            return nil
        }
        return text
    }

    /// A name or label: a string of at most `InputText.maximumNameCharacters` characters.
    func label(_ key: String, _ problems: inout ProblemLog) -> String? {
        guard let text = string(key, &problems) else { return nil }
        guard text.unicodeScalars.count <= InputText.maximumNameCharacters else {
            problem(key, at: value(key)!.location, expected: "at most \(InputText.maximumNameCharacters) characters",
                    found: "\(text.unicodeScalars.count) characters", &problems)
            return nil
        }
        return text
    }

    /// A string that must be one of an enumeration's raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, allowed: [Choice] = Array(Choice.allCases),
                                                         _ problems: inout ProblemLog) -> Choice?
        where Choice.RawValue == String {
        guard let text = string(key, &problems) else { return nil }
        guard let choice = allowed.first(where: { $0.rawValue == text }) else {
            problem(key, at: value(key)!.location, expected: "one of \(allowed.map(\.rawValue).joined(separator: ", "))",
                    found: InputProblem.quoted(text), &problems)
            return nil
        }
        return choice
    }

    func integer(_ key: String, _ problems: inout ProblemLog, expected: String = "an integer",
                 where isValid: (Int) -> Bool = { _ in true }) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .integer(let number) = value.kind else {
            typeProblem(key, value, expected: expected, &problems)
            return nil
        }
        guard isValid(number) else {
            problem(key, at: value.location, expected: expected, found: String(number), &problems)
            return nil
        }
        return number
    }

    /// A number, written as a float or an integer.
    func number(_ key: String, _ problems: inout ProblemLog, expected: String = "a number",
                where isValid: (Double) -> Bool = { _ in true }) -> Double? {
        guard let value = value(key) else { return nil }
        return Self.number(value, expected: expected, where: isValid) { found in
            problem(key, at: value.location, expected: expected, found: found, &problems)
        }
    }

    /// Checks a number value; `report` receives the `found` text of a problem.
    static func number(_ value: TOMLValue, expected: String, where isValid: (Double) -> Bool,
                       report: (String) -> Void) -> Double? {
        let number: Double
        switch value.kind {
        case .float(let float): number = float
        case .integer(let integer): number = Double(integer)
        default:
            report("\(value.typeDescription) \(value.displayText)")
            return nil
        }
        guard number.isFinite, isValid(number) else {
            report(value.displayText)
            return nil
        }
        return number
    }

    /// A TOML local date, or a string holding one.
    func date(_ key: String, _ problems: inout ProblemLog) -> CalendarDate? {
        guard let value = value(key) else { return nil }
        return Self.date(value) { found in
            problem(key, at: value.location, expected: "a date (2023-10-03 or \"2023-10-03\")", found: found, &problems)
        }
    }

    static func date(_ value: TOMLValue, report: (String) -> Void) -> CalendarDate? {
        switch value.kind {
        case .date(let date):
            return date
        case .string(let text):
            if let date = CalendarDate(iso8601: text) { return date }
            report(InputProblem.quoted(text))
            return nil
        default:
            report("\(value.typeDescription) \(value.displayText)")
            return nil
        }
    }

    func array(_ key: String, _ problems: inout ProblemLog) -> [TOMLValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value.kind else {
            typeProblem(key, value, expected: "an array", &problems)
            return nil
        }
        return items
    }

    func inlineTable(_ key: String, _ problems: inout ProblemLog) -> TOMLTable? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else {
            typeProblem(key, value, expected: "a table", &problems)
            return nil
        }
        return table
    }

    /// The known key nearest to a misspelt one, when it is close enough to be the likely intent.
    private static func closest(to key: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(Array(key), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 4) else { return nil }
        return best.0
    }

    private static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        var previous = Array(0...rhs.count)
        for (i, left) in lhs.enumerated() {
            var current = [i + 1]
            for (j, right) in rhs.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[rhs.count]
    }
}
