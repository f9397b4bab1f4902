import Foundation
import PlannerCore

/// n_h for every stratum from the size rule: a total or a precision target for the whole sample, allocated;
/// or a precision target met in each stratum with its own N_h, then bounded.
///
/// A target is met by the design, not by the formula alone: the formula assumes simple random sampling at one
/// p, while the allocation may be far from proportional and PPS or unequal takes give unequal weights. So n (or
/// n_h) starts at the formula's value and is raised until the margin the design gives — each stratum at its own
/// p_h, with deff_c·deff_w (`DomainPrecision`) — meets the target; when even the strata's capacity cannot, a
/// whole-sample target is refused and a per-stratum one is capped and reported.
struct StratumSizing: Sendable {
    /// What the design is expected to do to a stratum's weights at a given n_h, before it is drawn.
    struct ExpectedEffects {
        /// deff_w, Kish's effect of the expected weights.
        var weighting: Double
        /// Whether the stratum's units are clustered (false when every commune would be taken).
        var clustered: Bool
    }

    let precisionBasis: PrecisionTarget
    /// Whether the basis is a stated target (or, for a given total, only the assumptions p = .5, 95 %, deff 1).
    let targetIsStated: Bool
    /// Whether the target holds in every stratum (per_stratum) rather than for the whole sample.
    let targetPerStratum: Bool
    /// p_h, in the order of the strata given.
    let proportions: [Double]
    let overallCalculation: SampleSizeCalculation?
    /// The whole-sample n from the formula and the n the design needed, when it was raised.
    let raisedTotal: (formula: Int, design: Int)?
    let allocation: Allocation?
    let perStratumCalculations: [SampleSizeCalculation]?
    /// n_h in the order of the strata given.
    let sizes: [Int]
    /// Whether a per-stratum target asked for more than the stratum's ceiling.
    let capped: [Bool]

    /// The precision column's assumptions when the size is given and no target is stated.
    static let givenTotalBasis = PrecisionTarget(margin: 0.05)

    init(strata: [Stratum], frameSizes: [Int], parameters: SampleDesignParameters, clusterTake: Int?,
         expectedEffects: (_ stratum: Int, _ sampleSize: Int) throws -> ExpectedEffects) throws {
        let basis: PrecisionTarget
        var perStratum = false
        var stated = true
        switch parameters.size {
        case .total:
            switch parameters.targetForGivenSize {
            case .totalForPrecision(let target): basis = target
            case .perStratumForPrecision(let target): basis = target; perStratum = true
            case .total, nil: basis = Self.givenTotalBasis; stated = false
            }
        case .totalForPrecision(let target):
            basis = target
        case .perStratumForPrecision(let target):
            basis = target
            perStratum = true
        }
        precisionBasis = basis
        targetIsStated = stated
        targetPerStratum = perStratum
        // Validate the target before anything else is derived from it.
        _ = try SampleSizeCalculation(target: basis, clusterTake: clusterTake)
        let proportions = try strata.map { stratum in
            let proportion = parameters.stratumProportions[stratum.id.rawValue] ?? basis.proportion
            guard proportion > 0, proportion < 1 else {
                throw SamplingError.proportionOutOfRange(proportion, context: "expected proportion of stratum \(stratum.id)")
            }
            return proportion
        }
        self.proportions = proportions
        let inputs = strata.indices.map { h in
            StratumAllocationInput.forProportion(
                proportions[h], stratumID: strata[h].id, populationSize: frameSizes[h],
                cost: parameters.stratumCosts[strata[h].id.rawValue] ?? 1, minimum: parameters.minimumPerStratum,
                maximum: parameters.maximumPerStratum)
        }
        func precision(_ h: Int, _ size: Int) throws -> DomainPrecision {
            let effects = try expectedEffects(h, size)
            return try DomainPrecision(sampleSize: size, frameSize: frameSizes[h], proportion: proportions[h],
                                       basis: basis, clusterTake: clusterTake, weightingEffect: effects.weighting,
                                       clustered: effects.clustered, perStratumTarget: perStratum)
        }
        func allocate(_ total: Int) throws -> Allocation {
            try Allocation(total: total, strata: inputs, method: parameters.allocation,
                           powerExponent: parameters.powerExponent)
        }

        switch parameters.size {
        case .total(let given):
            let allocation = try allocate(given)
            self.allocation = allocation
            overallCalculation = nil
            raisedTotal = nil
            perStratumCalculations = nil
            sizes = strata.map { allocation.size(of: $0.id) ?? 0 }
            capped = Array(repeating: false, count: strata.count)
        case .totalForPrecision(let target):
            let calculation = try SampleSizeCalculation(target: target, populationSize: frameSizes.reduce(0, +),
                                                        clusterTake: clusterTake)
            overallCalculation = calculation
            let capacity = inputs.reduce(0) { $0 + $1.upperBound }
            func overall(_ total: Int) throws -> OverallPrecision {
                let allocation = try allocate(total)
                let strataPrecision = try strata.indices.map { h in
                    (frameSizes[h], try precision(h, allocation.size(of: strata[h].id) ?? 0))
                }
                return OverallPrecision(strata: strataPrecision, confidence: target.confidence, target: target)
            }
            // The formula's n above the capacity is refused by the allocation: even a census falls short.
            var allocation = try allocate(calculation.sampleSize)
            if try !overall(calculation.sampleSize).meetsTarget {
                guard let needed = try Self.smallestSize(from: calculation.sampleSize + 1, upTo: capacity,
                                                         holds: { try overall($0).meetsTarget })
                else {
                    let best = try overall(capacity)
                    throw SamplingError.unmeetableSetting(
                        key: "precision.margin",
                        expected: "a margin the strata can reach with this allocation",
                        found: "±\(Self.points(best.targetMargin ?? 0)): even all \(capacity) units the strata can "
                            + "give reach only ±\(Self.points(best.absolute))")
                }
                allocation = try allocate(needed)
            }
            self.allocation = allocation
            raisedTotal = allocation.total > calculation.sampleSize ? (calculation.sampleSize, allocation.total) : nil
            perStratumCalculations = nil
            sizes = strata.map { allocation.size(of: $0.id) ?? 0 }
            capped = Array(repeating: false, count: strata.count)
        case .perStratumForPrecision(let target):
            let calculations = try strata.indices.map { h in
                var own = target
                own.proportion = proportions[h]
                return try SampleSizeCalculation(target: own, populationSize: frameSizes[h], clusterTake: clusterTake)
            }
            var bounded: [Int] = []
            var wasCapped: [Bool] = []
            for (h, input) in inputs.enumerated() {
                if let maximum = input.maximum, maximum < input.minimum || input.minimum < 0 {
                    throw SamplingError.invalidStratumBounds(minimum: input.minimum, maximum: maximum)
                }
                let start = min(max(calculations[h].sampleSize, input.lowerBound), input.upperBound)
                let needed = try Self.smallestSize(from: start, upTo: input.upperBound,
                                                   holds: { try precision(h, $0).meetsTarget })
                bounded.append(needed ?? input.upperBound)
                wasCapped.append(needed == nil)
            }
            allocation = nil
            overallCalculation = nil
            raisedTotal = nil
            perStratumCalculations = calculations
            sizes = bounded
            capped = wasCapped
        }
    }

    /// The smallest n in [from, upTo] for which `holds` is true, assuming it stays true above (the margin falls
    /// as n grows): doubling steps, then bisection, so a few dozen evaluations at most. nil when none holds.
    static func smallestSize(from start: Int, upTo limit: Int, holds: (Int) throws -> Bool) throws -> Int? {
        guard start <= limit else { return nil }
        if try holds(start) { return start }
        var failing = start
        var step = 1
        var passing: Int?
        while passing == nil {
            let candidate = min(failing + step, limit)
            if try holds(candidate) {
                passing = candidate
            } else {
                guard candidate < limit else { return nil }
                failing = candidate
                step *= 2
            }
        }
        var high = passing!
        while high - failing > 1 {
            let middle = failing + (high - failing) / 2
            if try holds(middle) { high = middle } else { failing = middle }
        }
        return high
    }

    static func points(_ margin: Double) -> String {
        String(format: "%.2f%%", margin * 100)
    }
}
