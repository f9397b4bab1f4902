import PlannerCore
import Testing
@testable import PlannerSampling

@Suite struct DesignReportTests {
    @Test func reportShowsEveryIntermediateAndTable() throws {
        let plan = try SampleDesigner.design(dataset: Fixture.dataset(), seed: 42)
        let report = DesignReport.markdown(for: plan)
        #expect(report.hasPrefix("# Sample design\n"))
        #expect(report.contains("- Seed: 42"))
        #expect(report.contains("xoshiro256**"))
        #expect(report.contains("## Households") && report.contains("## Enterprises"))
        // Enterprises: one computation for the whole sample, every step shown.
        let calculation = try #require(plan.enterprises.overallSizeCalculation)
        #expect(report.contains("| n0 = z²·p(1−p)/e² | 384.15 |"))
        #expect(report.contains("| n = ⌈n3⌉ | \(calculation.sampleSize) |"))
        #expect(report.contains("| N | 300 |"))
        // Households: per-stratum computations and the two-stage table.
        #expect(report.contains("### Sample size per stratum"))
        #expect(report.contains("| 0.5 | 0.1 | absolute | 0.95 | 1 + (10 − 1)·0.05 = 1.45 | 0.9 | 1 |"))
        for row in plan.rows { #expect(report.contains("| \(row.stratumID) | \(row.label) | \(row.frameSize) |")) }
        #expect(report.contains("| 31546 | commune |"))
        #expect(report.contains("### Certainty units"))
        #expect(report.contains("| **Whole sample** |"))
    }

    /// The whole-sample margin combines the strata: V = Σ W_h² V_h, which is below every stratum's variance.
    @Test func wholeSampleMarginCombinesStrata() throws {
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(), seed: 42)
        let overall = sample.expectedOverallMargin
        #expect(overall > 0 && overall < sample.rows.map(\.expectedMargin.absolute).min()!)
        let z = StandardNormal.twoSidedCriticalValue(confidence: 0.95)
        let variance = sample.rows.reduce(0.0) { total, row in
            let share = Double(row.frameSize) / Double(sample.frameSize)
            return total + share * share * (row.expectedMargin.absolute / z) * (row.expectedMargin.absolute / z)
        }
        #expect(abs(overall - z * variance.squareRoot()) < 1e-15)
    }

    @Test func numbersAreTrimmed() {
        #expect(DesignReport.number(0.5) == "0.5")
        #expect(DesignReport.number(2) == "2")
        #expect(DesignReport.number(1.959964, 6) == "1.959964")
        #expect(DesignReport.number(.infinity) == "∞")
        #expect(DesignReport.percent(0.0512) == "5.1%")
    }
}
