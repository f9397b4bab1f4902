import Foundation
import PlannerCollection
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

/// `planner progress import`: the `progress.csv` of a plan written from what the collection tools recorded —
/// Survey Solutions export zips and SurveyCTO submission files — so that a re-plan can read it like the one a
/// post office fills in (docs/exports.md, *Importing progress*).
///
/// The plan gives the units (`sample.csv`), the enumerators (its dataset's roster and anyone its visits name,
/// enumerators added by a re-plan included) and the survey window; logins are matched by the rule the exports
/// were written with (`InterviewerLogin`). The file is written atomically and never over an existing one.
public struct ProgressImportJob: Sendable {
    public var plan: TypedPath
    /// Survey Solutions export zips (tab-separated data).
    public var surveySolutions: [TypedPath]
    /// SurveyCTO submissions CSV files.
    public var surveyCTO: [TypedPath]
    /// The progress file to create; never overwritten.
    public var out: TypedPath
    /// The survey's offset from UTC (Survey Solutions writes action times in UTC).
    public var utcOffset: UTCOffset
    /// Whether SurveyCTO's times without an offset are UTC (else local).
    public var surveyCTOTimesAreUTC: Bool
    /// Only the visits before this day; nil: all.
    public var until: CalendarDate?
    /// nil: the dataset the plan's manifest records, relative to `workingDirectory`.
    public var dataset: TypedPath?
    public var workingDirectory: URL

    public init(plan: TypedPath, surveySolutions: [TypedPath] = [], surveyCTO: [TypedPath] = [], out: TypedPath,
                utcOffset: UTCOffset, surveyCTOTimesAreUTC: Bool = false, until: CalendarDate? = nil,
                dataset: TypedPath? = nil, workingDirectory: URL) {
        self.plan = plan
        self.surveySolutions = surveySolutions
        self.surveyCTO = surveyCTO
        self.out = out
        self.utcOffset = utcOffset
        self.surveyCTOTimesAreUTC = surveyCTOTimesAreUTC
        self.until = until
        self.dataset = dataset
        self.workingDirectory = workingDirectory
    }

    /// What was read and written.
    public struct Outcome: Sendable {
        /// One per export, in the order given (Survey Solutions first).
        public var sources: [CollectionSourceSummary]
        /// The rows written, in history order.
        public var visits: [RecordedVisit]
        /// Visits left out because a later one of the same unit on the same day decides.
        public var superseded: Int
        /// Visits on or after `until`, left out.
        public var afterUntil: Int
    }

    public func run() throws -> Outcome {
        guard !surveySolutions.isEmpty || !surveyCTO.isEmpty else {
            throw PipelineError.invalidRequest("give at least one export: --survey-solutions ZIP or --surveycto CSV")
        }
        guard !FileManager.default.fileExists(atPath: out.url.path) else {
            throw PipelineError.cannotCreate("\(out.path): expected a new file, found an existing one (it is never overwritten)")
        }
        let parent = try ParentPlan(plan)
        let sample = try parent.sample()
        let location = parent.datasetLocation(dataset, workingDirectory: workingDirectory)
        let base = try DatasetStep.read(location, progress: SilentProgress())
        let visits = try parent.visits()
        let enumerators = Set(base.enumerators.map(\.id) + visits.planned.map(\.enumeratorID) + visits.history.map(\.enumeratorID))
        let logins = Dictionary(enumerators.sorted().map { (InterviewerLogin.login(for: $0), $0) },
                                uniquingKeysWith: { first, _ in first })

        var collected: [CollectedVisit] = []
        var sources: [CollectionSourceSummary] = []
        let surveySolutionsReader = SurveySolutionsExport(utcOffset: utcOffset)
        for file in surveySolutions {
            let read = try surveySolutionsReader.read(zip: try contents(of: file, expected: "a Survey Solutions export zip"),
                                                      name: file.path)
            collected += read.visits
            sources.append(read.summary)
        }
        let surveyCTOReader = SurveyCTOSubmissions(surveyOffset: utcOffset, timesAreUTC: surveyCTOTimesAreUTC)
        for file in surveyCTO {
            let read = try surveyCTOReader.read(csv: try contents(of: file, expected: "a SurveyCTO submissions CSV"),
                                                name: file.path)
            collected += read.visits
            sources.append(read.summary)
        }
        let context = CollectedProgress.Context(unitIDs: Set(sample.map(\.unitID)), enumeratorsByLogin: logins,
                                                calendar: base.settings.calendar, until: until)
        let progress = try CollectedProgress(collected, context: context)
        try AtomicFile.write(ProgressTable.csv(progress.visits), to: out.url)
        return Outcome(sources: sources, visits: progress.visits, superseded: progress.superseded,
                       afterUntil: progress.afterUntil)
    }

    private func contents(of file: TypedPath, expected: String) throws -> Data {
        guard let data = try? Data(contentsOf: file.url) else {
            throw PipelineError.invalidInput("\(file.path): file: expected \(expected), found no such file")
        }
        return data
    }
}
