import Testing
import PlannerSampling

@Suite struct StandardNormalTests {
    @Test(arguments: [(0.95, 1.959964), (0.99, 2.575829), (0.90, 1.644854)])
    func criticalValues(confidence: Double, z: Double) {
        #expect(abs(StandardNormal.twoSidedCriticalValue(confidence: confidence) - z) < 5e-7)
    }

    /// Expected values from Python's `statistics.NormalDist().inv_cdf` (Wichura's AS241).
    @Test(arguments: [
        (1e-10, -6.361340902404056), (0.001, -3.090232306167813), (0.02, -2.0537489106318225),
        (0.3, -0.5244005127080407), (0.5, 0.0), (0.8, 0.8416212335729144), (0.975, 1.9599639845400536),
        (0.995, 2.5758293035489), (0.99999, 4.26489079392384),
    ])
    func quantileMatchesReference(p: Double, x: Double) {
        #expect(abs(StandardNormal.quantile(p) - x) <= 1e-12 * max(1, abs(x)))
    }

    @Test func quantileInvertsTheDistributionFunction() {
        for p in stride(from: 0.0005, to: 1, by: 0.0137) {
            #expect(abs(StandardNormal.cumulativeProbability(StandardNormal.quantile(p)) - p) < 1e-14)
            #expect(abs(StandardNormal.quantile(p) + StandardNormal.quantile(1 - p)) < 1e-12)
        }
    }
}
