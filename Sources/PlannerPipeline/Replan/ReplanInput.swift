import PlannerCore
import PlannerFormats
import PlannerFieldwork
import PlannerOptimization
import PlannerSampling

/// Everything `ReplanStage` needs, read from the parent plan folder and the files of the day.
public struct ReplanInput: Sendable {
    /// The dataset the parent plan was made from, before this re-plan's changes.
    public var dataset: Dataset
    /// Main and reserve units, as in the parent's `sample.csv`.
    public var sample: [SampledUnit]
    /// From the sample design (`StratifiedSample.releaseGroups` of both unit types).
    public var releaseGroups: [ReleaseGroup]
    /// The parent's planned visits (not its history).
    public var plannedVisits: [VisitAssignment]
    /// Every visit recorded so far: the parent's history and the new progress file.
    public var history: [RecordedVisit]
    /// Releases the parent plan logged.
    public var previousReleases: [ReserveRelease]
    /// Reserves not released that the history records visits to: used in the field, released by this re-plan.
    public var reservesUsedInField: [ReleasePolicy.FieldUse] = []
    /// Changes of availability: spans to add to `unavailability.csv`, enumerators to add to `enumerators.csv`.
    public var addedUnavailability: [Unavailability]
    public var addedEnumerators: [Enumerator]
    /// Spans of the dataset's own `unavailability.csv` added since the parent plan (already in `dataset`):
    /// counted with `addedUnavailability` among the dropouts, never applied twice.
    public var datasetUnavailability: [Unavailability] = []
    /// The first day to plan.
    public var asOf: CalendarDate
    /// nil: `ReplanRequest.solverOptions(for:)`.
    public var solverOptions: SolverOptions?
    public var changedTripMinutes: Double
    /// `ReplanRequest.tightensBound`.
    public var tightensBound = true

    public init(dataset: Dataset, sample: [SampledUnit], releaseGroups: [ReleaseGroup],
                plannedVisits: [VisitAssignment], history: [RecordedVisit], previousReleases: [ReserveRelease] = [],
                addedUnavailability: [Unavailability] = [], addedEnumerators: [Enumerator] = [],
                asOf: CalendarDate, solverOptions: SolverOptions? = nil, changedTripMinutes: Double = 120) {
        self.dataset = dataset
        self.sample = sample
        self.releaseGroups = releaseGroups
        self.plannedVisits = plannedVisits
        self.history = history
        self.previousReleases = previousReleases
        self.addedUnavailability = addedUnavailability
        self.addedEnumerators = addedEnumerators
        self.asOf = asOf
        self.solverOptions = solverOptions
        self.changedTripMinutes = changedTripMinutes
    }

    /// The dataset with the changes of availability applied.
    public var changedDataset: Dataset {
        AvailabilityChanges(newEnumerators: addedEnumerators, unavailability: addedUnavailability).applied(to: dataset)
    }

    /// Enumerators whose added unavailability covers a working day on or after the as-of date.
    public var droppedEnumerators: [EnumeratorID] {
        let days = dataset.settings.calendar.workingDays.filter { $0 >= asOf }
        return Set((addedUnavailability + datasetUnavailability).filter { span in days.contains(where: span.covers) }.map(\.enumeratorID))
            .sorted()
    }
}
