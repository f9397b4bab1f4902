import Foundation
import Testing
import PlannerOptimization
import MIPSolverConformance

@Suite("Model validation")
struct ModelValidationTests {
    @Test func baseModelIsValid() throws {
        try BadModel.base().validate()
        var model = BadModel.base()
        model.name = "Sóc Trăng plan, October 2023"  // the model's own name may hold spaces and accents
        model.addVariable(String(repeating: "v", count: 255), kind: .continuous)
        model.addVariable("a_b.c(1,2);!#%&/?@{}|", kind: .continuous)
        try model.validate()
    }

    @Test(arguments: BadModel.all)
    func validationNamesTheFault(_ bad: BadModel) {
        let error = #expect(throws: ModelError.self) { try bad.model.validate() }
        // NaN never equals itself, so compare NaN-carrying errors by description.
        #expect(error == bad.expected || error?.description == bad.expected.description,
                "got \(String(describing: error))")
    }

    /// Changes of a live LP, each with one fault.
    static let badChanges: [(label: String, change: RelaxationChange)] = {
        let row = MIPModel.ConstraintID(index: 0)
        func column(_ name: String, lower: Double? = 0, upper: Double? = nil, objective: Double = 1,
                    entries: [MIPModel.Column.Entry] = [.init(MIPModel.ConstraintID(index: 0), 1)]) -> RelaxationChange {
            RelaxationChange(columns: [MIPModel.Column(name: "fine", kind: .integer, objective: 1, entries: [.init(row, 1)]),
                                       MIPModel.Column(name: name, kind: .integer, lowerBound: lower, upperBound: upper,
                                                       objective: objective, entries: entries)])
        }
        return [
            ("a new column named as an old one", column("x")),
            ("two new columns of one name", column("fine")),
            ("a new column's name starting with a digit", column("1d")),
            ("a new column's name with a space", column("d 1")),
            ("a new column's bounds in the wrong order", column("d", lower: 3, upper: 1)),
            ("a new column's non-finite objective", column("d", objective: .nan)),
            ("a new column in one row twice", column("d", entries: [.init(row, 1), .init(row, 2)])),
            ("a new column's infinite coefficient", column("d", entries: [.init(row, .infinity)])),
            ("an old column's bounds in the wrong order",
             RelaxationChange(bounds: [BoundChange(MIPModel.VariableID(index: 0), lowerBound: 4, upperBound: 2)])),
            ("an old binary column's bounds beyond 1",
             RelaxationChange(bounds: [BoundChange(MIPModel.VariableID(index: 1), lowerBound: 0, upperBound: 2)])),
            ("a new column's bounds changed in the wrong order",
             RelaxationChange(columns: [MIPModel.Column(name: "d", kind: .integer, entries: [.init(row, 1)])],
                              bounds: [BoundChange(MIPModel.VariableID(index: 2), lowerBound: 2, upperBound: 1)])),
        ]
    }()

    @Test("a change to a live LP is refused with the error validating the whole changed model gives",
          arguments: badChanges.indices)
    func changesAreCheckedAsTheWholeModel(_ index: Int) throws {
        let (label, change) = Self.badChanges[index]
        var whole = BadModel.base()
        for column in change.columns { try whole.addColumn(column) }
        for bound in change.bounds {
            whole.setBounds(of: bound.variable, lowerBound: bound.lowerBound, upperBound: bound.upperBound)
        }
        let expected = #expect(throws: ModelError.self, "\(label): the whole model") { try whole.validate() }
        var changed = BadModel.base()
        let error = #expect(throws: ModelError.self, "\(label)") { try changed.apply(change) }
        #expect(error?.description == expected?.description, "\(label)")
        // The same with the names kept from one change to the next, as a loop of changes keeps them.
        var names = Set(BadModel.base().variables.map(\.name))
        var looped = BadModel.base()
        let loopError = #expect(throws: ModelError.self, "\(label)") { try looped.apply(change, variableNames: &names) }
        #expect(loopError?.description == expected?.description, "\(label)")
    }

    @Test func namesKeptAcrossChangesCatchARepeatInALaterOne() throws {
        var model = BadModel.base()
        var names = Set(model.variables.map(\.name))
        let row = MIPModel.ConstraintID(index: 0)
        try model.apply(RelaxationChange(columns: [MIPModel.Column(name: "d_1", kind: .integer, entries: [.init(row, 1)])]),
                        variableNames: &names)
        #expect(names == ["x", "y", "d_1"])
        let error = #expect(throws: ModelError.self) {
            try model.apply(RelaxationChange(columns: [MIPModel.Column(name: "d_1", kind: .integer, entries: [])]),
                            variableNames: &names)
        }
        #expect(error == ModelError(.variable(index: 3, name: "d_1"), .duplicateName(firstIndex: 2)))
    }

    @Test func errorDescriptionNamesVariableAndProblem() {
        let error = ModelError(.variable(index: 4, name: "x_e1_c2"), .lowerBoundAboveUpperBound(lower: 3, upper: 1))
        #expect(error.description == "variable #4 'x_e1_c2': lower bound 3.0 exceeds upper bound 1.0")
    }
}

@Suite("Feasibility check")
struct FeasibilityTests {
    @Test func findsEachKindOfViolation() {
        let model = BadModel.base()  // x ∈ 0…5 integer, y binary, x + y ≥ 1
        #expect(model.feasibilityViolation(of: [1, 0]) == nil)
        #expect(model.feasibilityViolation(of: [1 + 1e-9, 1e-9]) == nil)
        #expect(model.feasibilityViolation(of: [1]) == .wrongValueCount(expected: 2, actual: 1))
        #expect(model.feasibilityViolation(of: [6, 0]) == .outsideBounds(.init(index: 0), 6))
        #expect(model.feasibilityViolation(of: [1.5, 0]) == .fractional(.init(index: 0), 1.5))
        #expect(model.feasibilityViolation(of: [0, 0]) == .constraintViolated(.init(index: 0), activity: 0))
        #expect(model.feasibilityViolation(of: [.infinity, 0]) == .nonFiniteValue(.init(index: 0), .infinity))
    }
}
