import Testing
import PlannerOptimization

/// Options for exact answers: no gap tolerance, a limit no test should reach.
public let exactOptions = SolverOptions(timeLimitSeconds: 30, relativeGap: 0)

/// Checks a solver's answer against the brute-force reference: same feasibility verdict, same optimum, feasible
/// values whose objective is the reported one, and a best bound equal to the optimum.
public func expectAgreesWithBruteForce(_ model: MIPModel, _ result: MIPResult, context: String = "",
                                       sourceLocation: SourceLocation = #_sourceLocation) {
    switch BruteForceSolver.solve(model) {
    case .infeasible:
        #expect(result.status == .infeasible, "brute force finds no feasible point; \(context)",
                sourceLocation: sourceLocation)
        #expect(result.values.isEmpty && result.objective == nil, sourceLocation: sourceLocation)
    case .optimal(let optimum):
        #expect(result.status == .optimal, "\(context)", sourceLocation: sourceLocation)
        guard let objective = result.objective else {
            Issue.record("no objective for a feasible model; \(context)", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(objective - optimum) <= 1e-6 * max(1, abs(optimum)),
                "solver \(objective) vs brute force \(optimum); \(context)", sourceLocation: sourceLocation)
        #expect(model.feasibilityViolation(of: result.values) == nil, sourceLocation: sourceLocation)
        #expect(abs(model.objectiveValue(of: result.values) - objective) <= 1e-9 * max(1, abs(objective)),
                sourceLocation: sourceLocation)
        #expect(result.bestBound == objective, "an optimal solve's bound is its objective", sourceLocation: sourceLocation)
        #expect(result.relativeGap == 0, sourceLocation: sourceLocation)
    }
}
