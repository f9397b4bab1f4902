import Testing
import PlannerOptimization
import PlannerGLPK
import MIPSolverConformance

/// GLPK's LP relaxation and LP dive, and the protocol's default dive (a fresh LP per round) agreeing with it.
@Suite("LP relaxation and dive")
struct RelaxationTests {
    /// Forwards solves to GLPK but keeps the protocol's default `diveRelaxation`.
    struct FreshLPSolver: MIPSolver {
        var identity: SolverIdentity { SolverIdentity(name: "fresh LP per round", version: "") }
        func solve(_ model: MIPModel, options: SolverOptions, warmStart: [Double]?,
                   progress: (@Sendable (SolveProgress) -> Void)?) throws -> MIPSolution {
            try GLPKSolver().solve(model, options: options, warmStart: warmStart, progress: progress)
        }
        func solveRelaxation(_ model: MIPModel, options: SolverOptions) throws -> MIPResult? {
            try GLPKSolver().solveRelaxation(model, options: options)
        }
    }

    /// `TestModels.knapsack` with integer columns in [0, 1], whose bounds a dive may change (a binary's may not).
    static func knapsack() -> MIPModel {
        var model = MIPModel(name: "knapsack", sense: .maximize)
        let values: [Double] = [24, 13, 23, 15, 16]
        let weights: [Double] = [12, 7, 11, 8, 9]
        let items = values.indices.map {
            model.addVariable("take_\($0)", kind: .integer, lowerBound: 0, upperBound: 1, objective: values[$0])
        }
        model.addConstraint("capacity", zip(items, weights).map { MIPModel.Term($0, $1) }, upperBound: 26)
        return model
    }

    /// Knapsack values 24, 13, 23, 15, 16, weights 12, 7, 11, 8, 9, capacity 26 (maximise): by value per weight
    /// items 2 and 0 fit whole, then 3/8 of item 3: 23 + 24 + 15 · 3/8 = 52.625.
    @Test func knapsackRelaxationIsTheFractionalGreedy() throws {
        let result = try #require(try GLPKSolver().solveRelaxation(Self.knapsack(), options: SolverOptions()))
        #expect(result.status == .optimal)
        let objective = try #require(result.objective)
        #expect(abs(objective - 52.625) < 1e-9)
        let expected: [Double] = [1, 0, 1, 0.375, 0]
        #expect(zip(result.values, expected).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(result.bestBound == result.objective)
    }

    /// Fixing item 3 at 0 moves the spare 3 units of capacity to item 1 (13 · 3/7).
    @Test(arguments: [false, true])
    func diveAppliesBoundChanges(freshLP: Bool) throws {
        let model = Self.knapsack()
        var seen: [Double] = []
        let next: (MIPResult) -> [BoundChange] = { result in
            seen.append(result.objective ?? .nan)
            return seen.count == 1 ? [BoundChange(MIPModel.VariableID(index: 3), lowerBound: 0, upperBound: 0)] : []
        }
        let result = try #require(freshLP
            ? try FreshLPSolver().diveRelaxation(model, options: SolverOptions(), next: next)
            : try GLPKSolver().diveRelaxation(model, options: SolverOptions(), next: next))
        #expect(seen.count == 2)
        #expect(abs(seen[0] - 52.625) < 1e-9)
        let expected: Double = 47 + 13.0 * 3 / 7
        let objective = try #require(result.objective)
        #expect(abs(objective - expected) < 1e-9)
        #expect(abs(result.values[1] - 3.0 / 7) < 1e-9)
        #expect(result.values[3] == 0)
    }

    /// min 3x + 5y s.t. x + y ≥ 4: the LP takes x = 4 (12). A column z of cost 2 in the row takes over: 8.
    @Test(arguments: [false, true])
    func iterationAddsColumns(freshLP: Bool) throws {
        var model = MIPModel(name: "cover")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 3)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 10, objective: 5)
        let need = model.addConstraint("need", [.init(x, 1), .init(y, 1)], lowerBound: 4)
        var seen: [Double] = []
        let next: (MIPResult) -> RelaxationChange = { result in
            seen.append(result.objective ?? .nan)
            guard seen.count == 1 else { return RelaxationChange() }
            return RelaxationChange(columns: [MIPModel.Column(name: "z", kind: .integer, lowerBound: 0, upperBound: 3,
                                                              objective: 2, entries: [.init(need, 1)])])
        }
        let result = try #require(freshLP
            ? try FreshLPSolver().iterateRelaxation(model, options: SolverOptions(), next: next)
            : try GLPKSolver().iterateRelaxation(model, options: SolverOptions(), next: next))
        #expect(seen == [12, 9])
        // z is capped at 3, so x serves the last unit: 2·3 + 3·1.
        #expect(result.values.count == 3)
        #expect(abs(result.values[2] - 3) < 1e-9 && abs(result.values[0] - 1) < 1e-9)
    }

    /// min 3x + 5y s.t. 2x + 2y ≥ 3: the LP takes x = 1.5 (4.5). A cut x + y ≥ 2 (the row's rounding) added
    /// together with a continuous column z (cost 1, in the first row and the cut with 1, at most 0.5) lifts it to
    /// z = 0.5, x = 1.5: 5.0; the live problem re-solved from its basis and a fresh solve agree.
    @Test(arguments: [false, true])
    func iterationAddsRowsAfterColumns(freshLP: Bool) throws {
        var model = MIPModel(name: "cut")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 3)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 10, objective: 5)
        let need = model.addConstraint("need", [.init(x, 2), .init(y, 2)], lowerBound: 3)
        var seen: [Double] = []
        var rowDuals: [Int] = []
        let next: (MIPResult) -> RelaxationChange = { result in
            seen.append(result.objective ?? .nan)
            rowDuals.append(result.rowDuals.count)
            guard seen.count == 1 else { return RelaxationChange() }
            let z = MIPModel.VariableID(index: 2)
            return RelaxationChange(
                columns: [MIPModel.Column(name: "z", kind: .continuous, lowerBound: 0, upperBound: 0.5, objective: 1,
                                          entries: [.init(need, 1)])],
                rows: [MIPModel.Constraint(name: "rounded", terms: [.init(x, 1), .init(y, 1), .init(z, 1)],
                                           lowerBound: 2)])
        }
        let result = try #require(freshLP
            ? try FreshLPSolver().iterateRelaxation(model, options: SolverOptions(), next: next)
            : try GLPKSolver().iterateRelaxation(model, options: SolverOptions(), next: next))
        #expect(seen.count == 2)
        #expect(abs(seen[0] - 4.5) < 1e-9)
        // x + y + z ≥ 2 and 2x + 2y + z ≥ 3 with z ≤ 0.5: x = 1.5, z = 0.5 costs 5; x = 2 costs 6.
        #expect(abs(seen[1] - 5) < 1e-9)
        #expect(rowDuals == [1, 2], "the second LP has a dual for the new row")
        #expect(abs(result.values[0] - 1.5) < 1e-9 && abs(result.values[2] - 0.5) < 1e-9)
    }

    @Test func aRowNamingAnUnknownColumnOrRepeatingANameIsRefused() throws {
        let model = Self.knapsack()
        #expect(throws: ModelError.self) {
            _ = try GLPKSolver().iterateRelaxation(model, options: SolverOptions()) { _ in
                RelaxationChange(rows: [MIPModel.Constraint(name: "cut", terms: [.init(MIPModel.VariableID(index: 9), 1)],
                                                            upperBound: 1)])
            }
        }
        #expect(throws: ModelError.self) {
            _ = try GLPKSolver().iterateRelaxation(model, options: SolverOptions()) { _ in
                RelaxationChange(rows: [MIPModel.Constraint(name: "capacity",
                                                            terms: [.init(MIPModel.VariableID(index: 0), 1)],
                                                            upperBound: 1)])
            }
        }
    }

    @Test func aColumnNamingAnUnknownRowIsRefused() throws {
        let model = Self.knapsack()
        #expect(throws: ModelError.self) {
            _ = try GLPKSolver().iterateRelaxation(model, options: SolverOptions()) { _ in
                RelaxationChange(columns: [MIPModel.Column(name: "extra", kind: .continuous, objective: 1,
                                                           entries: [.init(MIPModel.ConstraintID(index: 5), 1)])])
            }
        }
    }

    @Test func diveStopsWhenAnLPIsInfeasible() throws {
        var model = MIPModel(name: "cover")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 4, objective: 1)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 4, objective: 2)
        model.addConstraint("need", [.init(x, 1), .init(y, 1)], lowerBound: 3)
        var rounds = 0
        let result = try #require(try GLPKSolver().diveRelaxation(model, options: SolverOptions()) { _ in
            rounds += 1
            return [BoundChange(x, lowerBound: 0, upperBound: 1), BoundChange(y, lowerBound: 0, upperBound: 1)]
        })
        #expect(rounds == 1)
        #expect(result.status == .infeasible)
    }

    @Test func diveRefusesALowerBoundAboveTheUpper() throws {
        let model = Self.knapsack()
        #expect(throws: ModelError.self) {
            _ = try GLPKSolver().diveRelaxation(model, options: SolverOptions()) { _ in
                [BoundChange(MIPModel.VariableID(index: 0), lowerBound: 1, upperBound: 0)]
            }
        }
    }
}

/// Row duals of the LP relaxation: what column generation prices with.
@Suite("LP duals")
struct LPDualTests {
    /// min 3x + 2y + 4z s.t. x + y ≥ 4 (cover), y + z ≥ 3 (cover), x + y + z ≤ 10 (capacity), x, y, z ≥ 0.
    /// Optimum y = 4, x = z = 0: objective 8, duals 2 on the first row, 0 elsewhere.
    @Test func dualsPriceTheRowsAndCloseTheDualityGap() throws {
        var model = MIPModel(name: "duals")
        let x = model.addVariable("x", kind: .continuous, lowerBound: 0, upperBound: nil, objective: 3)
        let y = model.addVariable("y", kind: .continuous, lowerBound: 0, upperBound: nil, objective: 2)
        let z = model.addVariable("z", kind: .continuous, lowerBound: 0, upperBound: nil, objective: 4)
        model.addConstraint("first", [MIPModel.Term(x, 1), MIPModel.Term(y, 1)], lowerBound: 4)
        model.addConstraint("second", [MIPModel.Term(y, 1), MIPModel.Term(z, 1)], lowerBound: 3)
        model.addConstraint("capacity", [MIPModel.Term(x, 1), MIPModel.Term(y, 1), MIPModel.Term(z, 1)], upperBound: 10)
        let result = try #require(try GLPKSolver().solveRelaxation(model, options: SolverOptions()))
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 8) < 1e-9)
        #expect(result.rowDuals.count == 3)
        // Strong duality: b·dual equals the objective; every reduced cost c − Aᵀ·dual is ≥ 0, 0 on the basic y.
        #expect(abs(4 * result.rowDuals[0] + 3 * result.rowDuals[1] + 10 * result.rowDuals[2] - 8) < 1e-9)
        let reduced = [3 - result.rowDuals[0] - result.rowDuals[2],
                       2 - result.rowDuals[0] - result.rowDuals[1] - result.rowDuals[2],
                       4 - result.rowDuals[1] - result.rowDuals[2]]
        #expect(reduced.allSatisfy { $0 >= -1e-9 })
        #expect(abs(reduced[1]) < 1e-9)
        #expect(result.rowDuals[0] >= -1e-9 && result.rowDuals[1] >= -1e-9 && result.rowDuals[2] <= 1e-9)
    }
}
