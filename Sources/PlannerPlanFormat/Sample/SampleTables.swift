import Foundation
import PlannerCore
import PlannerFormats
import PlannerSampling

/// The sample as the files a survey designer files and a manager opens: `sample.csv` and `allocation.csv`, their
/// columns, writers and (in `+Reading`) readers.
public enum SampleTables {
    public static let sampleColumns: [CSVWriter.Column] = [
        .init("unit_id"), .init("unit_type", .numeric), .init("stratum"), .init("district_code"),
        .init("commune_code"), .init("zone_id"), .init("inclusion_probability", .numeric),
        .init("design_weight", .numeric), .init("role", .numeric), .init("reserve_rank", .numeric),
        .init("first_stage_probability", .numeric), .init("second_stage_probability", .numeric),
        .init("label"), .init("psu"), .init("stratum_psu_count", .numeric), .init("psu_unit_count", .numeric),
    ]

    /// The columns for analysis tools, last in `sampleColumns`.
    public static let analysisColumns: Set<String> = ["psu", "stratum_psu_count", "psu_unit_count"]

    /// One row per sampled unit, main and reserve, in the plan's output order.
    ///
    /// The last three columns hand the design to analysis tools (docs/sampling.md §9): `psu`, the first-stage
    /// unit (the commune in a two-stage design, the unit itself otherwise); `stratum_psu_count`, the stratum's
    /// first-stage frame size (communes with households, or N_h units), for a finite population correction; and
    /// `psu_unit_count`, the households the second stage drew from in the unit's commune (two-stage only).
    ///
    /// - Parameter label: what a person reads for a unit (the register line, address or enterprise name), which
    ///   PlannerReports knows; this module only lays the column out.
    public static func sampleCSV(_ plan: SamplePlan, label: (SampledUnit) -> String) -> Data {
        var psuCounts: [StratumID: Int] = [:]
        for row in plan.rows { psuCounts[row.stratumID] = row.communeCount ?? row.frameSize }
        var secondStageFrames: [String: Int] = [:]
        for group in plan.households.releaseGroups where plan.households.clusterTake != nil {
            secondStageFrames[group.groupID] = group.frameSize
        }
        let rows = plan.units.map { unit -> [String] in
            let twoStage = unit.firstStageProbability != nil
            return [unit.unitID, unit.unitType.rawValue, unit.stratumID.rawValue, unit.districtCode.rawValue,
                    unit.communeCode.rawValue, unit.zoneID?.rawValue ?? "", number(unit.inclusionProbability),
                    number(unit.designWeight), unit.role.rawValue, unit.reserveRank.map(String.init) ?? "",
                    unit.firstStageProbability.map(number) ?? "", unit.secondStageProbability.map(number) ?? "",
                    label(unit), twoStage ? unit.communeCode.rawValue : unit.unitID,
                    psuCounts[unit.stratumID].map(String.init) ?? "",
                    twoStage ? secondStageFrames[unit.communeCode.rawValue].map(String.init) ?? "" : ""]
        }
        return CSVWriter(columns: sampleColumns, options: PlanFile.csvOptions)
            .data(rows: rows)
    }

    public static let allocationColumns: [CSVWriter.Column] = [
        .init("stratum"), .init("label"), .init("unit_type", .numeric), .init("frame_size", .numeric),
        .init("communes", .numeric), .init("allocated_size", .numeric), .init("sample_size", .numeric),
        .init("selected_communes", .numeric), .init("take_per_commune", .numeric), .init("reserve_size", .numeric),
        .init("expected_margin_of_error", .numeric), .init("expected_relative_margin", .numeric),
        .init("design_effect", .numeric),
    ]

    /// One row per stratum: frame, sample, reserve and expected precision.
    public static func allocationCSV(_ plan: SamplePlan) -> Data {
        let rows = plan.rows.map { row -> [String] in
            [row.stratumID.rawValue, row.label, unitType(of: row.stratumID), String(row.frameSize),
             row.communeCount.map(String.init) ?? "", String(row.allocatedSize), String(row.sampleSize),
             row.selectedCommunes.map(String.init) ?? "", row.takePerCommune.map(String.init) ?? "",
             String(row.reserveSize), fixed(row.expectedMargin.absolute, digits: 4),
             fixed(row.expectedMargin.relative, digits: 4), fixed(row.expectedMargin.designEffect, digits: 4)]
        }
        return CSVWriter(columns: allocationColumns, options: PlanFile.csvOptions)
            .data(rows: rows)
    }

    private static func unitType(of stratum: StratumID) -> String {
        stratum.rawValue.hasPrefix("HH") ? UnitType.household.rawValue : UnitType.enterprise.rawValue
    }

    /// Probabilities and weights with 12 significant digits: enough for any frame, and the same bytes on every
    /// platform (no locale, no shortest-representation differences).
    public static func number(_ value: Double) -> String {
        formatted(value, "%.12g")
    }

    public static func fixed(_ value: Double, digits: Int) -> String {
        formatted(value, "%.\(digits)f")
    }

    /// C's `vsnprintf`, which `String(format:)` comes down to for a Double, without Foundation's format-string
    /// machinery (microseconds per call, and a sample has tens of thousands); a longer result than the buffer
    /// is left to `String(format:)`.
    private static func formatted(_ value: Double, _ format: String) -> String {
        let short = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String? in
            let written = withVaList([value]) { vsnprintf(buffer.baseAddress!, buffer.count, format, $0) }
            guard written >= 0 && Int(written) < buffer.count else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(written)),
                          as: UTF8.self)
        }
        return short ?? String(format: format, value)
    }
}
