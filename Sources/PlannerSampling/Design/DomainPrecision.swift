import PlannerCore

/// The precision a stratum's sample gives for a proportion, with every component of its design effect.
///
/// The variance of p̂_h is deff_h·p_h(1−p_h)/n'_h·(N_h − n'_h)/(N_h − 1), n'_h = n_h·RR·E the expected
/// respondents, and deff_h = deff_c·deff_w: the clustering effect (given, or 1 + (m − 1)·ICC) times Kish's
/// weighting effect n·Σw²/(Σw)² of the stratum's weights (Kish 1965 §11.7; the product is the approximation of
/// Gabler, Häder & Lahiri 1999, exact when the variable is unrelated to the weights). SRS and systematic strata
/// have equal weights and deff_w = 1; PPS strata and two-stage strata with unequal takes do not, and a margin that
/// ignores deff_w is too small by √deff_w.
public struct DomainPrecision: Hashable, Sendable {
    /// p_h: the stratum's expected proportion (`stratum_proportions`, else the target's p).
    public let proportion: Double
    /// deff_c.
    public let clusteringEffect: Double
    /// deff_w.
    public let weightingEffect: Double
    /// The margin from deff_c·deff_w, at the stratum's own p_h.
    public let margin: ExpectedMargin
    /// The absolute margin the per-stratum target asks for at p_h (r·p_h when relative); nil when the
    /// target is for the whole sample or none is stated.
    public let targetMargin: Double?

    public var designEffect: Double { clusteringEffect * weightingEffect }
    /// Whether the stratum meets its own target (true when it has none).
    public var meetsTarget: Bool { targetMargin.map { margin.absolute <= $0 + 1e-12 } ?? true }

    /// - Parameters:
    ///   - basis: the target or assumptions (confidence, deff or ICC, rates); its p is replaced by `proportion`.
    ///   - perStratumTarget: whether `basis` is a target for each stratum.
    ///   - clustered: false when every cluster of the stratum is taken (two-stage with every commune certain):
    ///     the communes are then strata, not clusters, and deff_c = 1.
    init(sampleSize: Int, frameSize: Int, proportion: Double, basis: PrecisionTarget, clusterTake: Int?,
         weightingEffect: Double, clustered: Bool = true, perStratumTarget: Bool) throws {
        var target = basis
        target.proportion = proportion
        let clustering = clustered
            ? try SampleSizeCalculation.designEffect(of: target, clusterTake: clusterTake).value : 1
        target.designEffect = .given(clustering * weightingEffect)
        self.proportion = proportion
        clusteringEffect = clustering
        self.weightingEffect = weightingEffect
        margin = try SampleSizeCalculation.expectedMargin(sampleSize: sampleSize, target: target,
                                                          populationSize: frameSize)
        targetMargin = perStratumTarget ? SampleSizeCalculation.absoluteMargin(of: target) : nil
    }

    /// Kish's weighting effect n·Σw²/(Σw)² of the weights `weights`; 1 for none.
    public static func kishEffect(of weights: some Collection<Double>) -> Double {
        guard !weights.isEmpty else { return 1 }
        let sum = weights.reduce(0, +)
        let squares = weights.reduce(0) { $0 + $1 * $1 }
        return Double(weights.count) * squares / (sum * sum)
    }

    /// The weighting effect a design is expected to have before it is drawn: n·Σ_k 1/π_k / N² over the frame,
    /// which is E[Σw²]/n·n²/N² with E[n] = Σπ and E[Σw] = N: the Kish effect of the expected sample. It is 1
    /// exactly when every π is equal.
    static func expectedKishEffect(probabilities: some Sequence<(probability: Double, count: Double)>) -> Double {
        var expectedSize = 0.0
        var inverseSum = 0.0
        var frame = 0.0
        for (probability, count) in probabilities where probability > 0 {
            expectedSize += probability * count
            inverseSum += count / probability
            frame += count
        }
        guard frame > 0 else { return 1 }
        return expectedSize * inverseSum / (frame * frame)
    }
}

/// The whole sample's precision: the strata combined as z·√(Σ W_h²·V_h), W_h = N_h/N, at p = Σ W_h·p_h.
public struct OverallPrecision: Hashable, Sendable {
    public let proportion: Double
    public let absolute: Double
    public var relative: Double { absolute / proportion }
    /// The absolute margin the whole-sample target asks for; nil when the target is per stratum or none is stated.
    public let targetMargin: Double?
    public var meetsTarget: Bool { targetMargin.map { absolute <= $0 + 1e-12 } ?? true }

    init(strata: [(frameSize: Int, precision: DomainPrecision)], confidence: Double, target: PrecisionTarget?) {
        let z = StandardNormal.twoSidedCriticalValue(confidence: confidence)
        let total = Double(strata.reduce(0) { $0 + $1.frameSize })
        var variance = 0.0
        var proportion = 0.0
        for (frameSize, precision) in strata {
            let share = Double(frameSize) / total
            let standardError = precision.margin.absolute / z
            variance += share * share * standardError * standardError
            proportion += share * precision.proportion
        }
        self.proportion = proportion
        absolute = z * variance.squareRoot()
        targetMargin = target.map { $0.marginKind == .absolute ? $0.margin : $0.margin * proportion }
    }
}
