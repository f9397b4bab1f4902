/// A request the planner cannot plan from, with every problem found (not just the first).
public struct FieldworkInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem: what is wrong, and with which unit or setting.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// The unit, enumerator or setting concerned (`unit H0012`, `settings.fieldwork.bufferDays`).
        public var subject: String
        public var problem: String

        public init(subject: String, problem: String) {
            self.subject = subject
            self.problem = problem
        }

        public var description: String { "\(subject): \(problem)" }
    }

    public var issues: [Issue]

    public init(issues: [Issue]) { self.issues = issues }

    public var description: String {
        "fieldwork request has \(issues.count) problem(s): " + issues.map(\.description).joined(separator: "; ")
    }
}
