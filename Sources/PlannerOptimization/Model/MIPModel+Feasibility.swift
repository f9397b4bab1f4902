extension MIPModel {
    /// Tolerance for `feasibilityViolation(of:tolerance:)`: absolute for values near zero, relative above 1.
    public static let defaultFeasibilityTolerance = 1e-6

    /// The first bound, integrality or constraint that `values` breaks, or nil when they are feasible.
    ///
    /// A warm start is checked with this before a solver sees it (GLPK takes a heuristic solution on trust), and
    /// tests check every solver answer with it. A bound or row side `b` is met when the value is within
    /// `tolerance × max(1, |b|)` of it; an integer variable's value must be within `tolerance` of an integer.
    ///
    /// - Complexity: O(variables + nonzeros).
    public func feasibilityViolation(of values: [Double],
                                     tolerance: Double = defaultFeasibilityTolerance) -> FeasibilityViolation? {
        guard values.count == variables.count else {
            return .wrongValueCount(expected: variables.count, actual: values.count)
        }
        for (index, (variable, value)) in zip(variables, values).enumerated() {
            let id = VariableID(index: index)
            guard value.isFinite else { return .nonFiniteValue(id, value) }
            if !Self.isWithin(value, variable.lowerBound, variable.upperBound, tolerance) {
                return .outsideBounds(id, value)
            }
            if variable.kind != .continuous, abs(value - value.rounded()) > tolerance { return .fractional(id, value) }
        }
        for (index, constraint) in constraints.enumerated() {
            // A term naming a missing variable (an unvalidated model) makes the row unsatisfiable, not a trap.
            let activity = constraint.terms.reduce(0.0) {
                $0 + (values.indices.contains($1.variable.index) ? $1.coefficient * values[$1.variable.index] : .nan)
            }
            if activity.isNaN { return .constraintViolated(ConstraintID(index: index), activity: activity) }
            if !Self.isWithin(activity, constraint.lowerBound, constraint.upperBound, tolerance) {
                return .constraintViolated(ConstraintID(index: index), activity: activity)
            }
        }
        return nil
    }

    private static func isWithin(_ value: Double, _ lower: Double?, _ upper: Double?, _ tolerance: Double) -> Bool {
        if let lower, value < lower - tolerance * max(1, abs(lower)) { return false }
        if let upper, value > upper + tolerance * max(1, abs(upper)) { return false }
        return true
    }
}
