import PlannerCore
import PlannerFieldwork
import PlannerSampling

extension UnitProgress {
    /// Where each of `units` stands after the recorded visits of `history` (docs/replanning.md, rule 2): the
    /// one reading of a history that the re-plan and the simulation share.
    static func progress(of units: [SampledUnit], history: [RecordedVisit], maxAttempts: Int) -> [UnitProgress] {
        let visitsByUnit = Dictionary(grouping: history, by: \.unitID)
        return units.map {
            UnitProgress(unitID: $0.unitID, visits: visitsByUnit[$0.unitID] ?? [], maxAttempts: maxAttempts)
        }
    }
}
