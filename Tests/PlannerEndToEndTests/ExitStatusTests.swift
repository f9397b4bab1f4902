import Foundation
import PlannerFormats
import PlannerPipeline
import Testing
@testable import planner

/// The one mapping from errors to exit statuses (`ExitStatus`), in process: every error type the commands
/// throw has its documented status, and an error nobody foresaw is an internal failure (70), never 1.
@Suite("exit statuses")
struct ExitStatusTests {
    struct Unforeseen: Error {}

    @Test func anUnforeseenErrorIsAnInternalFailure() {
        #expect(ExitStatus.of(Unforeseen()) == 70)
        #expect(ExitStatus.message(for: Unforeseen()).hasPrefix("planner: internal failure: "))
    }

    @Test func everyKnownErrorHasItsDocumentedStatus() {
        let problem = InputProblem(file: "d/zones.csv", location: nil, field: "zone_id", expected: "an ID",
                                   found: "nothing")
        #expect(ExitStatus.of(InvalidInput(problems: [problem])) == 65)
        #expect(ExitStatus.of(PipelineError.invalidInput("x")) == 65)
        #expect(ExitStatus.of(PipelineError.invalidRequest("x")) == 64)
        #expect(ExitStatus.of(PipelineError.cannotCreate("x")) == 73)
        #expect(ExitStatus.of(IncompletePlanWritten(unscheduledVisits: 2, diagnosis: [])) == 3)
        #expect(ExitStatus.of(ProblemsFound(plan: "p", count: 1)) == 4)
        #expect(ExitStatus.message(for: PipelineError.invalidInput("p/sample.csv: changed")) == "p/sample.csv: changed")
    }

    @Test("help is printed, not taken for a failure", arguments: [["--help"], ["plan", "--help"], ["replan", "-h"],
                                                                  ["help", "verify"]])
    func helpExitsCleanly(arguments: [String]) throws {
        let run = try PlannerProcess.run(arguments, in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("USAGE: planner"))
        #expect(!run.standardError.contains("internal failure"))
    }

    @Test func anUnknownOptionIsABadArgument() throws {
        let run = try PlannerProcess.run(["plan", "--no-such-option"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 64)
        #expect(!run.standardError.contains("internal failure"))
    }
}
