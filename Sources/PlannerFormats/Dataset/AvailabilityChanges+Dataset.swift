import PlannerCore

extension AvailabilityChanges {
    /// The dataset as it stands after these changes: the new enumerators and spans added, in ID and date
    /// order as the dataset reader gives them. The one rule by which a re-plan, its parent's changes and the
    /// verifier see a dataset changed by `availability/` files (docs/replanning.md).
    public func applied(to dataset: Dataset) -> Dataset {
        var changed = dataset
        changed.enumerators = (dataset.enumerators + newEnumerators).sorted { $0.id < $1.id }
        changed.unavailability = (dataset.unavailability + unavailability)
            .sorted { ($0.enumeratorID, $0.from) < ($1.enumeratorID, $1.from) }
        return changed
    }

    /// The changes of both, `self`'s first: what a re-planned folder's `availability/` holds after another
    /// re-plan.
    public static func + (earlier: AvailabilityChanges, later: AvailabilityChanges) -> AvailabilityChanges {
        AvailabilityChanges(newEnumerators: earlier.newEnumerators + later.newEnumerators,
                            unavailability: earlier.unavailability + later.unavailability)
    }
}
