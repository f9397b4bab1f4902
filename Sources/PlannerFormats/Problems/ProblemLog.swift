/// Collects problems from several files, keeping for each file the earliest ones by location.
///
/// Checks do not run in line order (a cross-file check can find a problem on line 3 after line 900 was
/// reported), so each file's problems are kept sorted and trimmed to the cap; the files keep the order in
/// which they were registered, which is the order a user reads a dataset in.
public struct ProblemLog: Sendable {
    private struct FileProblems: Sendable {
        var kept: [InputProblem] = []
        var count = 0
    }

    private var fileOrder: [String] = []
    private var byFile: [String: FileProblems] = [:]
    private let cap: Int

    public init(cap: Int = InvalidInput.problemCap) {
        self.cap = cap
    }

    /// Fixes a file's rank in the output; files never registered rank after the registered ones.
    public mutating func register(file: String) {
        if byFile[file] == nil {
            fileOrder.append(file)
            byFile[file] = FileProblems()
        }
    }

    public mutating func add(_ problem: InputProblem) {
        register(file: problem.file)
        var entry = byFile[problem.file]!
        entry.count += 1
        let position = entry.kept.firstIndex { Self.sortsBefore(problem, $0) } ?? entry.kept.endIndex
        if position < cap {
            entry.kept.insert(problem, at: position)
            if entry.kept.count > cap { entry.kept.removeLast() }
        }
        byFile[problem.file] = entry
    }

    public mutating func add(file: String, at location: SourceLocation?, field: String, expected: String,
                             found: String) {
        add(InputProblem(file: file, location: location, field: field, expected: expected, found: found))
    }

    public var isEmpty: Bool { totalCount == 0 }
    public var totalCount: Int { byFile.values.reduce(0) { $0 + $1.count } }

    /// How many problems were found in one file.
    public func count(in file: String) -> Int { byFile[file]?.count ?? 0 }

    /// The problems in file order, then location order, capped.
    public var invalidInput: InvalidInput {
        let ordered = fileOrder.flatMap { byFile[$0]!.kept }
        return InvalidInput(problems: ordered, totalCount: totalCount)
    }

    /// Throws the collected problems, if there are any.
    public func throwIfAny() throws(InvalidInput) {
        if !isEmpty { throw invalidInput }
    }

    /// Problems without a location (a missing file) come first; ties keep their arrival order.
    private static func sortsBefore(_ lhs: InputProblem, _ rhs: InputProblem) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, nil), (_?, nil): return false
        case (nil, _?): return true
        case let (left?, right?): return left < right
        }
    }
}

extension ProblemLog {
    /// One problem for each header name seen before in `header` (empty names aside), at the repeat, naming the
    /// first: a repeated name would make its column ambiguous. `nameKind` is what the file calls its names
    /// ("column" in CSV, "variable" in Survey Solutions' tab files).
    public mutating func addRepeatedNames(in header: [CSVField], file: String, nameKind: String) {
        var firstSeen: [String: SourceLocation] = [:]
        for field in header where !field.text.isEmpty {
            if let first = firstSeen[field.text] {
                add(file: file, at: field.location, field: field.text,
                    expected: "each \(nameKind) name once in the header",
                    found: "\(InputProblem.quoted(field.text)) again (first at \(first))")
            } else {
                firstSeen[field.text] = field.location
            }
        }
    }
}
