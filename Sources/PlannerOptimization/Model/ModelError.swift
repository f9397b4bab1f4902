/// Why a model cannot be handed to a solver, and which part of it is at fault.
///
/// GLPK ends the whole process on a bad index or bound, so every such defect is caught here first, by
/// `MIPModel.validate()`, and reported with the name and position of the variable or constraint.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The part of the model the problem is in.
    public enum Subject: Sendable, Hashable {
        case model
        case objective
        case variable(index: Int, name: String)
        case constraint(index: Int, name: String)
    }

    /// What is wrong.
    public enum Problem: Sendable, Hashable {
        /// The name is empty.
        case emptyName
        /// The name is longer than GLPK's 255 bytes.
        case nameTooLong(bytes: Int)
        /// The name holds a character GLPK's MPS or CPLEX LP writer cannot write unchanged.
        case nameHasInvalidCharacter(Character)
        /// The name starts with a digit or a period, which the CPLEX LP format forbids.
        case nameHasInvalidFirstCharacter(Character)
        /// The name is reserved by the MPS export (`R0000000` names the objective row there).
        case reservedName
        /// Another variable (or constraint) already has this name, at `firstIndex`.
        case duplicateName(firstIndex: Int)
        /// A bound is NaN or infinite; an absent bound (nil) is how infinity is written.
        case nonFiniteBound(Double)
        /// A coefficient or constant is NaN or infinite.
        case nonFiniteCoefficient(Double)
        /// The lower bound exceeds the upper bound.
        case lowerBoundAboveUpperBound(lower: Double, upper: Double)
        /// A binary variable's bounds were changed from [0, 1]; fix it by making it an integer variable.
        case binaryBoundsNotZeroOne(lower: Double?, upper: Double?)
        /// A term refers to a variable the model does not have.
        case unknownVariable(MIPModel.VariableID)
        /// A column to add names a constraint the model does not have.
        case unknownConstraint(MIPModel.ConstraintID)
        /// The same variable appears in two terms of one constraint.
        case repeatedVariable(MIPModel.VariableID)
        /// A constraint has neither bound: it constrains nothing, and GLPK's MPS writer would drop the objective.
        case constraintWithoutBounds
        /// More variables or constraints than GLPK can index.
        case tooLarge(count: Int, limit: Int)
    }

    public let subject: Subject
    public let problem: Problem

    public init(_ subject: Subject, _ problem: Problem) {
        self.subject = subject
        self.problem = problem
    }

    public var description: String {
        let what: String
        switch subject {
        case .model: what = "model"
        case .objective: what = "objective"
        case let .variable(index, name): what = "variable #\(index) '\(name)'"
        case let .constraint(index, name): what = "constraint #\(index) '\(name)'"
        }
        return "\(what): \(problemDescription)"
    }

    private var problemDescription: String {
        switch problem {
        case .emptyName: return "name is empty"
        case .nameTooLong(let bytes): return "name is \(bytes) bytes long; GLPK allows at most 255"
        case .nameHasInvalidCharacter(let character):
            return "name contains '\(character.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())'; "
                + "use ASCII letters, digits and _ . ( ) , ; ! # % & / ? @ { } | ~"
        case .nameHasInvalidFirstCharacter(let character):
            return "name starts with '\(character)'; it must not start with a digit or a period"
        case .reservedName: return "name is reserved for the objective row in MPS exports"
        case .duplicateName(let firstIndex): return "name is already used by #\(firstIndex)"
        case .nonFiniteBound(let value): return "bound \(value) is not finite (leave it nil for no bound)"
        case .nonFiniteCoefficient(let value): return "coefficient \(value) is not finite"
        case let .lowerBoundAboveUpperBound(lower, upper): return "lower bound \(lower) exceeds upper bound \(upper)"
        case let .binaryBoundsNotZeroOne(lower, upper):
            return "binary variable has bounds [\(lower.map { "\($0)" } ?? "-inf"), \(upper.map { "\($0)" } ?? "+inf")]; "
                + "a binary is always [0, 1] (use an integer variable to fix it)"
        case .unknownVariable(let variable): return "term refers to variable #\(variable.index), which does not exist"
        case .unknownConstraint(let constraint):
            return "column refers to constraint #\(constraint.index), which does not exist"
        case .repeatedVariable(let variable): return "variable #\(variable.index) appears in more than one term"
        case .constraintWithoutBounds: return "constraint has neither a lower nor an upper bound"
        case let .tooLarge(count, limit): return "\(count) items exceed GLPK's limit of \(limit)"
        }
    }
}
