import Testing
import PlannerOptimization
@testable import PlannerGLPK
import CGLPK
import MIPSolverConformance

@Suite("GLPK conformance")
struct GLPKConformanceTests {
    /// The default (what the fieldwork model runs with), GLPK's own defaults (everything off), and the presolver
    /// alone in either state: the presolver changes how GLPK reports infeasible and unbounded models.
    static let configurations: [GLPKConfiguration] = [
        GLPKConfiguration(),
        GLPKConfiguration(presolve: false),
        GLPKConfiguration(presolve: false, gomoryCuts: false, mixedIntegerRoundingCuts: false, coverCuts: false,
                          cliqueCuts: false),
        GLPKConfiguration(presolve: true, gomoryCuts: false, mixedIntegerRoundingCuts: false, coverCuts: false,
                          cliqueCuts: false),
    ]

    @Test(arguments: configurations)
    func passesTheConformanceSuite(_ configuration: GLPKConfiguration) throws {
        try MIPSolverConformance.check(GLPKSolver(configuration: configuration))
    }

    @Test func identityIsGLPK5() {
        #expect(GLPKSolver().identity == SolverIdentity(name: "GLPK", version: "5.0"))
        #expect(GLPKSolver().identity.description == "GLPK 5.0")
    }

    @Test func defaultConfigurationIsWhatTheFieldworkModelNeeds() {
        let configuration = GLPKSolver().configuration
        #expect(configuration.presolve && configuration.gomoryCuts && configuration.mixedIntegerRoundingCuts
                && configuration.coverCuts && configuration.cliqueCuts)
        #expect(!configuration.feasibilityPump && !configuration.proximitySearch)
    }

    /// The focus picks GLPK's branching and node order; a search for the bound keeps GLPK's own defaults.
    @Test func focusChoosesBranchingAndNodeOrder() throws {
        let bound = try GLPKSolver.parameters(for: SolverOptions(), configuration: GLPKConfiguration())
        #expect(bound.br_tech == GLP_BR_DTH && bound.bt_tech == GLP_BT_BLB)
        let incumbent = try GLPKSolver.parameters(for: SolverOptions(focus: .incumbent),
                                                  configuration: GLPKConfiguration())
        #expect(incumbent.br_tech == GLP_BR_PCH && incumbent.bt_tech == GLP_BT_BPH)
        // Above the limit the pseudocost rule's first branchings could not be stopped by the time limit.
        let large = try GLPKSolver.parameters(for: SolverOptions(focus: .incumbent), configuration: GLPKConfiguration(),
                                              columns: GLPKSolver.pseudocostColumnLimit + 1)
        #expect(large.br_tech == GLP_BR_DTH && large.bt_tech == GLP_BT_BPH)
    }

    @Test func invalidOptionsAreNamed() {
        let model = TestModels.knapsack()
        #expect(throws: SolverError(.invalidOption(name: "timeLimitSeconds", value: -1))) {
            try GLPKSolver().solve(model, options: SolverOptions(timeLimitSeconds: -1))
        }
        let badProximity = GLPKSolver(configuration: GLPKConfiguration(proximitySearchSeconds: -.infinity))
        #expect(throws: SolverError(.invalidOption(name: "proximitySearchSeconds", value: -.infinity))) {
            try badProximity.solve(model, options: exactOptions)
        }
    }

    @Test func everyConfigurationCombinationSolvesTheKnapsack() throws {
        let model = TestModels.multiKnapsack(items: 12, dimensions: 2, seed: 5)
        let reference = try GLPKSolver().solve(model, options: exactOptions).result.objective
        for mask in 0..<(1 << 7) where mask % 9 == 0 || mask == 127 {
            let bit = { (index: Int) in mask & (1 << index) != 0 }
            let configuration = GLPKConfiguration(
                presolve: bit(0), gomoryCuts: bit(1), mixedIntegerRoundingCuts: bit(2), coverCuts: bit(3),
                cliqueCuts: bit(4), feasibilityPump: bit(5), proximitySearch: bit(6), proximitySearchSeconds: 1)
            #expect(try GLPKSolver(configuration: configuration).solve(model, options: exactOptions).result.objective
                    == reference, "configuration mask \(mask)")
        }
    }
}
