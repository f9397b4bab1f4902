import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// Everything a re-planned plan folder shows, gathered by the caller (`planner replan`, the simulation).
public struct ReplanContent: Sendable {
    /// The parent plan folder as given.
    public var parentPath: String
    public var asOf: CalendarDate
    /// The dataset the new plan was made for (changes of availability applied).
    public var dataset: Dataset
    public var sample: [SampledUnit]
    public var result: ReplanResult
    /// Every recorded visit.
    public var history: [RecordedVisit]
    /// Every unit of the plan, by unit ID.
    public var progress: [UnitProgress]
    /// Every release, logged before and now.
    public var releases: [ReserveRelease]
    public var newReleases: [ReserveRelease]
    /// Nonrespondents for whom no reserve was left.
    public var exhausted: [String]
    public var weights: [ReplanWeight]
    /// Enumerators who drop out from the as-of date on (by this re-plan's changes).
    public var droppedEnumerators: [EnumeratorID]
    /// All changes of availability since the first plan (the parent's and this re-plan's).
    public var availability: AvailabilityChanges
    /// The progress files this re-plan read, each with its rows counted (empty for the simulation).
    public var progressFiles: [ProgressReading.FileCount]
    /// Planned visits before the as-of date with no outcome, and what the user said they were; nil when none.
    public var unrecorded: UnrecordedVisits?
    /// When the dataset's `unavailability.csv` changed since the parent plan: its spans that cover visits the
    /// parent planned (leave added since), taken as changes of availability; nil when the file is unchanged.
    public var datasetLeave: [Unavailability]?
    /// The route sheets compared with the parent's (`ReplanFolder.sheetChanges`); nil when unknown.
    public var sheetChanges: [SheetKey: SheetChange]?

    public init(parentPath: String, asOf: CalendarDate, dataset: Dataset, sample: [SampledUnit], result: ReplanResult,
                history: [RecordedVisit], progress: [UnitProgress], releases: [ReserveRelease],
                newReleases: [ReserveRelease], exhausted: [String], weights: [ReplanWeight],
                droppedEnumerators: [EnumeratorID], availability: AvailabilityChanges,
                progressFiles: [ProgressReading.FileCount] = [], unrecorded: UnrecordedVisits? = nil,
                datasetLeave: [Unavailability]? = nil) {
        self.parentPath = parentPath
        self.asOf = asOf
        self.dataset = dataset
        self.sample = sample
        self.result = result
        self.history = history
        self.progress = progress
        self.releases = releases
        self.newReleases = newReleases
        self.exhausted = exhausted
        self.weights = weights
        self.droppedEnumerators = droppedEnumerators
        self.availability = availability
        self.progressFiles = progressFiles
        self.unrecorded = unrecorded
        self.datasetLeave = datasetLeave
    }

    public var plan: FieldworkPlan { result.plan }

    /// The survey's buffer days (survey.toml's `buffer_days`, the last working days) from the as-of date on.
    public var bufferDaysAhead: [CalendarDate] {
        dataset.settings.bufferDays.filter { $0 >= asOf }
    }

    /// The new plan's visits on `bufferDaysAhead`: none when the re-plan kept the buffer free (docs/replanning.md,
    /// "The buffer stays free while the work fits"). Derived from the plan alone, so `planner verify` renders the
    /// same line again.
    public var visitsOnBufferDays: Int {
        let buffer = Set(bufferDaysAhead)
        return plan.visits.count { buffer.contains($0.date) }
    }

    /// The share of the other enumerators' previous remaining visits that moved (nil when they had none).
    public var movedShareOfOthers: Double? {
        let others = Set(result.changes.enumerators.map(\.enumeratorID)).subtracting(droppedEnumerators)
        return result.changes.movedShare(of: others)
    }
}
