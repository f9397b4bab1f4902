import ArgumentParser
import PlannerCollection
import PlannerCore
import PlannerFieldwork
import PlannerPipeline

/// `planner progress`: what happened in the field, brought into the planner.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Bring the progress recorded in the field into the planner.",
        subcommands: [ProgressImportCommand.self]
    )
}

/// `planner progress import`: a `progress.csv` from Survey Solutions and SurveyCTO exports.
struct ProgressImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a progress.csv for `planner replan` from Survey Solutions and SurveyCTO exports.",
        discussion: """
            Reads Survey Solutions export zips (Data Export, tab-separated data: the questionnaire's main file \
            and interview__actions.tab) and SurveyCTO submission CSVs of forms filled from the plan's exports, and \
            writes one progress row per unit and day visited: unit_id,date,enumerator_id,status. A visit is a \
            Completed interview (Survey Solutions) or a submission (SurveyCTO); its outcome is the questionnaire's \
            visit_outcome (1 completed, 2 refused, 3 not_at_home, 4 not_found, 5 closed, 6 postponed), or \
            completed without it; an interview rejected or restarted after it was completed is postponed \
            (docs/exports.md). Units must be in PLAN's sample.csv, logins those of its enumerators (the ID in \
            lower case), days in the survey window. OUT is never overwritten. Exits 65 on invalid exports (every \
            problem located: file inside the zip, line, column), 73 when OUT exists.
            """
    )

    @Argument(help: "The plan folder the exports were made from.")
    var plan: String

    @Option(name: .customLong("survey-solutions"), help: "A Survey Solutions export zip; repeat for several.")
    var surveySolutions: [String] = []

    @Option(name: .customLong("surveycto"), help: "A SurveyCTO submissions CSV; repeat for several.")
    var surveyCTO: [String] = []

    @Option(help: "The progress file to write (must not exist).")
    var out: String

    @Option(help: "Only the visits before this date (YYYY-MM-DD): the as-of date of the re-plan.")
    var until: String?

    @Option(help: "The survey's offset from UTC, to which Survey Solutions' UTC times are moved.")
    var utcOffset: String = "+07:00"

    @Flag(name: .customLong("surveycto-utc"), help: "SurveyCTO's times are UTC (default: the survey's local time).")
    var surveyCTOTimesAreUTC = false

    @Option(help: "The dataset folder (default: the one recorded in PLAN's manifest).")
    var dataset: String?

    func validate() throws {
        if surveySolutions.isEmpty && surveyCTO.isEmpty {
            throw ValidationError("give at least one export: --survey-solutions ZIP or --surveycto CSV")
        }
        if let until, CalendarDate(iso8601: until) == nil { throw ValidationError("--until must be a date YYYY-MM-DD") }
        if UTCOffset(utcOffset) == nil { throw ValidationError("--utc-offset must be an offset such as +07:00") }
    }

    func run() throws {
        let job = ProgressImportJob(
            plan: WorkingDirectory.path(plan), surveySolutions: surveySolutions.map(WorkingDirectory.path),
            surveyCTO: surveyCTO.map(WorkingDirectory.path), out: WorkingDirectory.path(out),
            utcOffset: UTCOffset(utcOffset)!, surveyCTOTimesAreUTC: surveyCTOTimesAreUTC,
            until: until.flatMap(CalendarDate.init(iso8601:)), dataset: dataset.map(WorkingDirectory.path),
            workingDirectory: WorkingDirectory.url)
        let outcome = try job.run()
        for source in outcome.sources {
            var line = "\(source.file): \(source.records) records, \(source.visits) visits"
            if source.sentBack > 0 { line += " (\(source.sentBack) sent back, written as postponed)" }
            for skipped in source.skipped { line += "; \(skipped.count) \(skipped.reason)" }
            print(line)
        }
        if outcome.superseded > 0 {
            print("\(outcome.superseded) visits left out: a later visit of the same unit on the same day decides")
        }
        if let until, outcome.afterUntil > 0 { print("\(outcome.afterUntil) visits on or after \(until) left out") }
        let counts = VisitStatusCounts(outcome.visits.map(\.status))
        print("Progress with \(outcome.visits.count) visits (\(counts)) written to \(out)")
    }
}

/// `812 completed, 40 refused, …` in the order of `VisitStatus`, statuses that occur only.
private struct VisitStatusCounts: CustomStringConvertible {
    var description: String

    init(_ statuses: [VisitStatus]) {
        description = VisitStatus.allCases.compactMap { status in
            let count = statuses.filter { $0 == status }.count
            return count > 0 ? "\(count) \(status.rawValue)" : nil
        }.joined(separator: ", ")
    }
}
