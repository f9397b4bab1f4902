import Testing
import PlannerOptimization
import MIPSolverConformance

/// The protocol's defaults for a backend that has no LP solver.
@Suite("MIPSolver defaults")
struct SolverDefaultsTests {
    struct NoLPSolver: MIPSolver {
        var identity: SolverIdentity { SolverIdentity(name: "none", version: "") }
        func solve(_ model: MIPModel, options: SolverOptions, warmStart: [Double]?,
                   progress: (@Sendable (SolveProgress) -> Void)?) throws -> MIPSolution {
            MIPSolution(result: MIPResult(status: .noSolutionFound(.timeLimit), objective: nil, bestBound: nil,
                                          relativeGap: nil, values: [], seconds: 0), warmStartAccepted: nil)
        }
    }

    @Test func noLPSolverMeansNil() throws {
        #expect(try NoLPSolver().solveRelaxation(TestModels.knapsack(), options: SolverOptions()) == nil)
        var rounds = 0
        #expect(try NoLPSolver().diveRelaxation(TestModels.knapsack(), options: SolverOptions()) { _ in
            rounds += 1
            return []
        } == nil)
        #expect(rounds == 0, "no LP, so nothing to dive on")
    }

    @Test func identityDescribesNameAndVersion() {
        #expect(SolverIdentity(name: "GLPK", version: "5.0").description == "GLPK 5.0")
        #expect(SolverIdentity(name: "none", version: "").description == "none")
    }

    @Test func modelFileFormatFollowsTheExtension() {
        #expect(ModelFileFormat(pathExtension: "MPS") == .freeMPS)
        #expect(ModelFileFormat(pathExtension: "lp") == .cplexLP)
        #expect(ModelFileFormat(pathExtension: "gz") == nil)
        #expect(ModelFileFormat(pathExtension: "") == nil)
    }
}
