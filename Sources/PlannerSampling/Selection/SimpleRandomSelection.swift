/// Simple random sampling without replacement, on frame positions 0..<N.
///
/// Every subset of size n is equally likely, so π_k = n/N and π_kl = n(n−1)/(N(N−1)).
public enum SimpleRandomSelection {
    /// n distinct positions of 0..<N in random order: the first k of the result are themselves a simple random
    /// sample of size k, for every k ≤ n, which is what makes reserve lists drawn this way releasable in order.
    ///
    /// A partial Fisher–Yates shuffle of a virtual array (only displaced entries are stored), so the cost is
    /// O(n) in time and memory whatever N. Every ordered n-tuple of distinct positions is equally likely.
    /// - Throws: `SamplingError.sampleExceedsFrame` when n > N, `.negativeSampleSize` when n < 0.
    public static func orderedDraw(count: Int, from frameSize: Int,
                                   using generator: inout some RandomNumberGenerator) throws -> [Int] {
        guard count >= 0 else { throw SamplingError.negativeSampleSize(count) }
        guard count <= frameSize else { throw SamplingError.sampleExceedsFrame(sampleSize: count, frameSize: frameSize) }
        var displaced: [Int: Int] = [:]  // position → value, for positions that no longer hold themselves
        var drawn: [Int] = []
        drawn.reserveCapacity(count)
        for position in 0..<count {
            let other = position + generator.nextIndex(below: frameSize - position)
            let valueAtOther = displaced[other] ?? other
            let valueAtPosition = displaced[position] ?? position
            displaced[other] = valueAtPosition
            drawn.append(valueAtOther)
        }
        return drawn
    }

    /// A simple random sample of n positions of 0..<N, in ascending order.
    public static func select(sampleSize: Int, frameSize: Int,
                              using generator: inout some RandomNumberGenerator) throws -> [Int] {
        try orderedDraw(count: sampleSize, from: frameSize, using: &generator).sorted()
    }
}
