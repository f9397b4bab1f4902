import ArgumentParser
import Foundation
import PlannerPipeline
import PlannerReports

/// Options shared by the commands that plan fieldwork.
struct FieldworkOptions: ParsableArguments {
    @Option(help: "Seconds the planning step may take (default: solver_time_limit_seconds of survey.toml).")
    var timeLimit: Double?

    @Option(help: "Also write the exact model solved, as free MPS (.mps) or CPLEX LP (.lp).")
    var exportModel: String?

    @Option(help: "Sign the plan: a private key file of `planner keygen`; writes manifest.sig beside manifest.json.")
    var signKey: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let exportModel, !["mps", "lp"].contains(URL(fileURLWithPath: exportModel).pathExtension.lowercased()) {
            throw ValidationError("--export-model needs a file name ending in .mps or .lp")
        }
        if let exportURL, let plan = Self.enclosingPlanFolder(of: exportURL) {
            throw ValidationError("--export-model would write into the plan folder \(plan.path); plans are never modified")
        }
    }

    var chosenLanguage: Language { output.chosenLanguage }

    /// The plan folder (a folder with a manifest.json) that holds `url`, if any: no command writes into a plan.
    static func enclosingPlanFolder(of url: URL) -> URL? {
        var folder = url.standardizedFileURL.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    var exportURL: URL? { exportModel.map(WorkingDirectory.url) }

    /// How the pipeline solves the fieldwork.
    var jobOptions: FieldworkJobOptions {
        FieldworkJobOptions(timeLimitSeconds: timeLimit,
                            exportModel: exportURL.map { .init(url: $0, exporter: Backend.solver) },
                            signingKey: signKey.map(WorkingDirectory.path))
    }
}
