import ArgumentParser
import PlannerFormats
import PlannerSampling

/// `planner validate`: reads a dataset and either summarises it or lists every problem in it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dataset folder and summarise it.",
        discussion: """
            Prints a summary and exits 0 when the dataset is valid. Otherwise prints every problem \
            (file:line:column: field: expected …, found …) to standard error and exits 65. The sample design is \
            checked too, by drawing it with the dataset's seed: a design that leaves a unit no chance of being \
            drawn or cannot meet its own constraints is a problem at its survey.toml key; fewer reserves than \
            asked, a target a ceiling stops short of and a listing that disagrees with the census are printed \
            as warnings.
            """
    )

    @OptionGroup var input: DatasetArgument

    func run() throws {
        let dataset = try input.load()
        let plan = try SampleDesigner.design(dataset: dataset, seed: dataset.settings.seed)
        print(InputText.escapedLines(DatasetSummary(dataset).plainText), terminator: "")
        for warning in plan.warnings { printError(warning.description) }
    }
}
