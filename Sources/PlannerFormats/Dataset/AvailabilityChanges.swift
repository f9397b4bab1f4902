import PlannerCore

/// Changes of availability during fieldwork, in the formats of the dataset's own files.
public struct AvailabilityChanges: Sendable, Hashable {
    /// Rows in the format of `enumerators.csv`: staff who join.
    public var newEnumerators: [Enumerator]
    /// Rows in the format of `unavailability.csv`: staff who drop out from a date (to a date, or to the end).
    public var unavailability: [Unavailability]

    public init(newEnumerators: [Enumerator] = [], unavailability: [Unavailability] = []) {
        self.newEnumerators = newEnumerators
        self.unavailability = unavailability
    }
}
