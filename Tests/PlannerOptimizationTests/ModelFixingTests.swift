import Testing
import PlannerOptimization
import MIPSolverConformance

/// `MIPModel.fixing`: the sub-model a neighbourhood search solves.
@Suite("Fixing variables")
struct ModelFixingTests {
    /// The model with every variable in `fixed` pinned by its bounds: what the sub-model must be equivalent to.
    static func pinned(_ model: MIPModel, _ fixed: [Double?]) -> MIPModel {
        var copy = model
        for (index, value) in fixed.enumerated() {
            if let value { copy.setBounds(of: MIPModel.VariableID(index: index), lowerBound: value, upperBound: value) }
        }
        return copy
    }

    @Test("the sub-model's optimum, constant included, is the optimum with those variables pinned",
          arguments: 1...40 as ClosedRange<UInt64>)
    func subModelKeepsTheOptimum(seed: UInt64) throws {
        let model = TestModels.randomSmall(seed: seed)
        // Pin every other variable at its lower bound (or 0 when it has none).
        let fixed: [Double?] = model.variables.indices.map { index in
            index % 2 == 0 ? (model.variables[index].lowerBound ?? 0).rounded(.up) : nil
        }
        let (sub, free) = model.fixing(fixed)
        #expect(free.map(\.index) == model.variables.indices.filter { fixed[$0] == nil })
        #expect(sub.variables.map(\.name) == free.map { model.variables[$0.index].name })
        let expected = BruteForceSolver.solve(Self.pinned(model, fixed))
        let actual = BruteForceSolver.solve(sub)
        switch (expected, actual) {
        case let (.optimal(objective: left), .optimal(objective: right)):
            #expect(abs(left - right) <= 1e-9 * max(1, abs(left)), "seed \(seed)")
        case (.infeasible, _):
            // A pinned value may break a row with no free term left: the sub-model drops that row, so it can
            // only be no more constrained than the pinned model.
            break
        default:
            Issue.record("seed \(seed): pinned \(expected), sub-model \(actual)")
        }
    }

    @Test func rowsWithoutAFreeTermAreDroppedAndTheOthersShift() throws {
        var model = MIPModel(name: "m")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 5, objective: 2)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 5, objective: 3)
        model.addConstraint("both", [.init(x, 1), .init(y, 2)], lowerBound: 4, upperBound: 9)
        model.addConstraint("onlyX", [.init(x, 1)], upperBound: 4)
        let (sub, free) = model.fixing([3, nil])
        #expect(free == [y])
        #expect(sub.objectiveConstant == 6)
        #expect(sub.constraints.map(\.name) == ["both"])
        #expect(sub.constraints[0].lowerBound == 1 && sub.constraints[0].upperBound == 6)
        #expect(sub.constraints[0].terms == [MIPModel.Term(MIPModel.VariableID(index: 0), 2)])
    }
}
