import ArgumentParser
import Foundation
import PlannerPipeline

/// `planner simulate`: plays the survey forward with random dropouts, refusals and absences, re-planning each
/// evening, and compares `planner replan` with a naive reassignment.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate fieldwork with dropouts and failed visits; compare re-planning with a naive policy.",
        discussion: """
            Each run draws, from --seed, which enumerators drop out (probability --dropout, from a random working \
            day) and the outcome of every visit (--refusal, --not-at-home, else completed), then plays the days \
            twice with the same events: re-planning each evening with GLPK (`planner replan`), and a naive policy \
            (a dropped enumerator's visits to the nearest colleague of the same post office; re-visits and \
            reserves to whoever visited, on their first day with room). Prints the share of runs that finish by \
            the last day and the mean travel of each. Writes nothing.
            """
    )

    @OptionGroup var input: DatasetArgument

    @Option(help: "Surveys to simulate.")
    var runs: Int = 20

    @Option(help: "Seed of the events (the sample uses survey.toml's seed).")
    var seed: UInt64 = 2023

    @Option(help: "Probability that an enumerator drops out.")
    var dropout: Double = 0.05

    @Option(help: "Probability that a visit is refused.")
    var refusal: Double = 0.05

    @Option(help: "Probability that nobody is at home.")
    var notAtHome: Double = 0.1

    @Option(help: "Seconds GLPK may search at each evening's re-plan (default: survey.toml's solver_time_limit_seconds).")
    var timeLimit: Double?

    @Flag(help: "No line per run.")
    var quiet = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be 1 or more") }
        for (name, value) in [("--dropout", dropout), ("--refusal", refusal), ("--not-at-home", notAtHome)]
        where !(0...1).contains(value) {
            throw ValidationError("\(name) must be a probability in [0, 1]")
        }
        guard refusal + notAtHome <= 1 else { throw ValidationError("--refusal + --not-at-home must not exceed 1") }
        if let timeLimit, !(timeLimit > 0) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
    }

    func run() throws {
        let settings = SimulationSettings(runs: runs, seed: seed, dropoutProbability: dropout, refusalRate: refusal,
                                          notAtHomeRate: notAtHome, timeLimitSeconds: timeLimit)
        print("Simulating \(runs) surveys (seed \(seed)): dropout \(dropout), refusal \(refusal), not at home \(notAtHome)")
        let outcome = try SimulateJob(dataset: input.location, settings: settings).run(solver: Backend.solver) { run in
            guard !quiet else { return }
            print(String(format: "run %3d %-6@ %@ travel %7.0f min, %4d completed, %3d lost, %3d pending, "
                         + "%3d released, %d dropped, %.1f s planning",
                         run.run + 1, run.policy.rawValue, run.finished ? "finished" : "late    ", run.travelMinutes,
                         run.completedUnits, run.lostUnits, run.pendingUnits, run.releases, run.droppedEnumerators,
                         run.planningSeconds))
        }
        print("policy  finished by \(outcome.lastDay)  mean travel (min)  mean pending units  mean completed  mean planning (s)")
        for line in outcome.summary.lines {
            print(String(format: "%-6@  %20.0f%%  %17.0f  %18.1f  %14.1f  %17.1f", line.policy.rawValue,
                         line.finishedShare * 100, line.meanTravelMinutes, line.meanPendingUnits,
                         line.meanCompletedUnits, line.meanPlanningSeconds))
        }
        let summary = outcome.summary
        if !summary.isReproducible {
            let evenings = summary.runs.reduce(0) { $0 + $1.replansStoppedByTimeLimit }
            let cut = [summary.initialPlanStoppedByTimeLimit ? "the first plan" : nil,
                       evenings > 0 ? "\(evenings) evening re-plan\(evenings == 1 ? "" : "s")" : nil].compactMap { $0 }
            print("Note: the time limit ended \(cut.joined(separator: " and ")) before \(cut.count == 1 && evenings <= 1 ? "its" : "their") "
                  + "own stopping rules, so another run (or a faster machine) may give other figures; raise "
                  + "--time-limit or survey.toml's solver_time_limit_seconds.")
        }
    }
}
