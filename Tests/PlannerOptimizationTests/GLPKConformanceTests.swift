import Testing
import PlannerOptimization

@Suite("GLPK conformance")
struct GLPKConformanceTests {
    let solver = GLPKSolver()

    @Test func versionIsGLPK5() {
        #expect(solver.versionDescription == "GLPK 5.0")
    }

    @Test(arguments: [true, false])
    func binaryKnapsack(presolve: Bool) throws {
        let model = TestModels.knapsack()
        var options = exactOptions
        options.presolve = presolve
        let result = try solver.solve(model, options: options).result
        #expect(result.objective == 51)
        #expect(result.values == [0, 1, 1, 1, 0])
        expectAgreesWithBruteForce(model, result)
    }

    @Test(arguments: [2, 3, 4])
    func assignment(size: Int) throws {
        let model = TestModels.assignment(size: size)
        let result = try solver.solve(model, options: exactOptions).result
        expectAgreesWithBruteForce(model, result)
        // Each agent exactly one task.
        for agent in 0..<size {
            #expect(result.values[agent * size..<(agent + 1) * size].reduce(0, +) == 1)
        }
    }

    @Test func equalityRows() throws {
        var model = MIPModel(name: "equalities")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 10, objective: 2)
        let z = model.addVariable("z", kind: .integer, lowerBound: 0, upperBound: 10, objective: -1)
        model.addConstraint("sum", [.init(x, 1), .init(y, 1), .init(z, 1)], lowerBound: 7, upperBound: 7)
        model.addConstraint("balance", [.init(x, 1), .init(y, -1)], lowerBound: 1, upperBound: 1)
        let result = try solver.solve(model, options: exactOptions).result
        expectAgreesWithBruteForce(model, result)
        #expect(result.objective == -5)  // x = 1, y = 0, z = 6
    }

    @Test func generalIntegersWithBoundsAndFractionalBoundsRoundInward() throws {
        var model = MIPModel(name: "general", sense: .maximize)
        let x = model.addVariable("x", kind: .integer, lowerBound: -2.5, upperBound: 3.7, objective: 3)
        let y = model.addVariable("y", kind: .integer, lowerBound: -4, upperBound: 4, objective: 2)
        model.addConstraint("mix", [.init(x, 2), .init(y, 3)], upperBound: 11)
        model.addConstraint("floor", [.init(x, 1), .init(y, -1)], lowerBound: -3)
        let result = try solver.solve(model, options: exactOptions).result
        expectAgreesWithBruteForce(model, result)
        #expect(result.value(of: x) == 3)  // 3.7 rounds down to 3
    }

    @Test func integerBoundsWithoutAnIntegerBetweenThemAreInfeasible() throws {
        var model = MIPModel(name: "gap")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0.2, upperBound: 0.8, objective: 1)
        model.addConstraint("any", [.init(x, 1)], upperBound: 5)
        #expect(try solver.solve(model, options: exactOptions).result.status == .infeasible)
    }

    @Test func mixedIntegerWithContinuousVariables() throws {
        var model = MIPModel(name: "mixed", sense: .maximize)
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        let y = model.addVariable("y", kind: .continuous, lowerBound: 0, objective: 1)
        model.addConstraint("c1", [.init(x, 2), .init(y, 2)], upperBound: 7)
        model.addConstraint("c2", [.init(x, 1), .init(y, -1)], lowerBound: 0.5)
        let result = try solver.solve(model, options: exactOptions).result
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 3.5) < 1e-9)
        #expect(model.feasibilityViolation(of: result.values) == nil)
        #expect(result.value(of: x).map { $0 == $0.rounded() } == true)
    }

    @Test(arguments: [true, false])
    func objectiveConstantIsIncluded(presolve: Bool) throws {
        var model = TestModels.knapsack()
        model.objectiveConstant = 100.5
        var options = exactOptions
        options.presolve = presolve
        let result = try solver.solve(model, options: options).result
        #expect(result.objective == 151.5)
        expectAgreesWithBruteForce(model, result)
    }

    @Test(arguments: [true, false])
    func infeasibleBinaries(presolve: Bool) throws {
        var model = MIPModel(name: "too_much")
        let x = model.addVariable("x", kind: .binary, objective: 1)
        let y = model.addVariable("y", kind: .binary, objective: 1)
        model.addConstraint("three", [.init(x, 1), .init(y, 1)], lowerBound: 3)
        var options = exactOptions
        options.presolve = presolve
        let result = try solver.solve(model, options: options).result
        #expect(result.status == .infeasible)
        #expect(result.bestBound == nil)
        expectAgreesWithBruteForce(model, result)
    }

    @Test(arguments: [true, false])
    func integerInfeasibleButLPFeasible(presolve: Bool) throws {
        var model = MIPModel(name: "half")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        model.addConstraint("twice", [.init(x, 2)], lowerBound: 1, upperBound: 1)
        var options = exactOptions
        options.presolve = presolve
        let result = try solver.solve(model, options: options).result
        #expect(result.status == .infeasible)
        expectAgreesWithBruteForce(model, result)
    }

    @Test(arguments: [true, false])
    func unbounded(presolve: Bool) throws {
        var model = MIPModel(name: "open", sense: .maximize)
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, objective: 1)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, objective: 1)
        model.addConstraint("spread", [.init(x, 1), .init(y, -1)], upperBound: 2)
        var options = exactOptions
        options.presolve = presolve
        let result = try solver.solve(model, options: options).result
        #expect(result.status == .unbounded)
        #expect(result.objective == nil && result.values.isEmpty)
    }

    @Test func modelWithoutVariablesIsDecidedWithoutGLPK() throws {
        var feasible = MIPModel(name: "constant", objectiveConstant: 4)
        feasible.addConstraint("empty", [], upperBound: 1)
        #expect(try solver.solve(feasible).result.objective == 4)
        var infeasible = MIPModel(name: "impossible")
        infeasible.addConstraint("empty", [], lowerBound: 1)
        #expect(try solver.solve(infeasible).result.status == .infeasible)
    }

    @Test func modelWithoutConstraints() throws {
        var model = MIPModel(name: "free_box", sense: .maximize)
        model.addVariable("a", kind: .integer, lowerBound: 0, upperBound: 3.5, objective: 2)
        model.addVariable("b", kind: .continuous, lowerBound: -1, upperBound: 2.5, objective: 1)
        for presolve in [true, false] {
            var options = exactOptions
            options.presolve = presolve
            let result = try solver.solve(model, options: options).result
            #expect(result.status == .optimal)
            #expect(result.objective == 8.5)
        }
    }

    @Test func timeLimitOnAHardInstanceIsAResult() throws {
        let (model, _) = TestModels.plantedMarketSplit(rows: 5, columns: 40, seed: 11)
        let options = SolverOptions(timeLimitSeconds: 0.2, relativeGap: 0)
        let result = try solver.solve(model, options: options).result
        #expect(result.status == .feasible(.timeLimit) || result.status == .noSolutionFound(.timeLimit))
        #expect(result.seconds > 0)
        if result.status.hasSolution {
            #expect(model.feasibilityViolation(of: result.values) == nil)
        } else {
            #expect(result.values.isEmpty && result.objective == nil)
        }
    }

    @Test func gapLimitStopsWithAValidBoundIncludingTheConstant() throws {
        let model = TestModels.multiKnapsack(items: 35, dimensions: 4, seed: 3, objectiveConstant: 1000)
        let exact = try solver.solve(model, options: exactOptions).result
        #expect(exact.status == .optimal)
        let loose = try solver.solve(model, options: SolverOptions(timeLimitSeconds: 30, relativeGap: 0.2)).result
        guard let optimum = exact.objective, let objective = loose.objective else {
            Issue.record("expected solutions")
            return
        }
        #expect(loose.status == .feasible(.gapLimit) || loose.status == .optimal)
        #expect(objective <= optimum + 1e-9)
        if let bound = loose.bestBound {
            // A maximisation's bound is an upper bound on the optimum, constant included.
            #expect(bound >= optimum - 1e-6)
            #expect(abs((loose.relativeGap ?? -1) - abs(objective - bound) / (abs(objective) + Double.ulpOfOne)) < 1e-12)
        }
    }

    @Test func invalidOptionsThrowBeforeGLPK() {
        let model = TestModels.knapsack()
        #expect(throws: SolverError(.invalidOption(name: "timeLimitSeconds", value: -1))) {
            try solver.solve(model, options: SolverOptions(timeLimitSeconds: -1))
        }
        #expect(throws: SolverError.self) { try solver.solve(model, options: SolverOptions(relativeGap: .nan)) }
        #expect(throws: SolverError.self) {
            try solver.solve(model, options: SolverOptions(proximitySearchSeconds: -.infinity))
        }
        #expect(throws: Never.self) { try solver.solve(model, options: SolverOptions(timeLimitSeconds: .infinity)) }
    }

    @Test func everyOptionCombinationSolvesTheKnapsack() throws {
        let model = TestModels.multiKnapsack(items: 12, dimensions: 2, seed: 5)
        let reference = try solver.solve(model, options: exactOptions).result.objective
        for mask in 0..<(1 << 7) where mask % 9 == 0 || mask == 127 {
            let bit = { (index: Int) in mask & (1 << index) != 0 }
            let options = SolverOptions(timeLimitSeconds: 30, relativeGap: 0, presolve: bit(0), gomoryCuts: bit(1),
                                        mixedIntegerRoundingCuts: bit(2), coverCuts: bit(3), cliqueCuts: bit(4),
                                        feasibilityPump: bit(5), proximitySearch: bit(6), proximitySearchSeconds: 1)
            #expect(try solver.solve(model, options: options).result.objective == reference, "options mask \(mask)")
        }
    }
}
