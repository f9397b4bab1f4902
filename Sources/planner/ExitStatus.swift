import ArgumentParser
import Foundation
import PlannerFieldwork
import PlannerFormats
import PlannerPipeline
import PlannerSampling

/// The exit statuses of `planner` (`sysexits.h` where one fits), and the one mapping from errors to them.
///
/// Commands never choose a status: they throw, and `Planner.main()` asks `of(_:)`. README.md and
/// docs/commands.md list the same statuses.
enum ExitStatus {
    /// The plan was written but is incomplete: the fieldwork does not fit the window.
    static let incompletePlan: Int32 = 3
    /// `planner verify` found problems in the plan.
    static let problemsFound: Int32 = 4
    /// The arguments were wrong (EX_USAGE); ArgumentParser's own `ValidationError` exits with it too.
    static let badArguments: Int32 = 64
    /// The input data were invalid (EX_DATAERR).
    static let invalidData: Int32 = 65
    /// Something the planner itself could not do (EX_SOFTWARE): every error no other case names.
    static let internalFailure: Int32 = 70
    /// The output could not be created, e.g. the plan folder exists (EX_CANTCREAT).
    static let cannotCreate: Int32 = 73

    static func of(_ error: any Error) -> Int32 {
        switch error {
        case is IncompletePlanWritten: incompletePlan
        case is ProblemsFound: problemsFound
        case let error as PipelineError:
            switch error.kind {
            case .invalidRequest: badArguments
            case .invalidInput: invalidData
            case .cannotCreate: cannotCreate
            }
        case is InvalidInput, is InputProblem, is FieldworkInputError, is SamplingError: invalidData
        case is PlanFolder.WriteError, is AtomicFile.WriteError: cannotCreate
        default: internalFailure
        }
    }

    /// What standard error shows for `error`: its own description, with the step that failed where the error
    /// does not say it, and a plain "internal failure" for errors nobody expected.
    static func message(for error: any Error) -> String {
        switch error {
        case let error as FieldworkInputError: "The fieldwork cannot be planned: \(error)"
        // A design refused at a survey.toml key is a located problem line like any reading problem.
        case SamplingError.refusedSetting(let refusal): refusal.description
        case let error as SamplingError: "The sample cannot be designed: \(error)"
        case _ where of(error) == internalFailure: "planner: internal failure: \(String(describing: error))"
        default: String(describing: error)
        }
    }
}

/// The plan folder was written, but the fieldwork does not fit the window (exit 3).
struct IncompletePlanWritten: Error, CustomStringConvertible {
    var unscheduledVisits: Int
    /// What is lacking and what would close the gap, one line each.
    var diagnosis: [String]

    var description: String {
        (["INCOMPLETE PLAN: \(unscheduledVisits) visits cannot be made in the window."] + diagnosis.map { "  " + $0 })
            .joined(separator: "\n")
    }
}

/// `planner verify` found problems (exit 4); each was printed before.
struct ProblemsFound: Error, CustomStringConvertible {
    var plan: String
    var count: Int

    var description: String { "\(plan): \(count) problem\(count == 1 ? "" : "s") found" }
}

/// One message on standard error, its control characters written visibly (`\u{1B}`): messages echo input, and a
/// crafted name must not retitle the terminal or write its clipboard.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((InputText.escapedLines(message) + "\n").utf8))
}
