import Foundation
import PlannerCore

/// The design report in Markdown: parameters, every intermediate of the size computation, the allocation table,
/// certainty units and the precision expected per domain.
///
/// Printing every intermediate is deliberate: users of other tools could not reproduce published sample sizes
/// because only the final n was shown.
public enum DesignReport {
    public static func markdown(for plan: SamplePlan) -> String {
        var lines = ["# Sample design", ""]
        lines.append("- Seed: \(plan.seed)")
        lines.append("- Generator: \(plan.generatorName), version \(plan.generatorVersion)")
        lines.append("- Main units: \(plan.households.sampleSize) households, \(plan.enterprises.sampleSize) enterprises;"
            + " reserve units: \(plan.households.reserveUnits.count) households, \(plan.enterprises.reserveUnits.count) enterprises")
        lines.append("")
        lines += section(for: plan.households, title: "Households")
        lines += section(for: plan.enterprises, title: "Enterprises")
        return lines.joined(separator: "\n")
    }

    /// One unit type's part of the report.
    public static func section(for sample: StratifiedSample, title: String) -> [String] {
        let parameters = sample.parameters
        let basis = sample.precisionBasis
        var lines = ["## \(title)", ""]
        lines.append("- Stratification: \(parameters.stratification.rawValue) (\(sample.strata.count) strata)")
        var selection = "- Selection: \(parameters.selection.rawValue)"
        if let take = sample.clusterTake {
            selection += ", \(take) households per selected commune, \(parameters.reservePerStratum) reserve households per commune"
        } else {
            selection += ", \(parameters.reservePerStratum) reserve units per stratum"
        }
        lines.append(selection)
        lines.append("- Size rule: \(describe(parameters.size))")
        if sample.allocation != nil {
            var allocation = "- Allocation: \(parameters.allocation.rawValue)"
            if parameters.allocation == .power { allocation += " (q = \(number(parameters.powerExponent)))" }
            lines.append(allocation)
        }
        let maximum = parameters.maximumPerStratum.map(String.init) ?? "N_h"
        lines.append("- Per-stratum bounds: minimum \(parameters.minimumPerStratum), maximum \(maximum) (never above N_h)")
        if let threshold = parameters.certaintyEmployees, sample.unitType == .enterprise {
            lines.append("- Enterprises with \(threshold) or more employees are taken with certainty")
        }
        lines.append("")

        lines.append("### Precision target")
        lines.append("")
        if case .total = parameters.size {
            lines.append("The size is given; the precision column assumes the values below.")
            lines.append("")
        }
        lines.append("| p | margin | kind | confidence | design effect | response rate | eligibility rate |")
        lines.append("|---|---|---|---|---|---|---|")
        lines.append("| \(number(basis.proportion)) | \(number(basis.margin)) | \(basis.marginKind.rawValue) | "
            + "\(number(basis.confidence)) | \(describe(basis.designEffect, take: sample.clusterTake)) | "
            + "\(number(basis.responseRate)) | \(number(basis.eligibilityRate)) |")
        lines.append("")

        if let calculation = sample.overallSizeCalculation {
            lines.append("### Sample size for the whole sample")
            lines.append("")
            lines += steps(of: calculation)
            lines.append("")
        }
        if sample.rows.contains(where: { $0.sizeCalculation != nil }) {
            lines.append("### Sample size per stratum")
            lines.append("")
            lines.append("| Stratum | N_h | z | e | n0 | deff | after deff | after FPC | after nonresponse | n | bounded n |")
            lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
            for row in sample.rows {
                guard let c = row.sizeCalculation else { continue }
                lines.append("| \(row.stratumID) | \(row.frameSize) | \(number(c.criticalValue, 6)) | "
                    + "\(number(c.absoluteMargin)) | \(number(c.simpleRandomSize, 2)) | \(number(c.designEffect)) | "
                    + "\(number(c.sizeAfterDesignEffect, 2)) | \(number(c.sizeAfterFinitePopulationCorrection, 2)) | "
                    + "\(number(c.sizeAfterNonresponse, 2)) | \(c.sampleSize) | "
                    + "\(row.allocatedSize)\(row.cappedAtCeiling ? " (capped)" : "") |")
            }
            lines.append("")
        }

        lines.append("### Allocation and expected precision per domain")
        lines.append("")
        let twoStage = sample.clusterTake != nil
        lines.append(twoStage
            ? "| Stratum | Label | N_h | communes | allocated | communes selected | take | sample | reserve | ± margin | relative margin |"
            : "| Stratum | Label | N_h | allocated | sample | reserve | ± margin | relative margin |")
        lines.append(twoStage ? "|---|---|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|")
        for row in sample.rows {
            var cells = ["\(row.stratumID)", row.label, "\(row.frameSize)"]
            if twoStage { cells.append("\(row.communeCount ?? 0)") }
            cells.append("\(row.allocatedSize)")
            if twoStage { cells += ["\(row.selectedCommunes ?? 0)", "\(row.takePerCommune ?? 0)"] }
            cells += ["\(row.sampleSize)", "\(row.reserveSize)", percent(row.expectedMargin.absolute),
                      percent(row.expectedMargin.relative)]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines.append("| **Total** | | \(sample.frameSize) | "
            + (twoStage ? "\(sample.rows.reduce(0) { $0 + ($1.communeCount ?? 0) }) | " : "")
            + "\(sample.rows.reduce(0) { $0 + $1.allocatedSize }) | "
            + (twoStage ? "\(sample.rows.reduce(0) { $0 + ($1.selectedCommunes ?? 0) }) | | " : "")
            + "\(sample.sampleSize) | \(sample.reserveUnits.count) | | |")
        lines.append("| **Whole sample** | \(title), all strata | | " + (twoStage ? "| | | " : "") + "| | | "
            + "\(percent(sample.expectedOverallMargin)) | \(percent(sample.expectedOverallMargin / basis.proportion)) |")
        lines.append("")
        lines.append("Margins are half-widths of the \(number(basis.confidence * 100))% confidence interval of a "
            + "proportion p = \(number(basis.proportion)) from the expected respondents, with the design effect "
            + "above and the finite population correction of each stratum. The whole-sample margin combines the "
            + "strata as z·√(Σ W_h²·V_h), W_h = N_h/N.")
        lines.append("")

        lines.append("### Certainty units")
        lines.append("")
        if sample.certaintyUnits.isEmpty {
            lines.append("None.")
        } else {
            lines.append("| Stratum | Unit | Level | Size | Reason |")
            lines.append("|---|---|---|---|---|")
            for unit in sample.certaintyUnits {
                lines.append("| \(unit.stratumID) | \(unit.unitID) | \(unit.level.rawValue) | "
                    + "\(number(unit.sizeMeasure)) | \(unit.reason.rawValue) |")
            }
        }
        lines.append("")
        return lines
    }

    static func steps(of c: SampleSizeCalculation) -> [String] {
        var lines = ["| Step | Value |", "|---|---|"]
        lines.append("| z = Φ⁻¹(1 − α/2), confidence \(number(c.confidence)) | \(number(c.criticalValue, 6)) |")
        lines.append("| e (absolute margin) | \(number(c.absoluteMargin)) |")
        lines.append("| n0 = z²·p(1−p)/e² | \(number(c.simpleRandomSize, 2)) |")
        var deff = "| design effect"
        if let take = c.clusterTake, let icc = c.intraclassCorrelation {
            deff += " = 1 + (\(take) − 1)·\(number(icc))"
        }
        lines.append(deff + " | \(number(c.designEffect)) |")
        lines.append("| n1 = deff·n0 | \(number(c.sizeAfterDesignEffect, 2)) |")
        if let population = c.populationSize {
            lines.append("| N | \(population) |")
            lines.append("| n2 = n1/(1 + (n1 − 1)/N) | \(number(c.sizeAfterFinitePopulationCorrection, 2)) |")
        }
        lines.append("| n3 = n2/(\(number(c.responseRate)) × \(number(c.eligibilityRate))) | \(number(c.sizeAfterNonresponse, 2)) |")
        lines.append("| n = ⌈n3⌉ | \(c.sampleSize) |")
        return lines
    }

    static func describe(_ size: SampleDesignParameters.SizeRule) -> String {
        switch size {
        case .total(let n): "a total of \(n), allocated"
        case .totalForPrecision: "a precision target for the whole sample, then allocated"
        case .perStratumForPrecision: "a precision target in every stratum (each stratum a domain)"
        }
    }

    static func describe(_ deff: PrecisionTarget.DesignEffect, take: Int?) -> String {
        switch deff {
        case .given(let value): number(value)
        case .fromClusterTake(let icc):
            "1 + (\(take ?? 1) − 1)·\(number(icc)) = \(number(1 + Double((take ?? 1) - 1) * icc))"
        }
    }

    /// Up to `digits` decimals, trailing zeros removed.
    static func number(_ value: Double, _ digits: Int = 4) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "—" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f%%", value * 100) : "∞"
    }
}
