import Testing
import PlannerOptimization

/// What every `MIPSolver` backend must do, whatever its search: right answers on small models with known optima,
/// the brute-force verdict on random ones, limits and warm starts as the protocol documents them.
///
/// A backend's test target runs `check(_:)` for each configuration it supports, inside a `@Test`: failures are
/// recorded as issues of that test at the line of the failed expectation here. Nothing here names a backend.
public enum MIPSolverConformance {
    /// Runs every check below on `solver`.
    ///
    /// - Parameter randomSeeds: seeds of `TestModels.randomSmall` compared with `BruteForceSolver`.
    public static func check(_ solver: some MIPSolver, randomSeeds: ClosedRange<UInt64> = 1...60) throws {
        malformedModels(solver)
        try knownOptima(solver)
        try statuses(solver)
        try degenerateModels(solver)
        try limits(solver)
        invalidOptions(solver)
        try warmStarts(solver)
        try relaxation(solver)
        try randomizedAgainstBruteForce(solver, seeds: randomSeeds)
        try incumbentFocus(solver, seeds: randomSeeds)
    }

    /// Every kind of malformed model throws `ModelError` before the backend sees it, with or without a warm start.
    public static func malformedModels(_ solver: some MIPSolver) {
        for bad in BadModel.all {
            #expect(throws: ModelError.self, "\(bad.label)") { try solver.solve(bad.model) }
            #expect(throws: ModelError.self, "\(bad.label)") {
                try solver.solve(bad.model, options: SolverOptions(), warmStart: [0, 0, 0], progress: nil)
            }
        }
    }

    /// Knapsack, assignment, equality rows, general integers, mixed models, the objective constant.
    public static func knownOptima(_ solver: some MIPSolver) throws {
        let knapsack = TestModels.knapsack()
        let knapsackResult = try solver.solve(knapsack, options: exactOptions).result
        #expect(knapsackResult.objective == 51)
        #expect(knapsackResult.values == [0, 1, 1, 1, 0])
        expectAgreesWithBruteForce(knapsack, knapsackResult)

        for size in 2...4 {
            let model = TestModels.assignment(size: size)
            let result = try solver.solve(model, options: exactOptions).result
            expectAgreesWithBruteForce(model, result)
            // Each agent exactly one task.
            for agent in 0..<size where result.values.count == size * size {
                #expect(result.values[agent * size..<(agent + 1) * size].reduce(0, +) == 1, "assignment \(size)")
            }
        }

        var equalities = MIPModel(name: "equalities")
        let x = equalities.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        let y = equalities.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 10, objective: 2)
        let z = equalities.addVariable("z", kind: .integer, lowerBound: 0, upperBound: 10, objective: -1)
        equalities.addConstraint("sum", [.init(x, 1), .init(y, 1), .init(z, 1)], lowerBound: 7, upperBound: 7)
        equalities.addConstraint("balance", [.init(x, 1), .init(y, -1)], lowerBound: 1, upperBound: 1)
        let equalityResult = try solver.solve(equalities, options: exactOptions).result
        expectAgreesWithBruteForce(equalities, equalityResult)
        #expect(equalityResult.objective == -5)  // x = 1, y = 0, z = 6

        var general = MIPModel(name: "general", sense: .maximize)
        let g = general.addVariable("x", kind: .integer, lowerBound: -2.5, upperBound: 3.7, objective: 3)
        let h = general.addVariable("y", kind: .integer, lowerBound: -4, upperBound: 4, objective: 2)
        general.addConstraint("mix", [.init(g, 2), .init(h, 3)], upperBound: 11)
        general.addConstraint("floor", [.init(g, 1), .init(h, -1)], lowerBound: -3)
        let generalResult = try solver.solve(general, options: exactOptions).result
        expectAgreesWithBruteForce(general, generalResult)
        #expect(generalResult.value(of: g) == 3, "fractional integer bounds round inward: 3.7 to 3")

        var mixed = MIPModel(name: "mixed", sense: .maximize)
        let m = mixed.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        let c = mixed.addVariable("y", kind: .continuous, lowerBound: 0, objective: 1)
        mixed.addConstraint("c1", [.init(m, 2), .init(c, 2)], upperBound: 7)
        mixed.addConstraint("c2", [.init(m, 1), .init(c, -1)], lowerBound: 0.5)
        let mixedResult = try solver.solve(mixed, options: exactOptions).result
        #expect(mixedResult.status == .optimal)
        #expect(abs((mixedResult.objective ?? 0) - 3.5) < 1e-9)
        #expect(mixed.feasibilityViolation(of: mixedResult.values) == nil)
        #expect(mixedResult.value(of: m).map { $0 == $0.rounded() } == true)

        var withConstant = TestModels.knapsack()
        withConstant.objectiveConstant = 100.5
        let constantResult = try solver.solve(withConstant, options: exactOptions).result
        #expect(constantResult.objective == 151.5)
        expectAgreesWithBruteForce(withConstant, constantResult)
    }

    /// Infeasible (also only for integers) and unbounded models are results with their status, not errors.
    public static func statuses(_ solver: some MIPSolver) throws {
        var emptyDomain = MIPModel(name: "gap")
        let d = emptyDomain.addVariable("x", kind: .integer, lowerBound: 0.2, upperBound: 0.8, objective: 1)
        emptyDomain.addConstraint("any", [.init(d, 1)], upperBound: 5)
        #expect(try solver.solve(emptyDomain, options: exactOptions).result.status == .infeasible,
                "integer bounds without an integer between them")

        var tooMuch = MIPModel(name: "too_much")
        let x = tooMuch.addVariable("x", kind: .binary, objective: 1)
        let y = tooMuch.addVariable("y", kind: .binary, objective: 1)
        tooMuch.addConstraint("three", [.init(x, 1), .init(y, 1)], lowerBound: 3)
        let tooMuchResult = try solver.solve(tooMuch, options: exactOptions).result
        #expect(tooMuchResult.status == .infeasible)
        #expect(tooMuchResult.bestBound == nil)
        expectAgreesWithBruteForce(tooMuch, tooMuchResult)

        var half = MIPModel(name: "half")
        let h = half.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        half.addConstraint("twice", [.init(h, 2)], lowerBound: 1, upperBound: 1)
        let halfResult = try solver.solve(half, options: exactOptions).result
        #expect(halfResult.status == .infeasible, "integer-infeasible, LP-feasible")
        expectAgreesWithBruteForce(half, halfResult)

        var open = MIPModel(name: "open", sense: .maximize)
        let a = open.addVariable("x", kind: .integer, lowerBound: 0, objective: 1)
        let b = open.addVariable("y", kind: .integer, lowerBound: 0, objective: 1)
        open.addConstraint("spread", [.init(a, 1), .init(b, -1)], upperBound: 2)
        let openResult = try solver.solve(open, options: exactOptions).result
        #expect(openResult.status == .unbounded)
        #expect(openResult.objective == nil && openResult.values.isEmpty)
    }

    /// Models without variables or without constraints.
    public static func degenerateModels(_ solver: some MIPSolver) throws {
        var feasible = MIPModel(name: "constant", objectiveConstant: 4)
        feasible.addConstraint("empty", [], upperBound: 1)
        #expect(try solver.solve(feasible).result.objective == 4)
        var infeasible = MIPModel(name: "impossible")
        infeasible.addConstraint("empty", [], lowerBound: 1)
        #expect(try solver.solve(infeasible).result.status == .infeasible)

        var box = MIPModel(name: "free_box", sense: .maximize)
        box.addVariable("a", kind: .integer, lowerBound: 0, upperBound: 3.5, objective: 2)
        box.addVariable("b", kind: .continuous, lowerBound: -1, upperBound: 2.5, objective: 1)
        let boxResult = try solver.solve(box, options: exactOptions).result
        #expect(boxResult.status == .optimal)
        #expect(boxResult.objective == 8.5)
    }

    /// A time limit and a gap limit end the solve with a result and a valid bound.
    public static func limits(_ solver: some MIPSolver) throws {
        let (hard, _) = TestModels.plantedMarketSplit(rows: 5, columns: 40, seed: 11)
        let timed = try solver.solve(hard, options: SolverOptions(timeLimitSeconds: 0.2, relativeGap: 0)).result
        #expect(timed.status == .feasible(.timeLimit) || timed.status == .noSolutionFound(.timeLimit))
        #expect(timed.seconds > 0)
        if timed.status.hasSolution {
            #expect(hard.feasibilityViolation(of: timed.values) == nil)
        } else {
            #expect(timed.values.isEmpty && timed.objective == nil)
        }

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

    /// Unusable options throw `SolverError` before the backend sees them; no limit at all is allowed.
    public static func invalidOptions(_ solver: some MIPSolver) {
        let model = TestModels.knapsack()
        #expect(throws: SolverError.self) { try solver.solve(model, options: SolverOptions(timeLimitSeconds: -1)) }
        #expect(throws: SolverError.self) { try solver.solve(model, options: SolverOptions(relativeGap: .nan)) }
        #expect(throws: Never.self) { try solver.solve(model, options: SolverOptions(timeLimitSeconds: .infinity)) }
    }

    /// Infeasible or malformed warm starts are refused and the solve still works; feasible ones are taken, cleaned
    /// to exact integers, and do not stop the search at them.
    public static func warmStarts(_ solver: some MIPSolver) throws {
        let knapsack = TestModels.knapsack()
        let cold = try solver.solve(knapsack, options: exactOptions, warmStart: nil, progress: nil)
        #expect(cold.warmStartAccepted == nil)
        let malformed: [[Double]] = [
            [1, 1, 1, 1, 1],         // over capacity
            [1, 0, 0, 0],            // wrong length
            [0.5, 0, 0, 0, 0],       // fractional binary
            [2, 0, 0, 0, 0],         // outside bounds
            [.nan, 0, 0, 0, 0],      // not a number
        ]
        for warmStart in malformed {
            let solution = try solver.solve(knapsack, options: exactOptions, warmStart: warmStart, progress: nil)
            #expect(solution.warmStartAccepted == false, "warm start \(warmStart)")
            #expect(solution.result.status == .optimal && solution.result.objective == 51, "warm start \(warmStart)")
        }

        let nearlyOptimal: [Double] = [1e-9, 1 - 1e-9, 1, 1, 0]
        let cleaned = try solver.solve(knapsack, options: exactOptions, warmStart: nearlyOptimal, progress: nil)
        #expect(cleaned.warmStartAccepted == true)
        #expect(cleaned.result.values == [0, 1, 1, 1, 0])

        let model = TestModels.multiKnapsack(items: 30, dimensions: 3, seed: 9)
        let reference = try solver.solve(model, options: exactOptions).result
        let nothing = [Double](repeating: 0, count: model.variables.count)
        let warm = try solver.solve(model, options: exactOptions, warmStart: nothing, progress: nil)
        #expect(warm.warmStartAccepted == true)
        #expect(warm.result.status == .optimal)
        #expect(warm.result.objective == reference.objective)
        #expect(warm.result.bestBound == warm.result.objective)
    }

    /// A backend with an LP solver solves the knapsack's relaxation to the fractional greedy (values 24, 13, 23,
    /// 15, 16, weights 12, 7, 11, 8, 9, capacity 26: items 2 and 0 whole, 3/8 of item 3, 52.625); one without
    /// returns nil.
    public static func relaxation(_ solver: some MIPSolver) throws {
        guard let result = try solver.solveRelaxation(TestModels.knapsack(), options: SolverOptions()) else { return }
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? .nan) - 52.625) < 1e-9)
        let expected: [Double] = [1, 0, 1, 0.375, 0]
        #expect(result.values.count == expected.count
                && zip(result.values, expected).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(result.bestBound == result.objective)
    }

    /// Random small pure-integer models of every row kind and both senses, against enumeration.
    public static func randomizedAgainstBruteForce(_ solver: some MIPSolver, seeds: ClosedRange<UInt64>) throws {
        for seed in seeds {
            let model = TestModels.randomSmall(seed: seed)
            let result = try solver.solve(model, options: exactOptions).result
            expectAgreesWithBruteForce(model, result, context: "random model, seed \(seed)")
        }
    }

    /// A search focused on the incumbent changes how the backend branches, not what it proves: run to the end it
    /// finds the brute-force optimum; stopped by a node limit from a warm start, it returns a solution within
    /// every row and no worse than the start.
    public static func incumbentFocus(_ solver: some MIPSolver, seeds: ClosedRange<UInt64>) throws {
        var focused = exactOptions
        focused.focus = .incumbent
        for seed in seeds {
            let model = TestModels.randomSmall(seed: seed)
            let result = try solver.solve(model, options: focused).result
            expectAgreesWithBruteForce(model, result, context: "random model, seed \(seed), incumbent focus")
        }

        // A maximisation whose warm start (nothing packed) is worth its constant, 1000.
        let model = TestModels.multiKnapsack(items: 35, dimensions: 4, seed: 3, objectiveConstant: 1000)
        var limited = focused
        limited.nodeLimit = 3
        let nothing = [Double](repeating: 0, count: model.variables.count)
        let solution = try solver.solve(model, options: limited, warmStart: nothing, progress: nil)
        #expect(solution.warmStartAccepted == true)
        #expect(solution.result.status == .feasible(.interrupted) || solution.result.status == .optimal)
        #expect(model.feasibilityViolation(of: solution.result.values) == nil)
        #expect((solution.result.objective ?? -.infinity) >= 1000)

        // A stall limit ends a search that finds nothing better: started from the optimum of a model that takes
        // more than a few nodes to prove, it stops interrupted with the optimum; without it, the search proves it.
        let optimum = try solver.solve(model, options: exactOptions).result
        let best = try #require(optimum.objective)
        var probe = focused
        probe.nodeLimit = 3
        try #require(try solver.solve(model, options: probe, warmStart: optimum.values, progress: nil).result.status
                        == .feasible(.interrupted), "the model is proven within 3 nodes: no stall to see")
        var stalled = focused
        stalled.stallNodeLimit = 3
        let stopped = try solver.solve(model, options: stalled, warmStart: optimum.values, progress: nil).result
        #expect(stopped.status == .feasible(.interrupted))
        #expect(abs((stopped.objective ?? 0) - best) < 1e-6)
        let proven = try solver.solve(model, options: focused, warmStart: optimum.values, progress: nil).result
        #expect(proven.status == .optimal)
    }
}
