import Foundation
import PlannerCore

/// A total sample shared among strata by one of six rules, within per-stratum bounds, in whole units that add
/// up to the total exactly.
///
/// Every rule gives each stratum a weight a_h and asks for n_h ∝ a_h (docs/sampling.md §2):
/// - equal: a_h = 1;
/// - proportional: a_h = N_h;
/// - Neyman (1934): a_h = N_h·S_h;
/// - cost-optimal: a_h = N_h·S_h/√c_h (Cochran 1977, §5.5), for a fixed total;
/// - power (Bankier 1988): a_h = N_h^q·S_h/Ȳ_h, which minimises Σ_h (N_h^q·CV(ȳ_h))² for a fixed total,
///   ignoring finite population corrections; q = 0 gives equal CVs, q = 1 (with equal unit CVs) proportional;
/// - Kish's compromise (Kish 1976, 1988, with equal importance I = 1): a_h = √(W_h² + H⁻²), W_h = N_h/N.
///
/// Bounds l_h = min(minimum, N_h) and u_h = min(maximum, N_h) are enforced by re-allocating, not clipping:
/// the continuous allocation is n_h = clamp(λ·a_h, l_h, u_h) with the one λ that makes Σn_h = n. This is the
/// fixed point of "fix the strata that violate a bound at that bound and share the remainder among the free
/// strata in proportion to a_h, until nothing moves"; it is computed exactly by scanning the breakpoints
/// l_h/a_h and u_h/a_h instead of iterating. For Neyman and cost-optimal allocation it is the optimum under the
/// bounds (the Karush–Kuhn–Tucker conditions of min Σ a_h²/n_h).
///
/// Whole numbers come from the largest-remainder method (Hamilton): floors, then one more unit to the strata
/// with the largest fractional parts, ties broken by stratum ID, skipping strata at their ceiling. Floors never
/// fall below l_h (an integer), so the bounds hold and Σn_h = n exactly.
public struct Allocation: Hashable, Sendable {
    public let method: SampleDesignParameters.AllocationMethod
    public let powerExponent: Double
    public let total: Int
    /// One entry per stratum, in stratum ID order.
    public let strata: [AllocatedStratum]

    /// Allocates `total` among `strata`.
    /// - Throws: `SamplingError` when a stratum is empty, bounds are inverted, a weight input is not positive
    ///   and finite, Σ l_h > n, or n > Σ u_h.
    public init(total: Int, strata: [StratumAllocationInput], method: SampleDesignParameters.AllocationMethod,
                powerExponent: Double = 0.5) throws {
        guard total >= 0 else { throw SamplingError.negativeSampleSize(total) }
        let inputs = strata.sorted { $0.stratumID < $1.stratumID }
        for input in inputs {
            guard input.populationSize > 0 else { throw SamplingError.emptyStratum(input.stratumID) }
            if let maximum = input.maximum, maximum < input.minimum || input.minimum < 0 {
                throw SamplingError.invalidStratumBounds(minimum: input.minimum, maximum: maximum)
            }
            guard input.minimum >= 0 else {
                throw SamplingError.invalidStratumBounds(minimum: input.minimum, maximum: input.maximum ?? 0)
            }
        }
        let minimumSum = inputs.reduce(0) { $0 + $1.lowerBound }
        let capacity = inputs.reduce(0) { $0 + $1.upperBound }
        guard minimumSum <= total else { throw SamplingError.minimumsExceedTotal(total: total, minimumSum: minimumSum) }
        guard total <= capacity else { throw SamplingError.totalExceedsCapacity(total: total, capacity: capacity) }

        let weights = try Self.weights(of: inputs, method: method, powerExponent: powerExponent)
        let lower = inputs.map { Double($0.lowerBound) }
        let upper = inputs.map { Double($0.upperBound) }
        let targets = Self.boundedProportionalTargets(total: Double(total), weights: weights, lower: lower, upper: upper)
        let sizes = LargestRemainder.round(targets: targets, total: total, lower: inputs.map(\.lowerBound),
                                           upper: inputs.map(\.upperBound), tieBreakKeys: inputs.map(\.stratumID.rawValue))
        let weightSum = weights.reduce(0, +)
        self.method = method
        self.powerExponent = powerExponent
        self.total = total
        self.strata = inputs.indices.map { h in
            AllocatedStratum(stratumID: inputs[h].stratumID, populationSize: inputs[h].populationSize,
                             lowerBound: inputs[h].lowerBound, upperBound: inputs[h].upperBound,
                             weight: weights[h], unboundedTarget: Double(total) * weights[h] / weightSum,
                             target: targets[h], size: sizes[h])
        }
    }

    /// n_h by stratum, in stratum ID order.
    public var sizes: [Int] { strata.map(\.size) }

    public func size(of stratum: StratumID) -> Int? { strata.first { $0.stratumID == stratum }?.size }

    static func weights(of inputs: [StratumAllocationInput], method: SampleDesignParameters.AllocationMethod,
                        powerExponent: Double) throws -> [Double] {
        let frameTotal = Double(inputs.reduce(0) { $0 + $1.populationSize })
        let strataCount = Double(inputs.count)
        func positive(_ value: Double, _ name: String, _ input: StratumAllocationInput) throws -> Double {
            guard value.isFinite, value > 0 else {
                throw SamplingError.invalidAllocationInput(stratum: input.stratumID, name: name, value: value)
            }
            return value
        }
        return try inputs.map { input in
            let size = Double(input.populationSize)
            switch method {
            case .equal:
                return 1
            case .proportional:
                return size
            case .neyman:
                return size * (try positive(input.standardDeviation, "standard deviation", input))
            case .costOptimal:
                let deviation = try positive(input.standardDeviation, "standard deviation", input)
                return size * deviation / (try positive(input.cost, "cost", input)).squareRoot()
            case .power:
                guard powerExponent.isFinite else {
                    throw SamplingError.invalidAllocationInput(stratum: input.stratumID, name: "power exponent",
                                                               value: powerExponent)
                }
                let deviation = try positive(input.standardDeviation, "standard deviation", input)
                let mean = try positive(input.mean, "mean", input)
                return try positive(pow(size, powerExponent) * deviation / mean, "power weight", input)
            case .kish:
                let share = size / frameTotal
                return (share * share + 1 / (strataCount * strataCount)).squareRoot()
            }
        }
    }

    /// clamp(λ·a_h, l_h, u_h) with λ such that the sum is `total`; requires Σl ≤ total ≤ Σu and every a_h > 0.
    static func boundedProportionalTargets(total: Double, weights: [Double], lower: [Double],
                                           upper: [Double]) -> [Double] {
        func allocation(_ lambda: Double) -> [Double] {
            weights.indices.map { min(max(lambda * weights[$0], lower[$0]), upper[$0]) }
        }
        if total <= lower.reduce(0, +) { return lower }
        if total >= upper.reduce(0, +) { return upper }
        var breakpoints = weights.indices.flatMap { [lower[$0] / weights[$0], upper[$0] / weights[$0]] }
        breakpoints.sort()
        // The allocated sum is continuous and non-decreasing in λ, linear between breakpoints.
        var previous = 0.0
        for breakpoint in breakpoints where breakpoint > previous {
            if allocation(breakpoint).reduce(0, +) >= total {
                let middle = (previous + breakpoint) / 2
                var fixedSum = 0.0
                var freeWeight = 0.0
                for h in weights.indices {
                    let scaled = middle * weights[h]
                    if scaled <= lower[h] { fixedSum += lower[h] }
                    else if scaled >= upper[h] { fixedSum += upper[h] }
                    else { freeWeight += weights[h] }
                }
                let lambda = freeWeight > 0 ? (total - fixedSum) / freeWeight : breakpoint
                return allocation(lambda)
            }
            previous = breakpoint
        }
        return upper
    }
}

/// One stratum's share of an allocation.
public struct AllocatedStratum: Hashable, Sendable {
    public let stratumID: StratumID
    public let populationSize: Int
    /// l_h = min(minimum, N_h) and u_h = min(maximum, N_h).
    public let lowerBound: Int
    public let upperBound: Int
    /// a_h, the rule's weight.
    public let weight: Double
    /// n·a_h/Σa: the rule before bounds.
    public let unboundedTarget: Double
    /// The continuous allocation within the bounds.
    public let target: Double
    /// The whole-number allocation.
    public let size: Int
}
