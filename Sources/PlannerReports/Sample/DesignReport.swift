import Foundation
import PlannerCore
import PlannerSampling

/// `design-report.md`: the sample design in the plan's language — parameters, every intermediate of the size
/// computation, the strata with their frame sizes, p_h, costs and allocation weights, the takes really used,
/// inclusion probabilities and weights, the design-effect components and the precision each domain gets, the
/// certainty units, and every warning.
///
/// Printing every intermediate is deliberate: users of other tools could not reproduce published sample sizes
/// because only the final n was shown.
public enum DesignReport {
    public static func markdown(for plan: SamplePlan, dataset: Dataset, language: Language = .vietnamese) -> String {
        let text = DesignReportText.of(language)
        let format = Format(language: language)
        var lines = ["# \(text.title)", ""]
        lines.append("- \(text.seed): \(plan.seed)")
        lines.append("- " + text.generator(plan.generatorName,
                                           DesignReportText.generatorVersion(plan.generatorVersion, language)))
        lines.append("- " + text.counts(plan.households.sampleSize, plan.enterprises.sampleSize,
                                        plan.households.reserveUnits.count, plan.enterprises.reserveUnits.count))
        lines.append("")
        if !plan.warnings.isEmpty {
            lines.append("## \(text.warnings)")
            lines.append("")
            for warning in plan.warnings {
                lines.append("- `\(warning.subject)`: \(MarkdownText.inline(warning.message))")
            }
            lines.append("")
        }
        let names = StratumNames(dataset: dataset, language: language)
        lines += section(for: plan.households, title: text.households, dataset: dataset, names: names, text: text,
                         format: format)
        lines += section(for: plan.enterprises, title: text.enterprises, dataset: dataset, names: names, text: text,
                         format: format)
        lines += analysis(plan, text: text)
        return lines.joined(separator: "\n")
    }

    /// Ready lines for R `survey`, Stata `svyset` and Python `samplics`, from the columns of `sample.csv`.
    ///
    /// A PPS first stage is declared with replacement (the ultimate-cluster variance, conservative: its
    /// many zero joint probabilities make the exact without-replacement variance unusable); one-stage SRS and
    /// systematic strata carry their N_h for the finite population correction; PPS enterprises use Brewer's
    /// approximation in R (docs/sampling.md §9).
    static func analysis(_ plan: SamplePlan, text: DesignReportText) -> [String] {
        var lines = ["## \(text.analysisHeading)", "", text.analysisIntro, ""]
        let read = "s <- read.csv(\"sample.csv\", fileEncoding = \"UTF-8-BOM\")"
        for (sample, name, type) in [(plan.households, "hh", "household"), (plan.enterprises, "en", "enterprise")] {
            let title = type == "household" ? text.households : text.enterprises
            let r: String
            let stata: String
            var python = "TaylorEstimator(PopParam.prop).estimate(y=\(name)[\"y\"], samp_weight=\(name)[\"design_weight\"], "
                + "stratum=\(name)[\"stratum\"]"
            let note: String
            switch sample.parameters.selection {
            case .twoStage:
                r = "\(name)_design <- svydesign(ids = ~psu, strata = ~stratum, weights = ~design_weight, data = \(name))"
                stata = "svyset psu [pweight = design_weight], strata(stratum)"
                python += ", psu=\(name)[\"psu\"])"
                note = text.analysisNotes.twoStage
            case .ppsSystematic:
                r = "\(name)_design <- svydesign(ids = ~unit_id, strata = ~stratum, fpc = ~inclusion_probability, "
                    + "pps = \"brewer\", data = \(name))"
                stata = "svyset unit_id [pweight = design_weight], strata(stratum)"
                python += ", psu=\(name)[\"unit_id\"])"
                note = text.analysisNotes.pps
            case .simpleRandom, .systematic:
                r = "\(name)_design <- svydesign(ids = ~1, strata = ~stratum, fpc = ~stratum_psu_count, "
                    + "weights = ~design_weight, data = \(name))"
                stata = "svyset unit_id [pweight = design_weight], strata(stratum) fpc(stratum_psu_count)"
                python += ", psu=\(name)[\"unit_id\"])"
                note = text.analysisNotes.oneStage
            }
            lines += ["### \(title)", "", note, "", "R (survey/svydesign):", "", "```r", "library(survey)", read,
                      "\(name) <- subset(s, unit_type == \"\(type)\" & role == \"main\")", r, "```", "",
                      "Stata (svyset):", "", "```stata", "import delimited using sample.csv, encoding(\"utf-8\") clear",
                      "keep if unit_type == \"\(type)\" & role == \"main\"", stata, "```", "",
                      "Python (samplics/TaylorEstimator):", "", "```python", "import pandas as pd",
                      "from samplics.estimation import TaylorEstimator",
                      "from samplics.utils.types import PopParam",
                      "s = pd.read_csv(\"sample.csv\", encoding=\"utf-8-sig\")",
                      "\(name) = s[(s.unit_type == \"\(type)\") & (s.role == \"main\")]", python, "```", ""]
        }
        return lines
    }

    static func section(for sample: StratifiedSample, title: String, dataset: Dataset, names: StratumNames,
                        text: DesignReportText, format: Format) -> [String] {
        let parameters = sample.parameters
        let basis = sample.precisionBasis
        let twoStage = sample.clusterTake != nil
        var lines = ["## \(title)", ""]
        lines.append("- " + text.stratification(text.stratifications[parameters.stratification] ?? "", sample.strata.count))
        var selection = "- \(text.selection): \(text.selections[parameters.selection] ?? "")"
        if let take = sample.clusterTake {
            selection += "; " + text.takeNote(take, parameters.reservePerStratum)
        } else {
            selection += "; " + text.reservesPerStratum(parameters.reservePerStratum)
        }
        lines.append(selection)
        let measure: String
        switch parameters.selection {
        case .twoStage: measure = text.measures.households + (dataset.households != nil ? "; " + text.measures.listing : "")
        case .ppsSystematic: measure = text.measures.employees
        case .simpleRandom, .systematic: measure = text.measures.none
        }
        lines.append("- \(text.measureOfSize): \(measure)")
        lines.append("- \(text.sizeRule): \(describe(parameters.size, text: text))")
        if sample.allocation != nil {
            var allocation = "- \(text.allocation): \(text.allocations[parameters.allocation] ?? "")"
            if parameters.allocation == .power { allocation += " (q = \(format.number(parameters.powerExponent)))" }
            lines.append(allocation)
        }
        lines.append("- " + text.bounds(parameters.minimumPerStratum, parameters.maximumPerStratum.map(String.init) ?? "N_h"))
        if let threshold = parameters.certaintyEmployees, sample.unitType == .enterprise {
            lines.append("- " + text.certaintyThreshold(threshold))
        }
        lines.append("")

        lines.append("### \(text.precisionHeading)")
        lines.append("")
        lines.append(sample.precisionBasisIsStated ? text.statedTarget : text.assumedTarget)
        lines.append("")
        lines += table(text.targetHeader, [[
            format.number(basis.proportion), format.number(basis.margin),
            basis.marginKind == .absolute ? text.marginKinds.absolute : text.marginKinds.relative,
            format.number(basis.confidence), describe(basis.designEffect, take: sample.clusterTake, format: format),
            format.number(basis.responseRate), format.number(basis.eligibilityRate),
        ]])
        lines.append("")

        if let calculation = sample.overallSizeCalculation {
            lines.append("### \(text.wholeSizeHeading)")
            lines.append("")
            lines += steps(of: calculation, format: format)
            lines.append("")
            if let raised = sample.raisedTotal, raised.count == 2 {
                lines.append(text.raised(raised[0], raised[1]))
                lines.append("")
            }
        }
        if sample.rows.contains(where: { $0.sizeCalculation != nil }) {
            lines.append("### \(text.perStratumSizeHeading)")
            lines.append("")
            lines += table(text.perStratumSizeHeader, sample.rows.compactMap { row in
                guard let c = row.sizeCalculation else { return nil }
                return ["\(row.stratumID)", "\(row.frameSize)", format.number(c.proportion),
                        format.number(c.criticalValue, 6), format.number(c.absoluteMargin),
                        format.number(c.simpleRandomSize, 2), format.number(c.designEffect),
                        format.number(c.sizeAfterDesignEffect, 2), format.number(c.sizeAfterFinitePopulationCorrection, 2),
                        format.number(c.sizeAfterNonresponse, 2), "\(c.sampleSize)",
                        "\(row.allocatedSize)\(row.cappedAtCeiling ? " (\(text.capped))" : "")"]
            })
            lines.append("")
        }

        lines.append("### \(text.strataHeading)")
        lines.append("")
        let weightSum = sample.rows.reduce(0.0) { $0 + ($1.allocationWeight ?? 0) }
        var header = Array(text.strataHeader.prefix(3))
        if twoStage { header.append(text.twoStageHeader[0]) }
        header += text.strataHeader[3..<8]
        if twoStage { header += text.twoStageHeader[1...2] }
        header += text.strataHeader[8...]
        var rows = sample.rows.map { row -> [String] in
            var cells = ["\(row.stratumID)", MarkdownText.inline(names.name(of: row.stratumID, given: row.label)),
                         "\(row.frameSize)"]
            if twoStage { cells.append("\(row.communeCount ?? 0)") }
            cells += [format.number(row.precision.proportion), format.number(row.cost),
                      row.allocationWeight.map { format.number($0, 6) } ?? "—",
                      row.allocationWeight.map { format.percent($0 / weightSum) } ?? "—",
                      "\(row.allocatedSize)"]
            if twoStage {
                let take = row.takeRange.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)"
                    : "\($0.lowerBound)–\($0.upperBound)" } ?? "—"
                cells += ["\(row.selectedCommunes ?? 0)", take]
            }
            cells += ["\(row.sampleSize)",
                      row.reserveSize < row.reservesAsked ? "\(row.reserveSize) (\(row.reservesAsked))" : "\(row.reserveSize)"]
            return cells
        }
        var totals = ["**\(text.total)**", "", "\(sample.frameSize)"]
        if twoStage { totals.append("\(sample.rows.reduce(0) { $0 + ($1.communeCount ?? 0) })") }
        totals += ["", "", "", "", "\(sample.rows.reduce(0) { $0 + $1.allocatedSize })"]
        if twoStage { totals += ["\(sample.rows.reduce(0) { $0 + ($1.selectedCommunes ?? 0) })", ""] }
        totals += ["\(sample.sampleSize)", "\(sample.reserveUnits.count)"]
        rows.append(totals)
        lines += table(header, rows)
        lines.append("")

        lines.append("### \(text.weightsHeading)")
        lines.append("")
        lines += table(text.weightsHeader, sample.rows.map { row in
            ["\(row.stratumID)", format.number(row.probabilityRange.lowerBound, 6),
             format.number(row.probabilityRange.upperBound, 6), format.number(row.weightRange.lowerBound, 2),
             format.number(row.weightRange.upperBound, 2), format.number(row.weightCV, 3)]
        })
        lines.append("")

        lines.append("### \(text.precisionTableHeading)")
        lines.append("")
        func verdict(_ target: Double?, _ met: Bool) -> [String] {
            guard let target else { return [text.noTarget, text.noTarget] }
            return ["±" + format.percent(target), met ? text.met : text.notMet]
        }
        var precisionRows = sample.rows.map { row -> [String] in
            let precision = row.precision
            return ["\(row.stratumID)", format.number(precision.proportion), format.number(precision.clusteringEffect, 3),
                    format.number(precision.weightingEffect, 3), format.number(precision.designEffect, 3),
                    format.number(precision.margin.respondingUnits, 1), "±" + format.percent(precision.margin.absolute),
                    format.percent(precision.margin.relative)]
                + verdict(precision.targetMargin, precision.meetsTarget)
        }
        let overall = sample.overallPrecision
        precisionRows.append(["**\(text.wholeSample)**", format.number(overall.proportion), "", "", "", "",
                              "±" + format.percent(overall.absolute), format.percent(overall.relative)]
            + verdict(overall.targetMargin, overall.meetsTarget))
        lines += table(text.precisionTableHeader, precisionRows)
        lines.append("")
        lines.append(text.precisionNote(format.percent(basis.confidence)))
        lines.append("")

        lines.append("### \(text.certaintyHeading)")
        lines.append("")
        if sample.certaintyUnits.isEmpty {
            lines.append(text.none)
        } else {
            let everyCommune = Set(sample.rows.filter { $0.selectedCommunes != nil && $0.selectedCommunes == $0.communeCount }
                .map(\.stratumID))
            lines += table(text.certaintyHeader, sample.certaintyUnits.map { unit in
                let reason: String
                switch unit.reason {
                case .sizeThreshold: reason = text.reasons.threshold(parameters.certaintyEmployees ?? 0)
                case .proportionalToSize:
                    reason = unit.level == .commune && everyCommune.contains(unit.stratumID)
                        ? text.reasons.allCommunes : text.reasons.pps
                }
                return ["\(unit.stratumID)", unit.unitID,
                        unit.level == .commune ? text.levels.commune : text.levels.enterprise,
                        format.number(unit.sizeMeasure), reason]
            })
        }
        lines.append("")
        return lines
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }

    static func steps(of c: SampleSizeCalculation, format: Format) -> [String] {
        var rows = [
            ["z = Φ⁻¹(1 − α/2), \(format.number(c.confidence))", format.number(c.criticalValue, 6)],
            ["e", format.number(c.absoluteMargin)],
            ["n0 = z²·p(1−p)/e²", format.number(c.simpleRandomSize, 2)],
        ]
        var deff = "deff"
        if let take = c.clusterTake, let icc = c.intraclassCorrelation {
            deff += " = 1 + (\(take) − 1)·\(format.number(icc))"
        }
        rows.append([deff, format.number(c.designEffect)])
        rows.append(["n1 = deff·n0", format.number(c.sizeAfterDesignEffect, 2)])
        if let population = c.populationSize {
            rows.append(["N", "\(population)"])
            rows.append(["n2 = n1/(1 + (n1 − 1)/N)", format.number(c.sizeAfterFinitePopulationCorrection, 2)])
        }
        rows.append(["n3 = n2/(\(format.number(c.responseRate)) × \(format.number(c.eligibilityRate)))",
                     format.number(c.sizeAfterNonresponse, 2)])
        rows.append(["n = ⌈n3⌉", "\(c.sampleSize)"])
        return table(["", ""], rows)
    }

    static func describe(_ size: SampleDesignParameters.SizeRule, text: DesignReportText) -> String {
        switch size {
        case .total(let n): text.sizeRules.total(n)
        case .totalForPrecision: text.sizeRules.totalForPrecision
        case .perStratumForPrecision: text.sizeRules.perStratum
        }
    }

    static func describe(_ deff: PrecisionTarget.DesignEffect, take: Int?, format: Format) -> String {
        switch deff {
        case .given(let value): format.number(value)
        case .fromClusterTake(let icc):
            "1 + (\(take ?? 1) − 1)·\(format.number(icc)) = \(format.number(1 + Double((take ?? 1) - 1) * icc))"
        }
    }

    /// Numbers with the reader's decimal separator: a comma in Vietnamese, a point in English.
    struct Format {
        let language: Language

        /// Up to `digits` decimals, trailing zeros removed.
        func number(_ value: Double, _ digits: Int = 4) -> String {
            guard value.isFinite else { return value > 0 ? "∞" : "—" }
            var text = String(format: "%.\(digits)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return language == .vietnamese ? text.replacingOccurrences(of: ".", with: ",") : text
        }

        /// A percentage with two decimals.
        func percent(_ value: Double) -> String {
            guard value.isFinite else { return "∞" }
            let text = String(format: "%.2f%%", value * 100)
            return language == .vietnamese ? text.replacingOccurrences(of: ".", with: ",") : text
        }
    }
}
