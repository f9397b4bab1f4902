import PlannerOptimization

/// A stand-in solver that never finds anything: only for testing what the planner does without a solution.
struct NothingFoundSolver: MIPSolver {
    var identity: SolverIdentity { SolverIdentity(name: "nothing", version: "0") }

    func solve(_ model: MIPModel, options: SolverOptions, warmStart: [Double]?,
               progress: (@Sendable (SolveProgress) -> Void)?) throws -> MIPSolution {
        MIPSolution(result: MIPResult(status: .noSolutionFound(.timeLimit), objective: nil, bestBound: nil,
                                      relativeGap: nil, values: [], seconds: 0),
                    warmStartAccepted: warmStart.map { model.feasibilityViolation(of: $0) == nil })
    }
}
