/// The error thrown when input is invalid: every problem found, in file and line order, up to a cap.
///
/// Reporting everything at once spares the user a fix-one-rerun loop; the cap keeps a wholly broken file
/// (the wrong file under the right name) from burying the terminal.
public struct InvalidInput: Error, Hashable, Sendable, CustomStringConvertible {
    /// How many problems are kept and printed; the rest are only counted.
    public static let problemCap = 100

    /// The first `problemCap` problems in file order, then line and column order.
    public var problems: [InputProblem]
    /// Every problem found, including those beyond the cap.
    public var totalCount: Int

    public init(problems: [InputProblem], totalCount: Int? = nil) {
        self.problems = Array(problems.prefix(Self.problemCap))
        self.totalCount = max(totalCount ?? problems.count, self.problems.count)
    }

    /// Problems found but not kept.
    public var omittedCount: Int { totalCount - problems.count }

    /// One problem per line, then `and N more` when the cap was reached.
    public var description: String {
        var lines = problems.map(\.description)
        if omittedCount > 0 {
            lines.append("and \(omittedCount) more")
        }
        return lines.joined(separator: "\n")
    }
}
