import PlannerSampling

/// Helpers for Monte Carlo checks of inclusion probabilities.
enum MonteCarlo {
    /// max_k |z_k|, z_k = (f_k − π_k)/√(π_k(1−π_k)/R), over units with 0 < π_k < 1.
    static func maxAbsZ(counts: [Int], probabilities: [Double], replicates: Int) -> Double {
        var worst = 0.0
        for k in counts.indices where probabilities[k] > 0 && probabilities[k] < 1 {
            let frequency = Double(counts[k]) / Double(replicates)
            let standardError = (probabilities[k] * (1 - probabilities[k]) / Double(replicates)).squareRoot()
            worst = max(worst, abs(frequency - probabilities[k]) / standardError)
        }
        return worst
    }

    /// The two-sided Bonferroni bound for `units` z-scores at a family-wise level of 0.1 %.
    static func bonferroniBound(units: Int) -> Double {
        StandardNormal.quantile(1 - 0.001 / (2 * Double(units)))
    }
}
