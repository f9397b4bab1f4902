import Foundation
import PlannerCore
import PlannerFormats
import PlannerSampling

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
        let columns = table.columnPositions(names, problems: &problems)
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
