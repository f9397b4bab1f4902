import Foundation
import Testing
import PlannerOptimization

/// One kind of bad input and the error it must produce.
struct BadModel: Sendable, CustomTestStringConvertible {
    let label: String
    let model: MIPModel
    let expected: ModelError

    var testDescription: String { label }

    /// A valid two-variable, one-row model for each case to break.
    static func base() -> MIPModel {
        var model = MIPModel(name: "base")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 5, objective: 1)
        let y = model.addVariable("y", kind: .binary, objective: 2)
        model.addConstraint("row", [.init(x, 1), .init(y, 1)], lowerBound: 1)
        return model
    }

    static func variableNamed(_ name: String, _ problem: ModelError.Problem, label: String) -> BadModel {
        var model = base()
        model.addVariable(name, kind: .continuous)
        return BadModel(label: label, model: model, expected: ModelError(.variable(index: 2, name: name), problem))
    }

    static func constraintNamed(_ name: String, _ problem: ModelError.Problem, label: String) -> BadModel {
        var model = base()
        model.addConstraint(name, [.init(.init(index: 0), 1)], upperBound: 3)
        return BadModel(label: label, model: model, expected: ModelError(.constraint(index: 1, name: name), problem))
    }

    static func constraint(_ terms: [MIPModel.Term], lower: Double?, upper: Double?, _ problem: ModelError.Problem,
                           label: String) -> BadModel {
        var model = base()
        model.addConstraint("bad", terms, lowerBound: lower, upperBound: upper)
        return BadModel(label: label, model: model, expected: ModelError(.constraint(index: 1, name: "bad"), problem))
    }

    static func variable(kind: MIPModel.VariableKind = .continuous, lower: Double?, upper: Double?,
                         objective: Double = 0, _ problem: ModelError.Problem, label: String) -> BadModel {
        var model = base()
        let id = model.addVariable("bad", kind: kind, lowerBound: lower, upperBound: upper, objective: objective)
        model.setBounds(of: id, lowerBound: lower, upperBound: upper)
        return BadModel(label: label, model: model, expected: ModelError(.variable(index: 2, name: "bad"), problem))
    }

    static let all: [BadModel] = {
        let x = MIPModel.VariableID(index: 0)
        var cases: [BadModel] = [
            variableNamed("", .emptyName, label: "empty variable name"),
            variableNamed("has space", .nameHasInvalidCharacter(" "), label: "space in name"),
            variableNamed("x-1", .nameHasInvalidCharacter("-"), label: "dash in name"),
            variableNamed("x[1]", .nameHasInvalidCharacter("["), label: "bracket in name"),
            variableNamed("a:b", .nameHasInvalidCharacter(":"), label: "colon in name"),
            variableNamed("$cost", .nameHasInvalidCharacter("$"), label: "dollar in name"),
            variableNamed("Sóc", .nameHasInvalidCharacter("ó"), label: "non-ASCII name"),
            variableNamed("tab\there", .nameHasInvalidCharacter("\t"), label: "control character in name"),
            variableNamed("1x", .nameHasInvalidFirstCharacter("1"), label: "leading digit"),
            variableNamed(".x", .nameHasInvalidFirstCharacter("."), label: "leading period"),
            variableNamed(String(repeating: "v", count: 256), .nameTooLong(bytes: 256), label: "256-character name"),
            variableNamed("x", .duplicateName(firstIndex: 0), label: "duplicate variable name"),
            constraintNamed("row", .duplicateName(firstIndex: 0), label: "duplicate constraint name"),
            constraintNamed("R0000000", .reservedName, label: "MPS objective row name"),
            constraintNamed("", .emptyName, label: "empty constraint name"),
            variable(lower: .nan, upper: 1, .nonFiniteBound(.nan), label: "NaN lower bound"),
            variable(lower: 0, upper: .infinity, .nonFiniteBound(.infinity), label: "infinite upper bound"),
            variable(lower: -.infinity, upper: nil, .nonFiniteBound(-.infinity), label: "infinite lower bound"),
            variable(lower: 3, upper: 2, .lowerBoundAboveUpperBound(lower: 3, upper: 2), label: "variable lower > upper"),
            variable(kind: .integer, lower: 3.5, upper: 3.25, .lowerBoundAboveUpperBound(lower: 3.5, upper: 3.25),
                     label: "integer lower > upper"),
            variable(lower: 0, upper: 1, objective: .infinity, .nonFiniteCoefficient(.infinity),
                     label: "infinite objective coefficient"),
            variable(kind: .binary, lower: 0, upper: 2, .binaryBoundsNotZeroOne(lower: 0, upper: 2),
                     label: "binary with widened bounds"),
            variable(kind: .binary, lower: 1, upper: 1, .binaryBoundsNotZeroOne(lower: 1, upper: 1),
                     label: "binary fixed by bounds"),
            constraint([.init(x, .nan)], lower: 0, upper: nil, .nonFiniteCoefficient(.nan), label: "NaN coefficient"),
            constraint([.init(.init(index: 7), 1)], lower: 0, upper: nil, .unknownVariable(.init(index: 7)),
                       label: "term with missing variable"),
            constraint([.init(.init(index: -1), 1)], lower: 0, upper: nil, .unknownVariable(.init(index: -1)),
                       label: "term with negative index"),
            constraint([.init(x, 1), .init(x, 2)], lower: 0, upper: nil, .repeatedVariable(x),
                       label: "variable twice in a row"),
            constraint([.init(x, 1)], lower: 2, upper: 1, .lowerBoundAboveUpperBound(lower: 2, upper: 1),
                       label: "row lower > upper"),
            constraint([.init(x, 1)], lower: nil, upper: .nan, .nonFiniteBound(.nan), label: "row NaN bound"),
            constraint([.init(x, 1)], lower: nil, upper: nil, .constraintWithoutBounds, label: "free row"),
        ]
        var constant = base()
        constant.objectiveConstant = .nan
        cases.append(BadModel(label: "NaN objective constant", model: constant,
                              expected: ModelError(.objective, .nonFiniteCoefficient(.nan))))
        var named = base()
        named.name = "line\nbreak"
        cases.append(BadModel(label: "control character in model name", model: named,
                              expected: ModelError(.model, .nameHasInvalidCharacter("\n"))))
        return cases
    }()
}

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

    @Test(arguments: BadModel.all)
    func solveAndExportRefuseWithoutCallingGLPK(_ bad: BadModel) {
        let solver = GLPKSolver()
        #expect(throws: ModelError.self) { try solver.solve(bad.model) }
        #expect(throws: ModelError.self) { try solver.solve(bad.model, options: SolverOptions(), warmStart: [0, 0, 0],
                                                             progress: nil) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).mps")
        #expect(throws: ModelError.self) { try solver.export(bad.model, as: .freeMPS, to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
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
