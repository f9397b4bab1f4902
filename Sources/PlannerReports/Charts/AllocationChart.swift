import PlannerPlanFormat
import PlannerSampling

/// The allocation as horizontal bars: per stratum, the main sample and the reserve after it, enterprise strata
/// then household strata.
///
/// Bars share one scale so that strata compare at a glance; the exact figures are printed at each bar's end and
/// in the table above the chart.
enum AllocationChart {
    static func svg(_ design: SampleDesignSummary, names: StratumNames, text: SummaryText,
                    fieldworkText: FieldworkText) -> String {
        let width = 720.0
        let labelWidth = 78.0
        let valueWidth = 70.0
        let rowHeight = 15.0
        let groupHeight = 17.0
        let groups = [UnitType.enterprise, .household].map { ($0, design.strata(of: $0)) }.filter { !$0.1.isEmpty }
        let rows = groups.reduce(0) { $0 + $1.1.count }
        let height = Double(rows) * rowHeight + Double(groups.count) * groupHeight + 26
        let largest = Double(max(1, design.strata.map { $0.sampleSize + $0.reserveSize }.max() ?? 1))
        let scale = (width - labelWidth - valueWidth) / largest

        var svg = SVG.open(width: width, height: height, label: text.allocationChartTitle)
        var y = 4.0
        for (type, strata) in groups {
            svg += SVG.text(fieldworkText.unitType(type), x: 0, y: y + 11, className: "lbl strong")
            y += groupHeight
            for stratum in strata {
                let main = Double(stratum.sampleSize) * scale
                let reserve = Double(stratum.reserveSize) * scale
                let title = "\(stratum.id.rawValue) — \(names.name(of: stratum.id, given: stratum.label)): \(text.mainSampleLabel) \(stratum.sampleSize), "
                    + "\(text.reserveLabel) \(stratum.reserveSize), N_h = \(stratum.frameSize)"
                svg += SVG.text(stratum.id.rawValue, x: 0, y: y + 10, className: "lbl")
                svg += SVG.rect(x: labelWidth, y: y + 1, width: main, height: rowHeight - 4, fill: "#2b5d8a",
                                title: title)
                svg += SVG.rect(x: labelWidth + main, y: y + 1, width: reserve, height: rowHeight - 4, fill: "#9dbcd8",
                                title: title)
                svg += SVG.text("\(stratum.sampleSize) + \(stratum.reserveSize)", x: labelWidth + main + reserve + 4,
                                y: y + 10, className: "small")
                y += rowHeight
            }
        }
        y += 6
        svg += SVG.rect(x: labelWidth, y: y, width: 10, height: 8, fill: "#2b5d8a")
        svg += SVG.text(text.mainSampleLabel, x: labelWidth + 14, y: y + 8, className: "small")
        svg += SVG.rect(x: labelWidth + 120, y: y, width: 10, height: 8, fill: "#9dbcd8")
        svg += SVG.text(text.reserveLabel, x: labelWidth + 134, y: y + 8, className: "small")
        return svg + SVG.close
    }
}
