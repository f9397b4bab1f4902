import ArgumentParser
import Foundation
import PlannerReports

/// Options shared by the commands that plan fieldwork.
struct FieldworkOptions: ParsableArguments {
    @Option(help: "Seconds GLPK may search (default: solver_time_limit_seconds of survey.toml).")
    var timeLimit: Double?

    @Option(help: "Also write the exact model solved, as free MPS (.mps) or CPLEX LP (.lp).")
    var exportModel: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let exportModel, !["mps", "lp"].contains(URL(fileURLWithPath: exportModel).pathExtension.lowercased()) {
            throw ValidationError("--export-model needs a file name ending in .mps or .lp")
        }
    }

    var quiet: Bool { output.quiet }

    var chosenLanguage: Language { output.chosenLanguage }

    var exportURL: URL? {
        exportModel.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
    }
}
