import Foundation

/// The design corpus's own arithmetic, written from the formulas of docs/sampling.md and not from the library's
/// code: allocation by bisection on λ (the library scans breakpoints), inclusion probabilities, exact joint
/// probabilities of systematic selection from the geometry of the random start, margins. Nothing here calls
/// PlannerSampling.
enum CorpusReference {
    /// z for 95 % confidence, the only level the corpus uses (Φ⁻¹(0.975) from Python's `NormalDist`).
    static let z95 = 1.959963984540054

    enum Method: String, CaseIterable, Sendable {
        case equal, proportional, neyman, costOptimal, power, kish
    }

    /// a_h of each rule (docs/sampling.md §2), for a proportion P_h: S_h = √(P_h(1 − P_h)), Ȳ_h = P_h.
    static func allocationWeights(_ method: Method, frameSizes: [Int], proportions: [Double], costs: [Double],
                                  powerExponent: Double) -> [Double] {
        let total = Double(frameSizes.reduce(0, +))
        let strata = Double(frameSizes.count)
        return frameSizes.indices.map { h in
            let size = Double(frameSizes[h])
            let deviation = (proportions[h] * (1 - proportions[h])).squareRoot()
            switch method {
            case .equal: return 1
            case .proportional: return size
            case .neyman: return size * deviation
            case .costOptimal: return size * deviation / costs[h].squareRoot()
            case .power: return pow(size, powerExponent) * deviation / proportions[h]
            case .kish: return ((size / total) * (size / total) + 1 / (strata * strata)).squareRoot()
            }
        }
    }

    /// The whole-number allocation of `total`, or nil when Σl_h > n or n > Σu_h (the design is then refused).
    ///
    /// λ is found by bisection on the non-decreasing Σ clamp(λ·a_h, l_h, u_h); once it is close, the strata at a
    /// bound are fixed and λ is solved exactly among the free ones. Whole numbers: floors, then one more unit to the
    /// largest fractional parts; fractions within 1e-9 of each other are a tie, broken by stratum ID (the
    /// documented rule, whatever the last bit of floating point says).
    static func allocate(total: Int, weights: [Double], lower: [Int], upper: [Int], ids: [String]) -> [Int]? {
        guard lower.reduce(0, +) <= total, total <= upper.reduce(0, +) else { return nil }
        let n = Double(total)
        func sum(_ lambda: Double) -> Double {
            weights.indices.reduce(0.0) { $0 + min(max(lambda * weights[$1], Double(lower[$1])), Double(upper[$1])) }
        }
        var low = 0.0
        var high = weights.indices.map { Double(upper[$0]) / weights[$0] }.max()! * 2
        for _ in 0..<300 {
            let middle = (low + high) / 2
            if sum(middle) < n { low = middle } else { high = middle }
        }
        let lambda = (low + high) / 2
        var fixed = 0.0
        var freeWeight = 0.0
        var isFree = Array(repeating: false, count: weights.count)
        for h in weights.indices {
            let scaled = lambda * weights[h]
            if scaled <= Double(lower[h]) + 1e-12 { fixed += Double(lower[h]) }
            else if scaled >= Double(upper[h]) - 1e-12 { fixed += Double(upper[h]) }
            else { freeWeight += weights[h]; isFree[h] = true }
        }
        let exact = freeWeight > 0 ? (n - fixed) / freeWeight : lambda
        let targets = weights.indices.map { h in
            isFree[h] ? exact * weights[h] : min(max(lambda * weights[h], Double(lower[h])), Double(upper[h]))
        }
        var sizes = targets.indices.map { h in min(max(Int((targets[h] + 1e-9).rounded(.down)), lower[h]), upper[h]) }
        let fractions = targets.indices.map { max(0, targets[$0] - Double(sizes[$0])) }
        let order = targets.indices.sorted { i, j in
            abs(fractions[i] - fractions[j]) > 1e-9 ? fractions[i] > fractions[j] : ids[i] < ids[j]
        }
        var remainder = total - sizes.reduce(0, +)
        while remainder > 0 {
            for h in order where remainder > 0 && sizes[h] < upper[h] {
                sizes[h] += 1
                remainder -= 1
            }
        }
        return sizes
    }

    /// π_k ∝ x_k with certainty extraction: units forced, or reaching π ≥ 1, are taken with π = 1 and the rest
    /// share n minus the certainties, until nothing new reaches 1.
    static func ppsProbabilities(sizes: [Double], sampleSize: Int, forced: [Bool]) -> [Double] {
        var certain = forced
        while true {
            let open = sizes.indices.filter { !certain[$0] }
            let remaining = Double(sampleSize - (sizes.count - open.count))
            let openSize = open.reduce(0.0) { $0 + sizes[$1] }
            var moved = false
            for k in open where openSize > 0 && remaining * sizes[k] / openSize >= 1 - 1e-9 {
                certain[k] = true
                moved = true
            }
            if !moved {
                return sizes.indices.map { k in
                    certain[k] ? 1 : (openSize > 0 ? remaining * sizes[k] / openSize : 0)
                }
            }
        }
    }

    /// Exact joint inclusion probabilities of systematic selection on a line: unit k covers
    /// [C_{k−1}, C_k) (C the cumulative π of the units given, each π < 1), and the sample is the units that contain
    /// u, u + 1, … for one u uniform in [0, 1). Unit k is drawn iff u lies in its interval taken modulo 1, so
    /// π_kl is the length of the overlap of the two intervals modulo 1. Equal-probability systematic selection with
    /// the fractional interval N/n is this line with every π = n/N.
    static func systematicJoint(_ probabilities: [Double]) -> [[Double]] {
        var pieces: [[(Double, Double)]] = []
        var cumulative = 0.0
        for probability in probabilities {
            let start = cumulative
            cumulative += probability
            let a = start - start.rounded(.down)
            let b = a + probability
            pieces.append(b <= 1 ? [(a, b)] : [(a, 1), (0, b - 1)])
        }
        return probabilities.indices.map { k in
            probabilities.indices.map { l in
                if k == l { return probabilities[k] }
                var overlap = 0.0
                for (a1, b1) in pieces[k] {
                    for (a2, b2) in pieces[l] { overlap += max(0, min(b1, b2) - max(a1, a2)) }
                }
                return overlap
            }
        }
    }

    /// The margin of a proportion at n units from a stratum of N: z·√(deff·p(1−p)/n'·(N − n')/(N − 1)),
    /// n' = n·RR; 0 for a census of respondents, ∞ for no unit.
    static func margin(sampleSize: Int, frameSize: Int, proportion p: Double, designEffect: Double,
                       responseRate: Double) -> Double {
        let responding = Double(sampleSize) * responseRate
        if responding <= 0 { return .infinity }
        let frame = Double(frameSize)
        if responding >= frame { return 0 }
        return z95 * (designEffect * p * (1 - p) / responding * (frame - responding) / (frame - 1)).squareRoot()
    }

    /// n = ⌈deff·n0 / (1 + (deff·n0 − 1)/N) / RR⌉, n0 = z²p(1−p)/e².
    static func formulaSize(proportion p: Double, margin e: Double, designEffect: Double, frameSize: Int,
                            responseRate: Double) -> Int {
        let n1 = designEffect * z95 * z95 * p * (1 - p) / (e * e)
        let n2 = n1 / (1 + (n1 - 1) / Double(frameSize))
        return Int((n2 / responseRate - 1e-9).rounded(.up))
    }

    /// Kish's expected weighting effect before the draw: E[n]·Σ_k 1/π_k / N² over the frame.
    static func expectedKishEffect(_ probabilities: [Double]) -> Double {
        let drawable = probabilities.filter { $0 > 0 }
        let frame = Double(drawable.count)
        return drawable.reduce(0, +) * drawable.reduce(0) { $0 + 1 / $1 } / (frame * frame)
    }

    /// Kish's effect n·Σw²/(Σw)² of drawn weights.
    static func kishEffect(_ weights: [Double]) -> Double {
        guard !weights.isEmpty else { return 1 }
        let sum = weights.reduce(0, +)
        return Double(weights.count) * weights.reduce(0) { $0 + $1 * $1 } / (sum * sum)
    }

    /// The two-sided Bonferroni bound for `count` z-scores at a family-wise level of 0.1 %, never below 4.5:
    /// the inverse normal by bisection on erfc, so that it owes nothing to the library's quantile.
    static func zBound(count: Int) -> Double {
        let tail = 0.001 / (2 * Double(max(count, 1)))
        var low = 0.0
        var high = 40.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if erfc(middle / 2.squareRoot()) / 2 > tail { low = middle } else { high = middle }
        }
        return max(4.5, (low + high) / 2)
    }
}
