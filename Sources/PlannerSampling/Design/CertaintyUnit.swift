/// A unit taken with probability 1: a commune too large for its PPS share, or an enterprise above the size
/// threshold or too large for its PPS share.
public struct CertaintyUnit: Hashable, Sendable {
    public enum Level: String, Hashable, Sendable, CaseIterable {
        /// A commune, first stage of a two-stage household design.
        case commune
        case enterprise
    }

    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// Its size reached `certaintyEmployees`.
        case sizeThreshold = "size_threshold"
        /// Its PPS probability reached 1 during certainty extraction.
        case proportionalToSize = "pps"
    }

    /// The commune code or enterprise ID.
    public let unitID: String
    public let level: Level
    public let stratumID: StratumID
    /// Census households or employees.
    public let sizeMeasure: Double
    public let reason: Reason
}
