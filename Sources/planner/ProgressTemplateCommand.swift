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

    @Option(help: "The file to write (must not exist); with --per-post-office, the folder.")
    var out: String

    @Option(help: "Only the visits before this date (YYYY-MM-DD).")
    var until: String?

    @Flag(help: "Write a folder with one template per post office, each listing its enumerators' visits.")
    var perPostOffice = false

    @Option(help: ArgumentHelp("Between columns: comma, or semicolon for Excel with Vietnamese regional settings, "
                               + "which opens a comma-separated file in one column.", valueName: "comma|semicolon"))
    var separator: Separator = .comma

    enum Separator: String, ExpressibleByArgument, CaseIterable {
        case comma, semicolon
        var byte: UInt8 { self == .comma ? UInt8(ascii: ",") : UInt8(ascii: ";") }
    }

    func validate() throws {
        if let until, CalendarDate(iso8601: until) == nil { throw ValidationError("--until must be a date YYYY-MM-DD") }
    }

    func run() throws {
        let job = ProgressTemplateJob(plan: WorkingDirectory.path(plan), out: WorkingDirectory.path(out),
                                      until: until.flatMap(CalendarDate.init(iso8601:)), perPostOffice: perPostOffice,
                                      separator: separator.byte)
        let written = try job.run()
        print(perPostOffice
              ? "Progress templates with \(written.visits) visits written to \(out), one for each of \(written.files) post offices"
              : "Progress template with \(written.visits) visits written to \(out)")
    }
}
