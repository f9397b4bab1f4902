import PlannerCore
import Testing
import PlannerSampling

/// Vectors from /work/shared/research/reference_vectors.out (an independent Python implementation).
@Suite struct SampleSizeTests {
    @Test func simpleRandomSampleOfAProportion() throws {
        let calculation = try SampleSizeCalculation(target: PrecisionTarget(margin: 0.05))
        #expect(abs(calculation.simpleRandomSize - 384.15) < 0.005)
        #expect(calculation.sizeAfterDesignEffect == calculation.simpleRandomSize)
        #expect(calculation.sizeAfterFinitePopulationCorrection == calculation.simpleRandomSize)
        #expect(calculation.sampleSize == 385)
    }

    @Test func designEffectAndResponse() throws {
        let calculation = try SampleSizeCalculation(
            target: PrecisionTarget(margin: 0.05, designEffect: .given(1.5), responseRate: 0.9))
        #expect(abs(calculation.sizeAfterDesignEffect - 576.22) < 0.005)
        #expect(calculation.sampleSize == 641)
    }

    @Test func finitePopulationCorrectionAfterDesignEffect() throws {
        let small = try SampleSizeCalculation(
            target: PrecisionTarget(margin: 0.05, designEffect: .given(1.5), responseRate: 0.9), populationSize: 2000)
        #expect(abs(small.sizeAfterFinitePopulationCorrection - 447.51) < 0.005)
        #expect(small.sampleSize == 498)
        let target = PrecisionTarget(margin: 0.05, designEffect: .given(2), responseRate: 0.85)
        let enterprises = try SampleSizeCalculation(target: target, populationSize: 5000)
        #expect(abs(enterprises.sizeAfterFinitePopulationCorrection - 666.08) < 0.005)
        #expect(abs(enterprises.sizeAfterNonresponse - 666.08 / 0.85) < 0.01)
        // samplics applies the correction before the design effect and gets 840 (docs/sampling.md §1.4).
        #expect(enterprises.sampleSize == 784)
    }

    @Test func relativeMarginIsAFractionOfP() throws {
        let relative = try SampleSizeCalculation(
            target: PrecisionTarget(proportion: 0.2, margin: 0.25, marginKind: .relative))
        let absolute = try SampleSizeCalculation(target: PrecisionTarget(proportion: 0.2, margin: 0.05))
        #expect(relative.absoluteMargin == 0.05)
        #expect(relative.sampleSize == absolute.sampleSize)
        #expect(absolute.sampleSize == 246)  // 1.959964² · .16 / .0025 = 245.85
    }

    @Test func clusterDesignEffect() throws {
        let calculation = try SampleSizeCalculation(
            target: PrecisionTarget(margin: 0.1, designEffect: .fromClusterTake(icc: 0.05), responseRate: 0.9),
            clusterTake: 10)
        #expect(abs(calculation.designEffect - 1.45) < 1e-12)
        #expect(calculation.clusterTake == 10)
        #expect(calculation.sampleSize == 155)  // 96.0365 · 1.45 / .9 = 154.73
    }

    @Test(arguments: [100, 385, 641, 2000])
    func expectedMarginInvertsTheSize(sampleSize: Int) throws {
        let target = PrecisionTarget(margin: 0.05, designEffect: .given(1.5), responseRate: 0.9, eligibilityRate: 0.95)
        let margin = try SampleSizeCalculation.expectedMargin(sampleSize: sampleSize, target: target,
                                                              populationSize: 8000)
        let back = try SampleSizeCalculation(
            target: PrecisionTarget(margin: margin.absolute, designEffect: .given(1.5), responseRate: 0.9,
                                    eligibilityRate: 0.95),
            populationSize: 8000)
        #expect(abs(back.sizeAfterNonresponse - Double(sampleSize)) < 1e-6)
        #expect(abs(margin.relative - margin.absolute / 0.5) < 1e-15)
    }

    @Test func expectedMarginEdgeCases() throws {
        let target = PrecisionTarget(margin: 0.05)
        #expect(try SampleSizeCalculation.expectedMargin(sampleSize: 0, target: target).absolute == .infinity)
        #expect(try SampleSizeCalculation.expectedMargin(sampleSize: 50, target: target, populationSize: 50).absolute == 0)
        #expect(throws: SamplingError.negativeSampleSize(-1)) {
            try SampleSizeCalculation.expectedMargin(sampleSize: -1, target: target)
        }
    }

    @Test func impossibleTargetsAreTypedErrors() {
        #expect(throws: SamplingError.proportionOutOfRange(1, context: "precision target")) {
            try SampleSizeCalculation(target: PrecisionTarget(proportion: 1, margin: 0.05))
        }
        #expect(throws: SamplingError.proportionOutOfRange(0, context: "precision target")) {
            try SampleSizeCalculation(target: PrecisionTarget(proportion: 0, margin: 0.05))
        }
        #expect(throws: SamplingError.invalidMargin(0)) {
            try SampleSizeCalculation(target: PrecisionTarget(margin: 0))
        }
        #expect(throws: SamplingError.confidenceOutOfRange(1)) {
            try SampleSizeCalculation(target: PrecisionTarget(margin: 0.05, confidence: 1))
        }
        #expect(throws: SamplingError.rateOutOfRange(name: "response rate", value: 0)) {
            try SampleSizeCalculation(target: PrecisionTarget(margin: 0.05, responseRate: 0))
        }
        #expect(throws: SamplingError.invalidDesignEffect(-1)) {
            try SampleSizeCalculation(target: PrecisionTarget(margin: 0.05, designEffect: .given(-1)))
        }
        #expect(throws: SamplingError.invalidPopulationSize(0)) {
            try SampleSizeCalculation(target: PrecisionTarget(margin: 0.05), populationSize: 0)
        }
    }
}
