import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// What a re-plan reads from its parent folder: sample, release groups, visits, releases, changes of
/// availability; every file checked against the parent's manifest.
struct ParentPlanState {
    /// The dataset with the parent's changes of availability applied.
    let dataset: Dataset
    let sample: [SampledUnit]
    let releaseGroups: [ReleaseGroup]
    let visits: PlanVisits
    let releases: [ReserveRelease]
    let availability: AvailabilityChanges

    init(parent: ParentPlan, dataset base: Dataset) throws {
        sample = try parent.sample()
        let design: SamplePlan
        do {
            design = try SampleDesigner.design(dataset: base, seed: parent.manifest.seed)
        } catch {
            throw PipelineError.invalidInput("The sample cannot be designed again from the dataset: \(error)")
        }
        let drawn = design.units.map { "\($0.unitID) \($0.role.rawValue) \($0.reserveRank ?? 0)" }
        guard drawn == sample.map({ "\($0.unitID) \($0.role.rawValue) \($0.reserveRank ?? 0)" }) else {
            throw PipelineError.invalidInput(
                "\(parent.path)/sample.csv: expected the sample the dataset and seed \(parent.manifest.seed) give, "
                    + "found different units, roles or ranks")
        }
        releaseGroups = design.households.releaseGroups + design.enterprises.releaseGroups

        visits = try parent.visits()
        releases = parent.records(PlanFile.releases)
            ? try ReleaseTable.read(try parent.files([PlanFile.releases])[0].data, file: "\(parent.path)/releases.csv")
            : []
        let enumeratorsFile = PlanFile.newEnumerators, spansFile = PlanFile.unavailability
        let recorded = [enumeratorsFile, spansFile].filter(parent.records)
        _ = try parent.files(recorded)
        availability = try AvailabilityTables.read(folder: parent.folder, present: { recorded.contains($0) }, dataset: base)
        dataset = availability.applied(to: base)
    }
}
