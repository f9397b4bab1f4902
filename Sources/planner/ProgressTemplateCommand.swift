import ArgumentParser
import Foundation
import PlannerCore
import PlannerFormats
import PlannerPipeline
import PlannerReports

/// `planner progress-template`: the empty `progress.csv` the post offices fill in for `planner replan`.
struct ProgressTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress-template",
        abstract: "Write an empty progress.csv: one row per planned visit, status to fill in.",
        discussion: """
            Columns unit_id,date,enumerator_id,status; status is one of completed, refused, not_at_home, \
            not_found, closed, postponed, or empty for a visit not yet reported (ignored by `planner replan`). \
            Add a row for any visit made that is not listed.
            """
    )

    @Argument(help: "The plan folder.")
    var plan: String

    @Option(help: "The file to write (must not exist).")
    var out: String

    @Option(help: "Only the visits before this date (YYYY-MM-DD).")
    var until: String?

    func validate() throws {
        if let until, CalendarDate(iso8601: until) == nil { throw ValidationError("--until must be a date YYYY-MM-DD") }
    }

    func run() throws {
        let parent = ParentPlan(path: plan)
        let manifest = try parent.manifest()
        let visits = try PlanVisitsTable.readVisits(try parent.files(["assignments.csv"], manifest: manifest)[0].data,
                                                    file: "\(plan)/assignments.csv")
        let data = ProgressTable.templateCSV(visits: visits.planned, until: until.flatMap { CalendarDate(iso8601: $0) })
        let url = localURL(out)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw PipelineError.cannotCreate("\(out): expected a new file, found an existing one (it is never overwritten)")
        }
        do {
            try data.write(to: url, options: .withoutOverwriting)
        } catch {
            throw PipelineError.cannotCreate("\(out): cannot write: \(error.localizedDescription)")
        }
        print("Progress template with \(visits.planned.filter { v in until.flatMap { CalendarDate(iso8601: $0) }.map { v.date < $0 } ?? true }.count) visits written to \(out)")
    }
}
