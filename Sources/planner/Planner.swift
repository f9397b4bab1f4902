import ArgumentParser
import Foundation

@main
struct Planner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planner",
        abstract: "Plan a survey's sample and its fieldwork.",
        subcommands: [PlanCommand.self, ValidateCommand.self, SampleCommand.self, AssignCommand.self,
                      GenerateCommand.self, VerifyCommand.self, ReplanCommand.self, ProgressTemplateCommand.self,
                      ProgressCommand.self, SimulateCommand.self, KeygenCommand.self]
    )

    /// Parses and runs a command; whatever it throws leaves through `ExitStatus`, the one mapping from errors
    /// to exit statuses. ArgumentParser keeps its own errors (usage, help, `ValidationError` as 64).
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            if error is ValidationError || error is CleanExit || error is ExitCode || isArgumentParserError(error) {
                exit(withError: error)
            }
            printError(ExitStatus.message(for: error))
            Foundation.exit(ExitStatus.of(error))
        }
    }

    /// ArgumentParser's own errors, whose types it keeps internal: `--help` and `planner help` are parsed into its
    /// internal help command, whose `run()` throws such an error for ArgumentParser to print the help (exit 0).
    /// Taken for an unforeseen error, it printed "internal failure" and exited 70.
    static func isArgumentParserError(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}
