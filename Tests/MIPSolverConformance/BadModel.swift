import Testing
import PlannerOptimization

/// One kind of bad input and the error it must produce.
public struct BadModel: Sendable, CustomTestStringConvertible {
    public let label: String
    public let model: MIPModel
    public let expected: ModelError

    public var testDescription: String { label }

    /// A valid two-variable, one-row model for each case to break.
    public static func base() -> MIPModel {
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

    public static let all: [BadModel] = {
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
