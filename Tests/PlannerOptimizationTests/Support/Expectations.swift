import Testing
import PlannerOptimization

/// Options for exact answers: no gap tolerance, a limit no test should reach.
let exactOptions = SolverOptions(timeLimitSeconds: 30, relativeGap: 0)

/// Checks a GLPK answer against the brute-force reference: same feasibility verdict, same optimum, feasible values
/// whose objective is the reported one, and a best bound equal to the optimum.
func expectAgreesWithBruteForce(_ model: MIPModel, _ result: MIPResult, sourceLocation: SourceLocation = #_sourceLocation) {
    switch BruteForceSolver.solve(model) {
    case .infeasible:
        #expect(result.status == .infeasible, "brute force finds no feasible point", sourceLocation: sourceLocation)
        #expect(result.values.isEmpty && result.objective == nil, sourceLocation: sourceLocation)
    case .optimal(let optimum):
        #expect(result.status == .optimal, sourceLocation: sourceLocation)
        guard let objective = result.objective else {
            Issue.record("no objective for a feasible model", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(objective - optimum) <= 1e-6 * max(1, abs(optimum)),
                "GLPK \(objective) vs brute force \(optimum)", sourceLocation: sourceLocation)
        #expect(model.feasibilityViolation(of: result.values) == nil, sourceLocation: sourceLocation)
        #expect(abs(model.objectiveValue(of: result.values) - objective) <= 1e-9 * max(1, abs(objective)),
                sourceLocation: sourceLocation)
        #expect(result.bestBound == objective, "an optimal solve's bound is its objective", sourceLocation: sourceLocation)
        #expect(result.relativeGap == 0, sourceLocation: sourceLocation)
    }
}
