import ArgumentParser
import PlannerReports

/// What a command shows and in which language: shared by `sample`, `plan` and `assign`.
struct OutputOptions: ParsableArguments {
    @Option(help: "Language of the sheets, notices and summary page: vi (default) or en.")
    var language: String = "vi"

    @Flag(help: "No progress and no summary lines; errors are still printed.")
    var quiet = false

    @Flag(help: "Print a machine-readable summary (JSON) on standard output instead of the summary lines.")
    var json = false

    func validate() throws {
        if Language(rawValue: language) == nil { throw ValidationError("--language must be vi or en") }
    }

    var chosenLanguage: Language { Language(rawValue: language) ?? .vietnamese }

    /// Progress on standard error, unless quiet.
    func progressDisplay() -> ProgressDisplay {
        ProgressDisplay(quiet: quiet, solverName: Backend.solver.identity.name)
    }
}
