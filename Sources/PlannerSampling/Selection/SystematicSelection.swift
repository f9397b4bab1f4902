/// Systematic sampling with a fractional interval, on frame positions 0..<N in the frame's order.
///
/// The interval is k = N/n as a real number; with u uniform in [0, k), the sample is the positions
/// ⌊u + j·k⌋, j = 0…n−1. Each position i covers [i, i+1) of [0, N), and the n points fall one in each
/// interval of length k ≥ 1, so every position has probability exactly 1/k = n/N — including the tail
/// positions that an integer interval ⌊N/n⌋ never reaches (samplics gives them probability 0). The sort
/// order of the frame acts as implicit stratification.
public enum SystematicSelection {
    /// - Returns: n distinct positions in ascending order.
    /// - Throws: `SamplingError.sampleExceedsFrame` when n > N, `.negativeSampleSize` when n < 0.
    public static func select(sampleSize: Int, frameSize: Int,
                              using generator: inout some RandomNumberGenerator) throws -> [Int] {
        guard sampleSize >= 0 else { throw SamplingError.negativeSampleSize(sampleSize) }
        guard sampleSize <= frameSize else {
            throw SamplingError.sampleExceedsFrame(sampleSize: sampleSize, frameSize: frameSize)
        }
        if sampleSize == 0 { return [] }
        if sampleSize == frameSize { return Array(0..<frameSize) }
        let start = generator.nextUnitInterval()  // u/k, in [0, 1)
        let interval = Double(frameSize) / Double(sampleSize)
        var positions: [Int] = []
        positions.reserveCapacity(sampleSize)
        for j in 0..<sampleSize {
            // ⌊(u/k + j)·k⌋; (u/k + j) < n, so the position is below N up to rounding, which the clamp absorbs.
            let position = min(Int(((start + Double(j)) * interval).rounded(.down)), frameSize - 1)
            positions.append(position)
        }
        return positions
    }
}
