import ArgumentParser
import PlannerCore
import PlannerPipeline
import PlannerReports

/// `planner replan`: a new plan version from an as-of date, after visits failed or enumerators dropped out.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-plan the remaining fieldwork from a date, keeping the history and most of the plan.",
        discussion: """
            Reads PLAN (a folder of `planner plan`, `assign` or `replan`), the visits recorded in the --progress \
            files (unit_id,date,enumerator_id,status; one per post office, merged) and the changes of availability, releases reserve units for the \
            units lost, and re-solves the remaining work with GLPK from PLAN, keeping other enumerators' visits \
            where they were. Writes a new plan folder (default: PLAN-replan-<as-of>); PLAN is never modified. \
            Exits 65 on invalid input (every problem located), 3 when the remaining work no longer fits the \
            window (the folder is still written, marked incomplete).
            """
    )

    @Argument(help: "The plan folder to re-plan.")
    var plan: String

    @Option(help: "The first day to re-plan (YYYY-MM-DD); days before it are history.")
    var asOf: String

    @Option(help: ArgumentHelp(
        "Visits made and their outcomes: unit_id,date,enumerator_id,status. Repeat for one file per post office.",
        discussion: "Comma, semicolon or tab separated; dates YYYY-MM-DD or dd/mm/yyyy; statuses as codes or in "
            + "Vietnamese (hoàn thành, từ chối, không gặp, không tìm thấy, đóng cửa, hoãn). The same visit in two "
            + "files counts once; two different outcomes are an error naming both files."))
    var progress: [String] = []

    @Option(help: ArgumentHelp(
        "What planned visits before --as-of with no recorded outcome were: not-visited or postpone.",
        discussion: "Without it such visits stop the re-plan (exit 65, with the count per enumerator and day). Both "
            + "values plan the units again from --as-of and count no attempt; postpone lists them as postponed in "
            + "the report.",
        valueName: "not-visited|postpone"))
    var unrecorded: String?

    @Option(help: "Enumerators unavailable from a date, in the format of unavailability.csv.")
    var unavailable: String?

    @Option(help: "Enumerators who join, in the format of enumerators.csv.")
    var newEnumerators: String?

    @Option(help: "The dataset folder (default: the one recorded in PLAN's manifest).")
    var dataset: String?

    @Option(help: "The plan folder to create (must not exist).")
    var out: String?

    @Option(help: "Objective minutes charged per previous day-trip the new plan drops.")
    var changeCost: Double = 120

    @OptionGroup var fieldwork: FieldworkOptions

    func validate() throws {
        guard CalendarDate(iso8601: asOf) != nil else { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
        if let unrecorded, UnrecordedVisits.Handling(rawValue: unrecorded) == nil {
            throw ValidationError("--unrecorded must be not-visited or postpone")
        }
        guard changeCost >= 0, changeCost.isFinite else { throw ValidationError("--change-cost must be 0 or more") }
    }

    func run() throws {
        let job = ReplanJob(
            plan: WorkingDirectory.path(plan), asOf: CalendarDate(iso8601: asOf)!,
            progressFiles: progress.map(WorkingDirectory.path),
            unrecorded: unrecorded.flatMap(UnrecordedVisits.Handling.init(rawValue:)), unavailable: unavailable.map(WorkingDirectory.path),
            newEnumerators: newEnumerators.map(WorkingDirectory.path), dataset: dataset.map(WorkingDirectory.path),
            workingDirectory: WorkingDirectory.url, out: out.map(WorkingDirectory.url), changedTripMinutes: changeCost,
            language: fieldwork.chosenLanguage, fieldwork: fieldwork.jobOptions)
        let written = try job.run(solver: Backend.solver, progress: fieldwork.output.progressDisplay())
        try fieldwork.output.report(written, command: "replan")
    }
}
