import Foundation
import PlannerCore
import PlannerFormats
import PlannerSampling

extension SampleTables {
    /// Reads a `sample.csv` that `sampleCSV` wrote (or a person edited) back into units.
    ///
    /// Every row is checked and every problem located, as for any input: a plan folder is input to
    /// `planner assign` and `planner replan`.
    public static func readSample(_ data: Data, file: String) throws(InvalidInput) -> [SampledUnit] {
        var problems = ProblemLog()
        problems.register(file: file)
        guard let table = CSVReader().read(data, file: file, problems: &problems) else {
            try problems.throwIfAny()
            return []
        }
        // The analysis columns are derived from the others and absent from folders written before them.
        let columns = table.columnPositions(sampleColumns.map(\.name).filter { !analysisColumns.contains($0) },
                                            problems: &problems)
        try problems.throwIfAny()

        var units: [SampledUnit] = []
        var seen: Set<String> = []
        for record in table.records {
            func field(_ name: String) -> CSVField { record.fields[columns[name]!] }
            func fail(_ name: String, _ expected: String) {
                problems.add(file: file, at: field(name).location, field: name, expected: expected,
                             found: InputProblem.quoted(field(name).text))
            }
            let id = field("unit_id").text
            guard !id.isEmpty else { fail("unit_id", "a unit ID"); continue }
            guard seen.insert(id).inserted else { fail("unit_id", "each unit once"); continue }
            guard let type = UnitType(rawValue: field("unit_type").text) else {
                fail("unit_type", "household or enterprise"); continue
            }
            guard let role = SampledUnit.Role(rawValue: field("role").text) else {
                fail("role", "main or reserve"); continue
            }
            let rankText = field("reserve_rank").text
            let rank = Int(rankText)
            guard role == .main ? rankText.isEmpty : (rank ?? 0) >= 1 else {
                fail("reserve_rank", role == .main ? "empty for a main unit" : "a rank 1, 2, … for a reserve unit")
                continue
            }
            guard let pi = Double(field("inclusion_probability").text), pi > 0, pi <= 1 else {
                fail("inclusion_probability", "a probability in (0, 1]"); continue
            }
            func optionalProbability(_ name: String) -> Double?? {
                let text = field(name).text
                if text.isEmpty { return .some(nil) }
                guard let value = Double(text), value > 0, value <= 1 else {
                    fail(name, "empty or a probability in (0, 1]")
                    return nil
                }
                return .some(value)
            }
            guard let first = optionalProbability("first_stage_probability"),
                  let second = optionalProbability("second_stage_probability") else { continue }
            let zone = field("zone_id").text
            units.append(SampledUnit(
                unitID: id, unitType: type, stratumID: StratumID(field("stratum").text),
                districtCode: DistrictCode(field("district_code").text),
                communeCode: CommuneCode(field("commune_code").text), zoneID: zone.isEmpty ? nil : ZoneID(zone),
                inclusionProbability: pi, firstStageProbability: first, secondStageProbability: second,
                role: role, reserveRank: rank))
        }
        try problems.throwIfAny()
        return units.sorted(by: SampledUnit.outputOrder)
    }
}
