import PlannerCore

/// A stratum's stable, readable and sortable identifier: `HH-941`, `HH-941-U`, `EN-IZ01`, `EN-941`, `EN-G1`.
///
/// Built from GSO district codes, zone IDs and the position of a district group in the settings, never from
/// anything that changes between runs, so that the same inputs give the same IDs and the same order.
public struct StratumID: TypedIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
