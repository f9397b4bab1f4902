/// The first way a full assignment of values breaks a model, as `MIPModel.feasibilityViolation(of:)` finds it.
public enum FeasibilityViolation: Sendable, Hashable, CustomStringConvertible {
    /// The assignment does not have one value per variable.
    case wrongValueCount(expected: Int, actual: Int)
    /// A value is NaN or infinite.
    case nonFiniteValue(MIPModel.VariableID, Double)
    /// A value lies outside the variable's bounds by more than the tolerance.
    case outsideBounds(MIPModel.VariableID, Double)
    /// An integer or binary variable's value is further than the tolerance from an integer.
    case fractional(MIPModel.VariableID, Double)
    /// A constraint's activity lies outside its bounds by more than the tolerance.
    case constraintViolated(MIPModel.ConstraintID, activity: Double)

    public var description: String {
        switch self {
        case let .wrongValueCount(expected, actual): return "\(actual) values given for \(expected) variables"
        case let .nonFiniteValue(variable, value): return "variable #\(variable.index) has value \(value)"
        case let .outsideBounds(variable, value): return "variable #\(variable.index) = \(value) is outside its bounds"
        case let .fractional(variable, value): return "integer variable #\(variable.index) = \(value) is fractional"
        case let .constraintViolated(constraint, activity):
            return "constraint #\(constraint.index) has activity \(activity), outside its bounds"
        }
    }
}
