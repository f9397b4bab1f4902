/// The only two ways the library turns generator output into numbers, fixed here so that a seed keeps giving
/// the same sample whatever the Swift version (the standard library's `random(in:)` makes no such promise).
extension RandomNumberGenerator {
    /// A uniform Double in [0, 1) from the top 53 bits of one draw: every multiple of 2⁻⁵³ equally likely.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in 0..<bound, without modulo bias, by Lemire's multiply-and-reject method.
    ///
    /// Lemire, D. (2019), "Fast random integer generation in an interval", ACM TOMACS 29(1):3. The 128-bit
    /// product of a draw and `bound` puts the result in its high word; draws whose low word falls below
    /// 2⁶⁴ mod bound are rejected, which leaves exactly ⌊2⁶⁴/bound⌋ draws for every result.
    /// - Precondition: `bound > 0`.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }
}
