import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerOptimization
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// Turns a drawn sample into a fieldwork plan with the solver it is given, and describes the solve for the manifest.
public enum FieldworkStage {
    /// Plans the main units of `sample`.
    ///
    /// - Parameters:
    ///   - solver: the backend; the command line chooses it, so that this module links none.
    ///   - timeLimitSeconds: overrides `solver_time_limit_seconds` of survey.toml.
    public static func plan(dataset: Dataset, sample: [SampledUnit], solver: some MIPSolver,
                            timeLimitSeconds: Double? = nil,
                            progress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> FieldworkPlan {
        var options = FieldworkRequest.solverOptions(for: dataset.settings.fieldwork)
        if let timeLimitSeconds { options.timeLimitSeconds = timeLimitSeconds }
        let request = FieldworkRequest(dataset: dataset, units: FieldworkUnit.units(from: sample, dataset: dataset),
                                       solverOptions: options)
        return try FieldworkPlanner().plan(request, solver: solver, progress: progress)
    }

    /// The manifest's `solver` object. Objective and bound are the exported model's: the objective is that of
    /// the day-trips the plan is built from (the solver's, or the warm start's when the solver found nothing
    /// better), the bound the solver's proven bound.
    public static func manifestRecord(of plan: FieldworkPlan) -> PlanManifest.Solver {
        let statistics = plan.solver
        // The printed routes' objective and a bound that holds for every plan the model can express, as
        // fieldwork-report.md gives them.
        return PlanManifest.Solver(
            status: statistics.statusName, objective: statistics.planObjective, bestBound: statistics.planBound,
            gap: statistics.planGap,
            seconds: statistics.seconds, backend: statistics.backend.name,
            backendVersion: statistics.backend.version,
            warmStartAccepted: statistics.warmStartAccepted, source: statistics.source.rawValue,
            rows: plan.model.constraints.count, columns: plan.model.variables.count,
            integerColumns: plan.model.integerVariableCount, stoppedByTimeLimit: statistics.stoppedByTimeLimit,
            unservedLowerBound: statistics.unservedLowerBound)
    }

    /// Writes the exact model solved, as free MPS (`.mps`) or CPLEX LP (`.lp`), by the file's extension.
    public static func exportModel(of plan: FieldworkPlan, to url: URL, using exporter: some ModelExporting) throws {
        guard let format = ModelFileFormat(pathExtension: url.pathExtension) else { throw ExportError(path: url.path) }
        try exporter.export(plan.model, as: format, to: url)
    }

    public struct ExportError: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): expected a file name ending in .mps or .lp" }
    }
}
