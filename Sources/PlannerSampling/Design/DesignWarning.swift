import PlannerCore

/// Something the design does that its settings did not ask for, but that still leaves a valid probability
/// sample: fewer reserves than asked in a small stratum, a per-stratum target a ceiling stops short of, a
/// listing that disagrees with the census. Shown by `planner validate`, `sample` and `plan`, and written in
/// the design report, so that nothing is repaired silently.
public struct DesignWarning: Hashable, Sendable, CustomStringConvertible {
    /// The `survey.toml` key (dotted, from the top) whose value leads to it, or the dataset file it concerns.
    public let subject: String
    public let message: String

    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }

    public var description: String { "warning: \(subject): \(message)" }
}
