import Testing
import PlannerOptimization

@Suite("Randomized models against brute force")
struct RandomizedBruteForceTests {
    @Test(arguments: 1...60 as ClosedRange<UInt64>, [true, false])
    func glpkMatchesEnumeration(seed: UInt64, presolve: Bool) throws {
        let model = TestModels.randomSmall(seed: seed)
        var options = exactOptions
        options.presolve = presolve
        let result = try GLPKSolver().solve(model, options: options).result
        expectAgreesWithBruteForce(model, result)
    }

    @Test func generatorIsReproducible() {
        #expect(TestModels.randomSmall(seed: 42) == TestModels.randomSmall(seed: 42))
        #expect(TestModels.randomSmall(seed: 42) != TestModels.randomSmall(seed: 43))
    }

    @Test func seedsCoverBothVerdicts() {
        let answers = (1...60 as ClosedRange<UInt64>).map { BruteForceSolver.solve(TestModels.randomSmall(seed: $0)) }
        #expect(answers.contains(.infeasible))
        #expect(answers.contains { if case .optimal = $0 { true } else { false } })
    }
}
