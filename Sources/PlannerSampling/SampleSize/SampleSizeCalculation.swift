import Foundation
import PlannerCore

/// The sample size that meets a precision target for a proportion, with every intermediate kept for the report.
///
/// The steps, in this order (see docs/sampling.md §1):
/// 1. `n0 = z²·p(1−p)/e²`, with z = Φ⁻¹(1 − α/2) and e the absolute margin (relative: e = r·p);
/// 2. `n1 = deff·n0` — the design effect is defined relative to simple random sampling *without* replacement;
/// 3. `n2 = n1 / (1 + (n1 − 1)/N)` when the frame size N is known: the finite population correction applied
///    *after* the design effect (samplics applies it before, which gives 840 instead of 784 for p = .5,
///    e = .05, N = 5000, deff 2, response .85);
/// 4. `n3 = n2 / (response rate × eligibility rate)`, and `n = ⌈n3⌉`.
///
/// The ceiling ignores a floating-point excess below 1e-9 so that a mathematically whole n3 is not rounded up.
public struct SampleSizeCalculation: Hashable, Sendable {
    public let proportion: Double
    /// The margin as given, and whether it is absolute or relative to p.
    public let margin: Double
    public let marginKind: PrecisionTarget.MarginKind
    /// e: the absolute half-width of the confidence interval.
    public let absoluteMargin: Double
    public let confidence: Double
    /// z = Φ⁻¹(1 − α/2).
    public let criticalValue: Double
    /// The cluster take m and intraclass correlation when the design effect is 1 + (m − 1)·ICC.
    public let clusterTake: Int?
    public let intraclassCorrelation: Double?
    public let designEffect: Double
    /// N, when the finite population correction applies.
    public let populationSize: Int?
    public let responseRate: Double
    public let eligibilityRate: Double
    /// n0: simple random sampling from an infinite population.
    public let simpleRandomSize: Double
    /// n1 = deff·n0.
    public let sizeAfterDesignEffect: Double
    /// n2: after the finite population correction (equal to n1 when N is unknown).
    public let sizeAfterFinitePopulationCorrection: Double
    /// n3 = n2 / (response × eligibility), before rounding.
    public let sizeAfterNonresponse: Double
    /// ⌈n3⌉: the units to select.
    public let sampleSize: Int

    /// Sizes a sample for `target`.
    /// - Parameters:
    ///   - populationSize: N for the finite population correction; nil to ignore it (an infinite frame).
    ///   - clusterTake: m, used when the target's design effect is `fromClusterTake(icc:)`; 1 (no clustering,
    ///     deff 1) when nil.
    /// - Throws: `SamplingError` for p, margin, confidence, rates or deff out of range, or N ≤ 0.
    public init(target: PrecisionTarget, populationSize: Int? = nil, clusterTake: Int? = nil) throws {
        try Self.validate(target)
        if let populationSize, populationSize <= 0 { throw SamplingError.invalidPopulationSize(populationSize) }
        let (deff, take, icc) = try Self.designEffect(of: target, clusterTake: clusterTake)
        proportion = target.proportion
        margin = target.margin
        marginKind = target.marginKind
        absoluteMargin = Self.absoluteMargin(of: target)
        confidence = target.confidence
        criticalValue = StandardNormal.twoSidedCriticalValue(confidence: target.confidence)
        self.clusterTake = take
        intraclassCorrelation = icc
        designEffect = deff
        self.populationSize = populationSize
        responseRate = target.responseRate
        eligibilityRate = target.eligibilityRate

        simpleRandomSize = criticalValue * criticalValue * proportion * (1 - proportion)
            / (absoluteMargin * absoluteMargin)
        sizeAfterDesignEffect = designEffect * simpleRandomSize
        if let populationSize {
            let frame = Double(populationSize)
            sizeAfterFinitePopulationCorrection = sizeAfterDesignEffect / (1 + (sizeAfterDesignEffect - 1) / frame)
        } else {
            sizeAfterFinitePopulationCorrection = sizeAfterDesignEffect
        }
        sizeAfterNonresponse = sizeAfterFinitePopulationCorrection / (responseRate * eligibilityRate)
        // A size past any frame (a margin of 1e-10, a rate of 1e-320) must be refused, not turned into an Int.
        guard sizeAfterNonresponse.isFinite, sizeAfterNonresponse < Self.largestSampleSize else {
            throw SamplingError.sampleSizeBeyondRange(sizeAfterNonresponse)
        }
        sampleSize = Int((sizeAfterNonresponse - 1e-9).rounded(.up))
    }

    /// The margin of error expected from `sampleSize` selected units: the inverse of the calculation.
    ///
    /// The responding eligible units are n' = n·RR·E; undoing the correction gives
    /// `e = z·√(deff·p(1−p)/n' · (N − n')/(N − 1))` (without the last factor when N is unknown). Zero when n'
    /// covers the whole frame; infinite when n' is zero.
    /// - Throws: as `init`, and for a negative sample size.
    public static func expectedMargin(sampleSize: Int, target: PrecisionTarget, populationSize: Int? = nil,
                                      clusterTake: Int? = nil) throws -> ExpectedMargin {
        try validate(target)
        guard sampleSize >= 0 else { throw SamplingError.negativeSampleSize(sampleSize) }
        if let populationSize, populationSize <= 0 { throw SamplingError.invalidPopulationSize(populationSize) }
        let deff = try designEffect(of: target, clusterTake: clusterTake).value
        let z = StandardNormal.twoSidedCriticalValue(confidence: target.confidence)
        let p = target.proportion
        let responding = Double(sampleSize) * target.responseRate * target.eligibilityRate
        let absolute: Double
        if responding <= 0 {
            absolute = .infinity
        } else if let populationSize, responding >= Double(populationSize) {
            absolute = 0
        } else {
            var variance = deff * p * (1 - p) / responding
            if let populationSize, populationSize > 1 {
                let frame = Double(populationSize)
                variance *= (frame - responding) / (frame - 1)
            }
            absolute = z * variance.squareRoot()
        }
        return ExpectedMargin(absolute: absolute, relative: absolute / p, proportion: p,
                              confidence: target.confidence, designEffect: deff, respondingUnits: responding)
    }

    /// Far above any frame a survey draws from, and far below `Int.max`.
    static let largestSampleSize = 1e15

    static func validate(_ target: PrecisionTarget) throws {
        let p = target.proportion
        guard p > 0, p < 1 else { throw SamplingError.proportionOutOfRange(p, context: "precision target") }
        // Φ⁻¹ of a confidence within 1e-15 of 1 is past the range of z that the calculation can use.
        guard target.confidence > 0, target.confidence < 1 - 1e-12 else {
            throw SamplingError.confidenceOutOfRange(target.confidence)
        }
        let e = absoluteMargin(of: target)
        guard target.margin.isFinite, target.margin > 0, e < 1 else { throw SamplingError.invalidMargin(target.margin) }
        for (name, rate) in [("response rate", target.responseRate), ("eligibility rate", target.eligibilityRate)] {
            guard rate > 0, rate <= 1 else { throw SamplingError.rateOutOfRange(name: name, value: rate) }
        }
    }

    static func absoluteMargin(of target: PrecisionTarget) -> Double {
        switch target.marginKind {
        case .absolute: target.margin
        case .relative: target.margin * target.proportion
        }
    }

    /// deff, with the take and ICC it came from when it is 1 + (m − 1)·ICC.
    static func designEffect(of target: PrecisionTarget, clusterTake: Int?)
        throws -> (value: Double, take: Int?, icc: Double?)
    {
        switch target.designEffect {
        case .given(let deff):
            guard deff.isFinite, deff > 0 else { throw SamplingError.invalidDesignEffect(deff) }
            return (deff, nil, nil)
        case .fromClusterTake(let icc):
            let take = clusterTake ?? 1
            guard take > 0 else { throw SamplingError.invalidClusterTake(take) }
            let deff = 1 + Double(take - 1) * icc
            guard icc.isFinite, deff.isFinite, deff > 0 else { throw SamplingError.invalidDesignEffect(deff) }
            return (deff, take, icc)
        }
    }
}

/// The precision a given sample size is expected to reach, for the allocation table.
public struct ExpectedMargin: Hashable, Sendable {
    /// Half-width of the confidence interval of p, in proportion points.
    public let absolute: Double
    /// absolute ÷ p.
    public let relative: Double
    public let proportion: Double
    public let confidence: Double
    public let designEffect: Double
    /// n·RR·E: the interviews expected.
    public let respondingUnits: Double
}
