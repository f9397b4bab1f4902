import PlannerOptimization

/// The reference answer for small pure-integer models: every point of the integer box, checked and scored.
///
/// Independent of every backend on purpose; shares only `MIPModel.feasibilityViolation(of:)` and `objectiveValue(of:)`,
/// which have their own tests.
public enum BruteForceSolver {
    public enum Answer: Equatable {
        case infeasible
        case optimal(objective: Double)
    }

    /// - Precondition: every variable is integer or binary with finite bounds, and the box has at most
    ///   `pointLimit` points.
    public static func solve(_ model: MIPModel, pointLimit: Int = 2_000_000) -> Answer {
        let domains: [[Double]] = model.variables.map { variable in
            precondition(variable.kind != .continuous, "brute force needs integer variables")
            guard let lower = variable.lowerBound, let upper = variable.upperBound else {
                preconditionFailure("brute force needs finite bounds")
            }
            let low = lower.rounded(.up), high = upper.rounded(.down)
            return low <= high ? Array(stride(from: low, through: high, by: 1)) : []
        }
        precondition(domains.reduce(1) { $0 * max($1.count, 1) } <= pointLimit, "box too large")
        if domains.contains(where: \.isEmpty) { return .infeasible }
        var best: Double?
        var point = domains.map { $0[0] }
        var digits = [Int](repeating: 0, count: domains.count)
        while true {
            if model.feasibilityViolation(of: point, tolerance: 1e-9) == nil {
                let objective = model.objectiveValue(of: point)
                if let current = best {
                    best = model.sense == .minimize ? min(current, objective) : max(current, objective)
                } else {
                    best = objective
                }
            }
            // Odometer increment over the domains.
            var position = 0
            while position < domains.count {
                digits[position] += 1
                if digits[position] < domains[position].count {
                    point[position] = domains[position][digits[position]]
                    break
                }
                digits[position] = 0
                point[position] = domains[position][0]
                position += 1
            }
            if position == domains.count { break }
        }
        return best.map { .optimal(objective: $0) } ?? .infeasible
    }
}
