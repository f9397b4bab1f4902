import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling
import Testing
@testable import PlannerReports

/// `design-report.md` on the default dataset, in both languages: every table present, the labels saying what
/// was done, and no English word in the Vietnamese report.
@Suite struct DesignReportTests {
    static let plan = try! SampleDesigner.design(dataset: SampleTablesTests.dataset, seed: 20231003)

    @Test func englishReportShowsEveryIntermediateAndTable() throws {
        let report = DesignReport.markdown(for: Self.plan, dataset: SampleTablesTests.dataset, language: .english)
        #expect(report.hasPrefix("# Sample design\n"))
        #expect(report.contains("- Seed: 20231003"))
        #expect(report.contains("xoshiro256**"))
        #expect(report.contains("## Households") && report.contains("## Enterprises"))
        #expect(!report.contains("## household") && !report.contains("## enterprise"))
        // Enterprises: the formula's n, then the n the Kish allocation needs for ±5 % over the whole sample.
        let calculation = try #require(Self.plan.enterprises.overallSizeCalculation)
        #expect(report.contains("| n = ⌈n3⌉ | \(calculation.sampleSize) |"))
        let raised = try #require(Self.plan.enterprises.raisedTotal)
        #expect(report.contains("The formula's n = \(raised[0])") && report.contains("n was raised to \(raised[1])"))
        // Households: per-stratum computations; every commune taken, the real takes and the reason shown.
        #expect(report.contains("### Sample size per stratum"))
        #expect(report.contains("| 0.5 | 0.1 | absolute | 0.95 | 1 + (12 − 1)·0.05 = 1.55 | 0.9 | 1 |"))
        #expect(report.contains("all communes of the stratum taken"))
        #expect(!report.contains("| pps |"))
        for row in Self.plan.households.rows {
            let range = try #require(row.takeRange)
            let take = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            #expect(report.contains("| \(row.selectedCommunes ?? 0) | \(take) | \(row.sampleSize) |"))
            #expect(range.lowerBound > 12, "the configured take 12 was raised where every commune is taken")
        }
        // Frame sizes, p_h, costs, allocation weights; probabilities, weights, design-effect components.
        #expect(report.contains("| Stratum | Name | N_h | p_h | cost c_h | weight a_h | share | allocated | sample | reserve (asked) |"))
        #expect(report.contains("### Inclusion probabilities and weights (main units)"))
        #expect(report.contains("| Stratum | p_h | deff clustering | deff weighting (Kish) | deff | respondents | ± margin |"))
        #expect(report.contains("| **Whole sample** |"))
        #expect(report.contains("Measure of size: census households per commune"))
        // Ready lines for the analysis tools.
        #expect(report.contains("hh_design <- svydesign(ids = ~psu, strata = ~stratum, weights = ~design_weight, data = hh)"))
        #expect(report.contains("svyset unit_id [pweight = design_weight], strata(stratum) fpc(stratum_psu_count)"))
        #expect(report.contains("TaylorEstimator(PopParam.prop).estimate(y=hh[\"y\"]"))
    }

    /// Each stratum's row carries the numbers behind it.
    @Test func precisionRowsMatchTheDesign() throws {
        let report = DesignReport.markdown(for: Self.plan, dataset: SampleTablesTests.dataset, language: .english)
        let format = DesignReport.Format(language: .english)
        for row in Self.plan.rows {
            let precision = row.precision
            #expect(report.contains("| \(row.stratumID) | \(format.number(precision.proportion)) | "
                + "\(format.number(precision.clusteringEffect, 3)) | \(format.number(precision.weightingEffect, 3)) | "
                + "\(format.number(precision.designEffect, 3)) |"))
        }
    }

    @Test func vietnameseReportHasNoEnglishWord() throws {
        let report = DesignReport.markdown(for: Self.plan, dataset: SampleTablesTests.dataset, language: .vietnamese)
        #expect(report.hasPrefix("# Thiết kế mẫu\n"))
        #expect(report.contains("## Hộ gia đình") && report.contains("## Doanh nghiệp"))
        #expect(report.contains("chọn tất cả các xã của tầng"))
        #expect(report.contains("0,5"))
        // Code for R, Stata and Python is the same in both languages; the words around it are not.
        let prose = report.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            .joined(separator: "\n")
        #expect(EnglishWords.found(inText: prose) == [])
        #expect(report.contains("## Chuyển cho phân tích"))
    }

    @Test func warningsAreWrittenInTheReport() throws {
        var dataset = SampleTablesTests.dataset
        dataset.settings.enterprises.reservePerStratum = 40
        let plan = try SampleDesigner.design(dataset: dataset, seed: 1)
        #expect(!plan.warnings.isEmpty)
        let report = DesignReport.markdown(for: plan, dataset: dataset, language: .english)
        #expect(report.contains("## Warnings"))
        for warning in plan.warnings { #expect(report.contains(warning.message)) }
    }
}
