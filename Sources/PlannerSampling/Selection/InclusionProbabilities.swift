/// Inclusion probabilities proportional to size, with certainty units extracted until none is left above 1.
///
/// π_k = n·x_k/Σx. Any unit with π_k ≥ 1 is taken with certainty (π = 1) and the rest are recomputed with
/// n' = n − #certain over the sizes of the units not yet certain, repeatedly, until no new unit reaches 1
/// (as `sampling::inclusionprobabilities` in R; one pass is not enough: sizes (5000, 900, 120, 110, …) with
/// n = 5 make the second unit certain only at the second pass). Units with π within 1e-9 of 1 are taken as
/// certain too, so that floating-point error cannot leave a unit at 0.999999999999 in the systematic pass.
///
/// Guarantees: every π in [0, 1], zero exactly for zero sizes, and Σπ = n up to floating-point rounding
/// (checked to 1e-9 in the tests).
public struct InclusionProbabilities: Hashable, Sendable {
    /// π_k in frame order.
    public let probabilities: [Double]
    /// Whether unit k is taken with certainty.
    public let isCertain: [Bool]
    /// Extraction passes until nothing moved.
    public let passes: Int

    /// - Parameters:
    ///   - sizes: x_k ≥ 0 in frame order.
    ///   - sampleSize: n, at most the number of units with a positive size.
    ///   - forcedCertain: units taken with certainty whatever their size (an employee threshold); nil for none.
    /// - Throws: `SamplingError` for a negative size, n above the positive-size units, or more forced
    ///   certainties than n.
    public init(sizes: [Double], sampleSize: Int, forcedCertain: [Bool]? = nil) throws {
        guard sampleSize >= 0 else { throw SamplingError.negativeSampleSize(sampleSize) }
        for (k, size) in sizes.enumerated() where !(size >= 0 && size.isFinite) {
            throw SamplingError.negativeSizeMeasure(unitID: "position \(k)", size: size)
        }
        let positiveCount = sizes.filter { $0 > 0 }.count
        var certain = forcedCertain ?? Array(repeating: false, count: sizes.count)
        let forcedCount = certain.filter { $0 }.count
        guard forcedCount <= sampleSize else {
            throw SamplingError.tooManyCertaintyUnits(count: forcedCount, sampleSize: sampleSize)
        }
        let drawable = positiveCount + sizes.indices.filter { certain[$0] && sizes[$0] == 0 }.count
        guard sampleSize <= drawable else {
            throw SamplingError.sampleExceedsFrame(sampleSize: sampleSize, frameSize: drawable)
        }
        var probabilities = Array(repeating: 0.0, count: sizes.count)
        var passes = 0
        while true {
            passes += 1
            let certainCount = certain.filter { $0 }.count
            let remaining = Double(sampleSize - certainCount)
            let remainingSize = sizes.indices.reduce(0.0) { certain[$1] ? $0 : $0 + sizes[$1] }
            var newCertain = false
            for k in sizes.indices {
                if certain[k] {
                    probabilities[k] = 1
                } else {
                    probabilities[k] = remainingSize > 0 ? remaining * sizes[k] / remainingSize : 0
                    if probabilities[k] >= 1 - 1e-9 {
                        certain[k] = true
                        newCertain = true
                    }
                }
            }
            if !newCertain { break }
        }
        self.probabilities = probabilities
        self.isCertain = certain
        self.passes = passes
    }

    public var certaintyCount: Int { isCertain.filter { $0 }.count }
}
