import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling
import Testing
@testable import PlannerReports

/// `sample.csv` hands the design to analysis: from its columns alone an analyst computes the Horvitz–Thompson
/// total and its variance, and over many draws these agree with the truth computed from the frame independently.
@Suite struct AnalysisHandOffTests {
    static let dataset = SampleTablesTests.dataset

    struct Row {
        var unitID: String, unitType: String, stratum: String, role: String, weight: Double, psu: String
        var stratumPSUs: Int?, psuUnits: Int?, first: Double?, second: Double?
    }

    /// The rows of sample.csv, read by column name as any tool would.
    static func rows(_ data: Data) throws -> [Row] {
        let table = try CSVReader().read(data, file: "sample.csv")
        func column(_ name: String) throws -> Int { try #require(table.columnIndex(name)) }
        let (id, type, stratum, role, weight, psu, psus, units, first, second) = (
            try column("unit_id"), try column("unit_type"), try column("stratum"), try column("role"),
            try column("design_weight"), try column("psu"), try column("stratum_psu_count"),
            try column("psu_unit_count"), try column("first_stage_probability"), try column("second_stage_probability"))
        return try table.records.map { record in
            let text = { (i: Int) in record.fields[i].text }
            return Row(unitID: text(id), unitType: text(type), stratum: text(stratum), role: text(role),
                       weight: try #require(Double(text(weight))), psu: text(psu), stratumPSUs: Int(text(psus)),
                       psuUnits: Int(text(units)), first: Double(text(first)), second: Double(text(second)))
        }
    }

    /// The documented enterprise strata of the default dataset, re-derived: an enterprise of an operating zone is
    /// in that zone's stratum, any other in its district's group (every district is in a group there).
    static func stratum(of enterprise: Enterprise) -> String {
        if let zone = enterprise.zoneID, dataset.zones.contains(where: { $0.id == zone && $0.status == .operating }) {
            return "EN-\(zone)"
        }
        let group = dataset.settings.enterprises.districtGroups.firstIndex { $0.contains(enterprise.districtCode) }!
        return "EN-G\(group + 1)"
    }

    /// Stratified SRS of enterprises: the HT total Σ w·y from the columns is unbiased for the frame total, and the
    /// variance Σ_h N_h²(1 − n_h/N_h)s_h²/n_h with N_h = stratum_psu_count is unbiased for the exact variance
    /// Σ_h N_h²(1 − n_h/N_h)S_h²/n_h computed from the whole frame.
    @Test func horvitzThompsonTotalAndVarianceFromTheColumns() throws {
        let y = Dictionary(uniqueKeysWithValues: Self.dataset.enterprises.map { ($0.id.rawValue, $0.employees >= 20 ? 1.0 : 0) })
        let truth = y.values.reduce(0, +)
        var frame: [String: [Double]] = [:]
        for enterprise in Self.dataset.enterprises { frame[Self.stratum(of: enterprise), default: []].append(y[enterprise.id.rawValue]!) }

        let replicates = 150
        var totals: [Double] = []
        var variances: [Double] = []
        var exact: Double?
        for seed in 1...UInt64(replicates) {
            let plan = try SampleDesigner.design(dataset: Self.dataset, seed: seed)
            let main = try Self.rows(SampleTables.sampleCSV(plan, dataset: Self.dataset))
                .filter { $0.unitType == "enterprise" && $0.role == "main" }
            totals.append(main.reduce(0) { $0 + $1.weight * y[$1.unitID]! })
            var variance = 0.0
            var exactVariance = 0.0
            for (stratum, members) in Dictionary(grouping: main, by: \.stratum) {
                let population = Double(try #require(members[0].stratumPSUs))
                let values = try #require(frame[stratum])
                #expect(Double(values.count) == population, "stratum_psu_count of \(stratum)")
                let n = Double(members.count)
                let sample = members.map { y[$0.unitID]! }
                let mean = sample.reduce(0, +) / n
                let s2 = sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
                variance += population * population * (1 - n / population) * s2 / n
                let frameMean = values.reduce(0, +) / population
                let frameS2 = values.reduce(0) { $0 + ($1 - frameMean) * ($1 - frameMean) } / (population - 1)
                exactVariance += population * population * (1 - n / population) * frameS2 / n
                for member in members { #expect(abs(member.weight - population / n) < 1e-9) }
            }
            if let exact { #expect(abs(exact - exactVariance) < 1e-9) }
            exact = exactVariance
            variances.append(variance)
        }
        let exactVariance = try #require(exact)
        let meanTotal = totals.reduce(0, +) / Double(replicates)
        #expect(abs(meanTotal - truth) < 4 * (exactVariance / Double(replicates)).squareRoot(),
                "HT mean \(meanTotal) against the frame total \(truth)")
        let meanVariance = variances.reduce(0, +) / Double(replicates)
        let spread = (variances.reduce(0) { $0 + ($1 - meanVariance) * ($1 - meanVariance) } / Double(replicates - 1)).squareRoot()
        #expect(abs(meanVariance - exactVariance) < 4 * spread / Double(replicates).squareRoot(),
                "mean variance estimate \(meanVariance) against the exact \(exactVariance)")
    }

    /// Two-stage households: the columns name the commune as PSU, the stratum's communes and the commune's
    /// households, and the weights add up to each stratum's census households (every commune is taken there).
    @Test func twoStageColumnsDescribeTheStages() throws {
        let plan = try SampleDesigner.design(dataset: Self.dataset, seed: 5)
        let main = try Self.rows(SampleTables.sampleCSV(plan, dataset: Self.dataset))
            .filter { $0.unitType == "household" && $0.role == "main" }
        let census = Dictionary(uniqueKeysWithValues: Self.dataset.communes.map { ($0.code.rawValue, $0) })
        for row in main {
            let commune = try #require(census[row.psu])
            #expect(row.psuUnits == commune.households)
            #expect(row.stratumPSUs == Self.dataset.communes.filter { $0.districtCode == commune.districtCode }.count)
            #expect(abs(row.weight * (row.first ?? 0) * (row.second ?? 0) - 1) < 1e-9)
        }
        for (stratum, members) in Dictionary(grouping: main, by: \.stratum) {
            let district = String(stratum.dropFirst(3))
            let households = Self.dataset.communes.filter { $0.districtCode.rawValue == district }.reduce(0) { $0 + $1.households }
            #expect(abs(members.reduce(0) { $0 + $1.weight } - Double(households)) < 1e-6 * Double(households))
        }
    }
}
