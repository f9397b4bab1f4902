import ArgumentParser
import PlannerCore
import PlannerPipeline

/// `planner progress-template`: the empty `progress.csv` the post offices fill in for `planner replan`.
struct ProgressTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress-template",
        abstract: "Write an empty progress.csv: one row per planned visit, status to fill in.",
        discussion: """
            Columns unit_id,label,commune_name,enumerator_id,enumerator_name,date,status; fill in status, one of \
            completed, refused, not_at_home, not_found, closed, postponed, or leave it empty for a visit not yet \
            reported (ignored by `planner replan`, which reads unit_id, date, enumerator_id and status only). Add \
            a row for any visit made that is not listed.
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
        let job = ProgressTemplateJob(plan: WorkingDirectory.path(plan), out: WorkingDirectory.path(out),
                                      until: until.flatMap(CalendarDate.init(iso8601:)))
        print("Progress template with \(try job.run()) visits written to \(out)")
    }
}
