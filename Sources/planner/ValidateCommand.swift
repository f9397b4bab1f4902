import ArgumentParser
import Foundation
import PlannerFormats

/// `planner validate`: reads a dataset and either summarises it or lists every problem in it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dataset folder and summarise it.",
        discussion: """
            Prints a summary and exits 0 when the dataset is valid. Otherwise prints every problem \
            (file:line:column: field: expected …, found …) to standard error and exits 65.
            """
    )

    @Argument(help: "The dataset folder, relative to the current directory.")
    var dataset: String = "Inputs/soc-trang-2023"

    func run() throws {
        let folder = URL(fileURLWithPath: dataset, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        do {
            let read = try DatasetReader().read(folder: folder)
            print(DatasetSummary(read).plainText, terminator: "")
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(65)
        }
    }
}
