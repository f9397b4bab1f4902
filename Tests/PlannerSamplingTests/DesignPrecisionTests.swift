import Foundation
import PlannerCore
import Testing
@testable import PlannerSampling

/// The precision the design really gives: the stated assumptions used with a given size, Kish's weighting effect
/// beside the clustering one, each stratum at its own p, and a whole-sample target met by raising n.
@Suite struct DesignPrecisionTests {
    /// z·√(deff·p(1−p)/n'·(N − n')/(N − 1)), n' = n·RR·E: written out again, independently of the library.
    static func margin(n: Int, frame: Int, p: Double, deff: Double, confidence: Double = 0.95, rates: Double) -> Double {
        let z = confidence == 0.95 ? 1.959963984540054 : StandardNormal.twoSidedCriticalValue(confidence: confidence)
        let respondents = Double(n) * rates
        return z * (deff * p * (1 - p) / respondents * (Double(frame) - respondents) / Double(frame - 1)).squareRoot()
    }

    static func kish(_ weights: [Double]) -> Double {
        let n = Double(weights.count)
        let mean = weights.reduce(0, +) / n
        let variance = weights.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
        return 1 + variance / (mean * mean)  // the same quantity as n·Σw²/(Σw)², by another route
    }

    /// With a given size, the `[precision]` block is used: a worse ICC and response give a wider margin.
    @Test func givenSizeUsesTheStatedAssumptions() throws {
        func design(icc: Double, response: Double) throws -> StratifiedSample {
            var parameters = SampleDesignParameters.householdDefault
            parameters.size = .total(400)
            parameters.targetForGivenSize = .perStratumForPrecision(
                PrecisionTarget(margin: 0.1, designEffect: .fromClusterTake(icc: icc), responseRate: response))
            parameters.takePerCluster = 5
            return try SampleDesigner.design(.household, dataset: Fixture.dataset(households: parameters), seed: 2)
        }
        let mild = try design(icc: 0.05, response: 0.9)
        let harsh = try design(icc: 0.3, response: 0.5)
        #expect(mild.rows.map(\.sampleSize) == harsh.rows.map(\.sampleSize))
        // Every commune is taken here (deff_c = 1 for both), so the response rate alone widens the margin by √(0.9/0.5).
        for (a, b) in zip(mild.rows, harsh.rows) { #expect(b.expectedMargin.absolute > a.expectedMargin.absolute * 1.3) }
        for row in harsh.rows {
            let expected = Self.margin(n: row.sampleSize, frame: row.frameSize, p: 0.5,
                                       deff: row.precision.clusteringEffect * row.precision.weightingEffect, rates: 0.5)
            #expect(abs(row.expectedMargin.absolute - expected) < 1e-12)
        }
        #expect(harsh.precisionBasisIsStated)
        // Strata that miss the ±10 % target at this size say so.
        let missing = harsh.rows.filter { !$0.precision.meetsTarget }.map(\.stratumID.rawValue)
        #expect(!missing.isEmpty)
        #expect(harsh.warnings.filter { $0.subject == "sample.households.size" }.count == missing.count)
    }

    /// PPS strata have unequal weights: the margin carries Kish's effect of the drawn weights.
    @Test func ppsStrataCarryTheirWeightingEffect() throws {
        let parameters = SampleDesignParameters(stratification: .district, selection: .ppsSystematic, size: .total(80),
                                                allocation: .proportional, minimumPerStratum: 5)
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: parameters), seed: 4)
        for row in sample.rows {
            let weights = sample.mainUnits.filter { $0.stratumID == row.stratumID }.map(\.designWeight)
            #expect(abs(row.precision.weightingEffect - Self.kish(weights)) < 1e-9)
            #expect(row.precision.clusteringEffect == 1)
            let expected = Self.margin(n: row.sampleSize, frame: row.frameSize, p: 0.5,
                                       deff: Self.kish(weights), rates: 1)
            #expect(abs(row.expectedMargin.absolute - expected) < 1e-12)
            let cv = (weights.map { ($0 - weights.reduce(0, +) / Double(weights.count)) }.map { $0 * $0 }
                .reduce(0, +) / Double(weights.count)).squareRoot() / (weights.reduce(0, +) / Double(weights.count))
            #expect(abs(row.weightCV - cv) < 1e-9)
            #expect(row.weightRange.lowerBound == weights.min() && row.weightRange.upperBound == weights.max())
        }
        // The fixture's sizes span three orders of magnitude: some stratum's weights are far from equal.
        #expect(sample.rows.contains { $0.precision.weightingEffect > 1.2 })
    }

    /// Each domain's margin is at its own expected proportion, and the whole sample's at Σ W_h·p_h.
    @Test func domainsUseTheirOwnProportion() throws {
        var parameters = SampleDesignParameters(stratification: .district, selection: .simpleRandom, size: .total(90),
                                                allocation: .proportional, minimumPerStratum: 5)
        parameters.stratumProportions = ["EN-941": 0.1, "EN-943": 0.8]
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: parameters), seed: 4)
        var proportion = 0.0
        var variance = 0.0
        let total = Double(sample.frameSize)
        for row in sample.rows {
            let p = ["EN-941": 0.1, "EN-943": 0.8][row.stratumID.rawValue] ?? 0.5
            #expect(row.precision.proportion == p)
            let margin = Self.margin(n: row.sampleSize, frame: row.frameSize, p: p, deff: 1, rates: 1)
            #expect(abs(row.expectedMargin.absolute - margin) < 1e-12)
            #expect(abs(row.expectedMargin.relative - margin / p) < 1e-12)
            let share = Double(row.frameSize) / total
            proportion += share * p
            variance += share * share * (margin / 1.959963984540054) * (margin / 1.959963984540054)
        }
        #expect(abs(sample.overallPrecision.proportion - proportion) < 1e-12)
        #expect(abs(sample.overallPrecision.absolute - 1.959963984540054 * variance.squareRoot()) < 1e-12)
    }

    /// A whole-sample target under an allocation far from proportional: n is raised to the smallest total whose
    /// allocation meets it, and one unit less is reported as a shortfall when given as the size.
    @Test(arguments: SampleDesignParameters.AllocationMethod.allCases)
    func wholeSampleTargetIsMetByTheDesign(_ method: SampleDesignParameters.AllocationMethod) throws {
        let target = PrecisionTarget(margin: 0.06, responseRate: 0.8)
        var parameters = SampleDesignParameters(stratification: .district, selection: .simpleRandom,
                                                size: .totalForPrecision(target), allocation: method,
                                                minimumPerStratum: 5)
        parameters.stratumCosts = ["EN-IZ01": 4]
        parameters.stratumProportions = ["EN-941": 0.3]
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: parameters), seed: 9)
        let formula = try #require(sample.overallSizeCalculation).sampleSize
        let total = try #require(sample.allocation).total
        #expect(total >= formula)
        #expect(sample.overallPrecision.absolute <= 0.06 + 1e-12)
        #expect((sample.raisedTotal != nil) == (total > formula))
        guard total > formula else { return }
        parameters.size = .total(total - 1)
        parameters.targetForGivenSize = .totalForPrecision(target)
        let short = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: parameters), seed: 9)
        #expect(short.overallPrecision.absolute > 0.06)
        #expect(short.warnings.contains { $0.subject == "sample.enterprises.size" && $0.message.contains("whole sample") })
    }

    /// A target that even the whole frame cannot meet under the allocation is refused at the margin.
    @Test func unreachableWholeSampleTargetIsRefused() throws {
        let parameters = SampleDesignParameters(
            stratification: .district, selection: .simpleRandom,
            size: .totalForPrecision(PrecisionTarget(margin: 0.03, responseRate: 0.8)), allocation: .equal,
            minimumPerStratum: 5, maximumPerStratum: 30)
        do {
            _ = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: parameters), seed: 1)
            Issue.record("the design was accepted")
        } catch SamplingError.refusedSetting(let refusal) {
            #expect(["sample.enterprises.precision.margin", "sample.enterprises.maximum_per_stratum"].contains(refusal.key))
        }
    }

    @Test func smallestSizeIsTheFirstThatHolds() throws {
        for threshold in [1, 2, 3, 17, 64, 65, 999, 1000] {
            #expect(try StratumSizing.smallestSize(from: 1, upTo: 1000, holds: { $0 >= threshold }) == threshold)
        }
        #expect(try StratumSizing.smallestSize(from: 1, upTo: 1000, holds: { _ in false }) == nil)
        #expect(try StratumSizing.smallestSize(from: 5, upTo: 4, holds: { _ in true }) == nil)
    }
}
