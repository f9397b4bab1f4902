import Foundation
import PlannerCore
import PlannerFormats
import PlannerSampling

/// The sample design as the summary page shows it: one row per stratum, whether the design was just drawn
/// (`planner sample`, `planner plan`) or read back from a plan folder's `allocation.csv` (`planner assign`).
///
/// Reading the CSV back rather than redrawing keeps `planner assign` from depending on the sampler: the page
/// shows exactly the figures the designer filed.
public struct SampleDesignSummary: Hashable, Sendable {
    /// One stratum: its frame, its sample and the precision expected from it.
    public struct Stratum: Hashable, Sendable {
        public var id: StratumID
        public var label: String
        public var unitType: UnitType
        /// N_h.
        public var frameSize: Int
        public var allocatedSize: Int
        /// Main units drawn.
        public var sampleSize: Int
        public var reserveSize: Int
        /// Half-width of the confidence interval of a proportion, and the same relative to p.
        public var expectedMargin: Double
        public var expectedRelativeMargin: Double
        public var designEffect: Double

        public init(id: StratumID, label: String, unitType: UnitType, frameSize: Int, allocatedSize: Int,
                    sampleSize: Int, reserveSize: Int, expectedMargin: Double, expectedRelativeMargin: Double,
                    designEffect: Double) {
            self.id = id
            self.label = label
            self.unitType = unitType
            self.frameSize = frameSize
            self.allocatedSize = allocatedSize
            self.sampleSize = sampleSize
            self.reserveSize = reserveSize
            self.expectedMargin = expectedMargin
            self.expectedRelativeMargin = expectedRelativeMargin
            self.designEffect = designEffect
        }
    }

    /// Enterprise strata, then household strata, each in ID order (as `allocation.csv`).
    public var strata: [Stratum]

    public init(strata: [Stratum]) {
        self.strata = strata
    }

    /// The design of a freshly drawn sample.
    public init(plan: SamplePlan) {
        strata = plan.rows.map { row in
            Stratum(id: row.stratumID, label: row.label,
                    unitType: row.stratumID.rawValue.hasPrefix("HH") ? .household : .enterprise,
                    frameSize: row.frameSize, allocatedSize: row.allocatedSize, sampleSize: row.sampleSize,
                    reserveSize: row.reserveSize, expectedMargin: row.expectedMargin.absolute,
                    expectedRelativeMargin: row.expectedMargin.relative,
                    designEffect: row.expectedMargin.designEffect)
        }
    }

    /// The strata of one unit type.
    public func strata(of type: UnitType) -> [Stratum] { strata.filter { $0.unitType == type } }

    /// The margin expected for the whole population of one unit type: √(Σ W_h²·e_h²), W_h = N_h/N.
    ///
    /// The same figure as `StratifiedSample.expectedOverallMargin` (z cancels out of z·√(Σ W_h²·(e_h/z)²)), so it
    /// can be computed from `allocation.csv` alone. Nil when the type has no strata.
    public func overallMargin(of type: UnitType) -> Double? {
        let rows = strata(of: type)
        let total = Double(rows.reduce(0) { $0 + $1.frameSize })
        guard !rows.isEmpty, total > 0 else { return nil }
        let sum = rows.reduce(0.0) { sum, row in
            let share = Double(row.frameSize) / total
            return sum + share * share * row.expectedMargin * row.expectedMargin
        }
        return sum.squareRoot()
    }
}

extension SampleDesignSummary {
    /// Reads an `allocation.csv` that `SampleTables.allocationCSV` wrote, every problem located.
    public static func read(allocationCSV data: Data, file: String) throws(InvalidInput) -> SampleDesignSummary {
        var problems = ProblemLog()
        problems.register(file: file)
        guard let table = CSVReader().read(data, file: file, problems: &problems) else {
            try problems.throwIfAny()
            return SampleDesignSummary(strata: [])
        }
        let names = ["stratum", "label", "unit_type", "frame_size", "allocated_size", "sample_size", "reserve_size",
                     "expected_margin_of_error", "expected_relative_margin", "design_effect"]
        var columns: [String: Int] = [:]
        for name in names {
            if let index = table.columnIndex(name) {
                columns[name] = index
            } else {
                problems.add(file: file, at: table.header.first?.location, field: name,
                             expected: "a column named \(name) in the header", found: "no such column")
            }
        }
        try problems.throwIfAny()

        var strata: [Stratum] = []
        for record in table.records {
            func field(_ name: String) -> CSVField { record.fields[columns[name]!] }
            func fail(_ name: String, _ expected: String) {
                problems.add(file: file, at: field(name).location, field: name, expected: expected,
                             found: InputProblem.quoted(field(name).text))
            }
            func count(_ name: String) -> Int? {
                guard let value = Int(field(name).trimmed), value >= 0 else { fail(name, "a whole number ≥ 0"); return nil }
                return value
            }
            func real(_ name: String) -> Double? {
                guard let value = Double(field(name).trimmed), value.isFinite, value >= 0 else {
                    fail(name, "a number ≥ 0"); return nil
                }
                return value
            }
            let id = field("stratum").trimmed
            guard !id.isEmpty else { fail("stratum", "a stratum ID"); continue }
            guard let type = UnitType(rawValue: field("unit_type").trimmed) else {
                fail("unit_type", "household or enterprise"); continue
            }
            guard let frame = count("frame_size"), let allocated = count("allocated_size"),
                  let sample = count("sample_size"), let reserve = count("reserve_size"),
                  let margin = real("expected_margin_of_error"), let relative = real("expected_relative_margin"),
                  let deff = real("design_effect") else { continue }
            strata.append(Stratum(id: StratumID(id), label: field("label").text, unitType: type, frameSize: frame,
                                  allocatedSize: allocated, sampleSize: sample, reserveSize: reserve,
                                  expectedMargin: margin, expectedRelativeMargin: relative, designEffect: deff))
        }
        try problems.throwIfAny()
        return SampleDesignSummary(strata: strata)
    }
}
