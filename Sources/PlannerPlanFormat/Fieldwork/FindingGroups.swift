import PlannerFormats

/// The problems of one file, with identical ones told once: a file saved with the wrong date format has the
/// same problem on every row, and 809 copies of it hide the one line that says why.
///
/// Problems are identical when they concern the same column and expect the same thing. Three or more become
/// one problem at the first row, with the lines they occur on (`lines 2–810`) and the hint once.
struct FindingGroups {
    struct Finding {
        var location: SourceLocation
        var found: String
        var hint: String?
    }

    struct Kind: Hashable {
        var field: String
        var expected: String
    }

    let file: String
    private var kinds: [Kind] = []
    private var findings: [Kind: [Finding]] = [:]
    /// The fewest identical problems told as one.
    static let groupSize = 3

    init(file: String) {
        self.file = file
    }

    mutating func add(_ location: SourceLocation, field: String, expected: String, found: String, hint: String?) {
        let kind = Kind(field: field, expected: expected)
        if findings[kind] == nil { kinds.append(kind) }
        findings[kind, default: []].append(Finding(location: location, found: found, hint: hint))
    }

    /// Hands the problems to `problems`, grouped.
    func flush(into problems: inout ProblemLog) {
        for kind in kinds {
            let group = findings[kind]!
            if group.count < Self.groupSize {
                for finding in group {
                    problems.add(file: file, at: finding.location, field: kind.field, expected: kind.expected,
                                 found: finding.found + (finding.hint.map { "; \($0)" } ?? ""))
                }
                continue
            }
            let hint = group.lazy.compactMap(\.hint).first
            problems.add(file: file, at: group[0].location, field: kind.field, expected: kind.expected,
                         found: group[0].found + "; the same problem on \(group.count) rows: "
                            + Self.lines(group.map(\.location.line)) + (hint.map { "; \($0)" } ?? ""))
        }
    }

    /// `lines 2–810`, `lines 2–5, 9, 12–20`: runs of consecutive lines as ranges, at most ten pieces.
    static func lines(_ numbers: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for line in Set(numbers).sorted() {
            if let last = runs.last, last.upperBound + 1 == line {
                runs[runs.count - 1] = last.lowerBound...line
            } else {
                runs.append(line...line)
            }
        }
        let pieces = runs.prefix(10).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        return "lines " + pieces.joined(separator: ", ") + (runs.count > 10 ? ", …" : "")
    }
}
