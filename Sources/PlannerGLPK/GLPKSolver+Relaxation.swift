import CGLPK
import PlannerOptimization

extension GLPKSolver {
    /// Solves the LP relaxation of `model` with GLPK's primal simplex: every integer and binary column is
    /// treated as continuous within its bounds (integer bounds rounded inward, as for the MIP).
    ///
    /// Only `timeLimitSeconds` and `solverOutput` of `options` apply. The result's status is `.optimal` with
    /// the LP values and objective (which is also its `bestBound`, a valid bound on the MIP's optimum), or the
    /// status the LP ended with (infeasible, unbounded, time limit) and no values. Never nil: GLPK always has an
    /// LP solver.
    ///
    /// - Throws: `ModelError` for a malformed model, `SolverError` for a negative or NaN time limit.
    public func solveRelaxation(_ model: MIPModel, options: SolverOptions) throws -> MIPResult? {
        try iterateRelaxation(model, options: options) { _ in RelaxationChange() }
    }

    /// Iterates on one GLPK problem: after the first LP, each round adds the new columns (non-basic at their
    /// lower bound, so the basis stays valid) and rows (basic), and changes the bounds in place, then re-solves
    /// from the previous basis (the dual simplex after new rows or bound changes, the primal one after new
    /// columns only): a few pivots where a
    /// fresh solve takes thousands. Changes are checked in Swift (on a copy of the model) before GLPK sees them.
    public func iterateRelaxation(_ model: MIPModel, options: SolverOptions,
                                  next: (MIPResult) -> RelaxationChange) throws -> MIPResult? {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsedSeconds() -> Double {
            (clock.now - start) / .seconds(1)
        }
        try model.validate()
        let parameters = try Self.parameters(for: options, configuration: configuration)
        if let trivial = Self.trivialResult(model) { return trivial }
        var current = model
        var names = Set(model.variables.lazy.map(\.name))
        return try GLPKTerminal.run(showingSolverOutput: options.solverOutput) { () throws -> MIPResult in
            let problem = GLPKProblem(model)
            var outcome = problem.solveRelaxation(timeLimitMilliseconds: parameters.tm_lim,
                                                  msgLevel: parameters.msg_lev)
            while true {
                let result = Self.relaxationResult(outcome, model: current, seconds: elapsedSeconds())
                guard result.status == .optimal else { return result }
                let change = next(result)
                if change.isEmpty { return result }
                let columnsBefore = current.variables.count
                try current.apply(change, variableNames: &names)
                if Self.trivialResult(current) != nil { return result }
                for index in columnsBefore..<current.variables.count {
                    problem.addColumn(current.variables[index], entries: change.columns[index - columnsBefore].entries)
                }
                for row in change.rows { problem.addRow(row) }
                for bound in change.bounds {
                    problem.setBounds(column: bound.variable.index, of: current.variables[bound.variable.index])
                }
                let remaining = Double(parameters.tm_lim) - elapsedSeconds() * 1000
                guard remaining > 0 else { return result }
                outcome = problem.solveRelaxation(timeLimitMilliseconds: Int32(min(remaining, Double(Int32.max))),
                                                  msgLevel: parameters.msg_lev, fromCurrentBasis: true,
                                                  stillPrimalFeasible: change.bounds.isEmpty && change.rows.isEmpty)
            }
        }
    }

    private static func relaxationResult(_ outcome: GLPKProblem.RelaxationOutcome, model: MIPModel,
                                         seconds: Double) -> MIPResult {
        guard outcome.code == 0, outcome.status == GLP_OPT, outcome.values.count == model.variables.count else {
            return MIPResult(status: GLPKTermination.status(rootLPCode: outcome.code, lpStatus: outcome.status),
                             objective: nil, bestBound: nil, relativeGap: nil, values: [], seconds: seconds)
        }
        let objective = model.objectiveValue(of: outcome.values)
        var result = MIPResult(status: .optimal, objective: objective, bestBound: objective, relativeGap: 0,
                               values: outcome.values, seconds: seconds)
        if outcome.duals.count == model.constraints.count { result.rowDuals = outcome.duals }
        return result
    }
}
