/// Rounding of real-valued stratum targets to whole numbers that keep their total and their bounds.
enum LargestRemainder {
    /// Far above the error of a target (a few ulps of n), far below any fraction a design can mean.
    static let tieTolerance = 1e-9

    /// Floors, then one more unit each to the largest fractional parts (ties by key), never above `upper`.
    ///
    /// Requires lower ≤ targets ≤ upper element-wise (lower and upper whole) and Σtargets = total up to
    /// floating-point error; then floors are ≥ lower and the remainder is at most the number of strata with a
    /// fractional part, so the total is met exactly.
    ///
    /// Fractions within `tieTolerance` of each other are a tie: targets that are equal in exact arithmetic
    /// (3.5 and 4.5 after bounds fix two strata) differ in their last bits by the order of the operations, and the
    /// documented tie-break by key must not depend on that (the design corpus found Neyman 16 over (7, 10, 12, 5)
    /// giving the extra unit to EN-943 instead of EN-941).
    static func round(targets: [Double], total: Int, lower: [Int], upper: [Int], tieBreakKeys: [String]) -> [Int] {
        var sizes = targets.indices.map { h in min(max(Int(targets[h].rounded(.down)), lower[h]), upper[h]) }
        var remainder = total - sizes.reduce(0, +)
        let fractions = targets.map { $0 - $0.rounded(.down) }
        let order = targets.indices.sorted { i, j in
            abs(fractions[i] - fractions[j]) > tieTolerance
                ? fractions[i] > fractions[j] : tieBreakKeys[i] < tieBreakKeys[j]
        }
        // A second pass only matters if floating-point error left a remainder larger than the fractional
        // parts account for.
        while remainder > 0 {
            var moved = false
            for h in order where remainder > 0 && sizes[h] < upper[h] {
                sizes[h] += 1
                remainder -= 1
                moved = true
            }
            precondition(moved, "rounding: the total exceeds the sum of the ceilings (checked by the caller)")
        }
        while remainder < 0 {
            var moved = false
            for h in order.reversed() where remainder < 0 && sizes[h] > lower[h] {
                sizes[h] -= 1
                remainder += 1
                moved = true
            }
            precondition(moved, "rounding: the floors exceed the total (checked by the caller)")
        }
        return sizes
    }
}
