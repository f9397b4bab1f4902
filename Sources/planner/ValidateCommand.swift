import ArgumentParser
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

    @OptionGroup var input: DatasetArgument

    func run() throws {
        let dataset = try input.load()
        print(DatasetSummary(dataset).plainText, terminator: "")
    }
}
