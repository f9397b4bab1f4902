import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

/// `planner progress-template`: the empty `progress.csv` the post offices fill in for `planner replan`, one
/// row per planned visit of a plan folder.
public struct ProgressTemplateJob: Sendable {
    public var plan: TypedPath
    /// The file to create; never overwritten.
    public var out: TypedPath
    /// Only the visits before this date; nil: every planned visit.
    public var until: CalendarDate?

    public init(plan: TypedPath, out: TypedPath, until: CalendarDate? = nil) {
        self.plan = plan
        self.out = out
        self.until = until
    }

    /// - Returns: how many visits the template lists.
    public func run() throws -> Int {
        let visits = try ParentPlan(plan).visits().planned.filter { visit in until.map { visit.date < $0 } ?? true }
        let data = ProgressTable.templateCSV(visits: visits)
        guard !FileManager.default.fileExists(atPath: out.url.path) else {
            throw PipelineError.cannotCreate("\(out.path): expected a new file, found an existing one (it is never overwritten)")
        }
        do {
            try data.write(to: out.url, options: .withoutOverwriting)
        } catch {
            throw PipelineError.cannotCreate("\(out.path): cannot write: \(error.localizedDescription)")
        }
        return visits.count
    }
}
