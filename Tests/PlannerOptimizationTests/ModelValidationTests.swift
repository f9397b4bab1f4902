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
