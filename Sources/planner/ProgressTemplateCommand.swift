import ArgumentParser
import Foundation
import PlannerCore
import PlannerFormats
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
        let visits: PlanVisits
        do {
            visits = try PlanVisitsTable.readVisits(try parent.files(["assignments.csv"], manifest: manifest)[0].data,
                                                    file: "\(plan)/assignments.csv")
        } catch let error as InvalidInput {
            printError(error.description)
            throw ExitStatus.invalidData
        }
        let data = ProgressTable.templateCSV(visits: visits.planned, until: until.flatMap { CalendarDate(iso8601: $0) })
        let url = localURL(out)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            printError("\(out): expected a new file, found an existing one (it is never overwritten)")
            throw ExitStatus.cannotCreate
        }
        do {
            try data.write(to: url, options: .withoutOverwriting)
        } catch {
            printError("\(out): cannot write: \(error.localizedDescription)")
            throw ExitStatus.cannotCreate
        }
        print("Progress template with \(visits.planned.filter { v in until.flatMap { CalendarDate(iso8601: $0) }.map { v.date < $0 } ?? true }.count) visits written to \(out)")
    }
}
