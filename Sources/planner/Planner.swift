import ArgumentParser

@main
struct Planner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planner",
        abstract: "Plan a survey's sample and its fieldwork.",
        subcommands: [PlanCommand.self, ValidateCommand.self, SampleCommand.self, AssignCommand.self,
                      GenerateCommand.self, VerifyCommand.self, ReplanCommand.self, ProgressTemplateCommand.self,
                      SimulateCommand.self]
    )
}
