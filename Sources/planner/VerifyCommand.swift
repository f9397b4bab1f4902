import ArgumentParser
import Foundation
import PlannerCore
import PlannerPipeline

/// `planner verify`: checks a plan folder's integrity and every rule of its plan, without the solver.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a plan folder: file digests, and every rule of the plan against its dataset.",
        discussion: """
            Checks that every file the manifest lists is present with its SHA-256 and nothing else is in the \
            folder; that the dataset is unchanged; that each main unit is scheduled once (or listed in \
            unscheduled.csv), on working days outside the buffer, never while its enumerator is unavailable, by an \
            enumerator with the skill, within each day's minutes with travel recomputed from the dataset; visit \
            orders 1…k; route sheets that agree with assignments.csv; that sample.csv is the sample drawn again from \
            the manifest's seed and the dataset (a unit swapped or a probability changed is found even when the \
            manifest was re-hashed); that every derived file (assignments.csv, route sheets, summaries, bundles, \
            notices, exports, GeoJSON, reports, summary.html) is exactly what the same renderers give from the \
            plan's primary files (fieldwork.json, sample.csv) and the dataset, and that none the plan must have is \
            missing; with --public-key, that manifest.sig signs the manifest; and, for a folder derived from another plan, \
            the parent's history unchanged. A folder of `planner replan` is checked by its own rules: its history \
            is the parent's plus the progress file the re-plan read, each unit of the plan is completed or lost in \
            the history or planned once from the as-of date (or unscheduled), only released reserves are visited, \
            and the planned visits keep every rule above with the folder's changes of availability, buffer days \
            allowed. Prints one line per problem (PLAN/file:line: check: message) to standard error. Exits 0 when \
            all is well, 4 when something is wrong, 64 on bad arguments, 65 when PLAN is not a plan folder or its \
            dataset cannot be read.
            """
    )

    @Argument(help: "The plan folder to check.")
    var plan: String

    @Option(help: "The dataset folder (default: the one recorded in PLAN's manifest).")
    var dataset: String?

    @Option(help: "The parent plan folder (default: the one recorded in PLAN's manifest).")
    var parent: String?

    @Option(help: "For a re-planned folder: the first day that may differ from the parent (default: the manifest's as_of).")
    var asOf: String?

    @Option(name: .customLong("progress"),
            help: "For a re-planned folder: the progress file its re-plan read, where it is now (default: the path its manifest records); repeat for each file it lists.")
    var progressFiles: [String] = []

    @Option(help: "The public key file (`planner keygen`) the plan must be signed with: a missing or non-matching manifest.sig is a finding.")
    var publicKey: String?

    func validate() throws {
        if let asOf, CalendarDate(iso8601: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
    }

    func run() throws {
        let job = VerifyJob(plan: WorkingDirectory.path(plan), dataset: dataset, parent: parent,
                            asOf: asOf.flatMap(CalendarDate.init(iso8601:)), progressFiles: progressFiles,
                            publicKey: publicKey.map(WorkingDirectory.path), workingDirectory: WorkingDirectory.url)
        let outcome = try job.run()
        for finding in outcome.findings { printError(finding.description(inPlan: plan)) }
        guard outcome.findings.isEmpty else { throw ProblemsFound(plan: plan, count: outcome.findings.count) }
        print("\(plan): verified \(outcome.checkedFiles) files; every check passed")
    }
}
