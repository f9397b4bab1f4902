/// Rounding of real-valued stratum targets to whole numbers that keep their total and their bounds.
enum LargestRemainder {
    /// Floors, then one more unit each to the largest fractional parts (ties by key), never above `upper`.
    ///
    /// Requires lower ≤ targets ≤ upper element-wise (lower and upper whole) and Σtargets = total up to
    /// floating-point error; then floors are ≥ lower and the remainder is at most the number of strata with a
    /// fractional part, so the total is met exactly.
    static func round(targets: [Double], total: Int, lower: [Int], upper: [Int], tieBreakKeys: [String]) -> [Int] {
        var sizes = targets.indices.map { h in min(max(Int(targets[h].rounded(.down)), lower[h]), upper[h]) }
        var remainder = total - sizes.reduce(0, +)
        let order = targets.indices.sorted { i, j in
            let fractionI = targets[i] - targets[i].rounded(.down)
            let fractionJ = targets[j] - targets[j].rounded(.down)
            return fractionI != fractionJ ? fractionI > fractionJ : tieBreakKeys[i] < tieBreakKeys[j]
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
