/// Systematic selection with unequal probabilities (PPS systematic), on frame positions in the frame's order.
///
/// Certainty units (π = 1) are taken first. The others lie end to end on a line, unit k covering
/// [C_{k−1}, C_k) with C the cumulative π; with u uniform in [0, 1), the sample is the units containing
/// u, u + 1, …, u + n' − 1, n' = n − #certain. Since every π_k < 1 and the points are 1 apart, each unit
/// contains at most one point, and it contains one with probability exactly π_k (Madow 1949; R's
/// `sampling::UPsystematic`). The sample size is fixed. Many joint probabilities are zero, which is the price
/// of the implicit stratification the frame order gives.
public enum PPSSystematicSelection {
    /// - Returns: the selected positions in ascending order, certainty units included.
    public static func select(_ inclusion: InclusionProbabilities,
                              using generator: inout some RandomNumberGenerator) -> [Int] {
        let probabilities = inclusion.probabilities
        var selected: [Int] = []
        var cumulative = 0.0
        var uncertainTotal = 0.0
        for k in probabilities.indices where !inclusion.isCertain[k] { uncertainTotal += probabilities[k] }
        let draws = Int(uncertainTotal.rounded())
        let start = generator.nextUnitInterval()
        var nextPoint = start
        var pointsLeft = draws
        var lastUncertain: Int?
        for k in probabilities.indices {
            if inclusion.isCertain[k] {
                selected.append(k)
                continue
            }
            guard probabilities[k] > 0 else { continue }
            lastUncertain = k
            cumulative += probabilities[k]
            if pointsLeft > 0 && nextPoint < cumulative {
                selected.append(k)
                pointsLeft -= 1
                nextPoint += 1
            }
        }
        // Σπ falls short of n' by rounding error only; the last point then belongs to the last unit.
        if pointsLeft > 0, let lastUncertain, selected.last != lastUncertain {
            selected.append(lastUncertain)
            selected.sort()
        }
        return selected
    }
}
