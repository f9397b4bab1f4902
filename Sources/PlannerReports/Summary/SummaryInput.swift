import PlannerCore
import PlannerFieldwork
import PlannerPlanFormat
import PlannerSampling

/// Everything the summary page shows: the dataset, the sample and its design, the manifest's record of the run
/// (seed, generator, inputs, parent, solver) and, for a fieldwork plan, the plan.
///
/// The manifest's `files` and `run` are not shown (they are not known before the folder is written, and `run`
/// differs between runs), so the page can be built before the manifest is complete and stays deterministic.
public struct SummaryInput: Sendable {
    public var dataset: Dataset
    /// Main and reserve units.
    public var sample: [SampledUnit]
    public var design: SampleDesignSummary
    public var manifest: PlanManifest
    /// Nil for a folder of `planner sample`: the page then has the sample sections only.
    public var plan: FieldworkPlan?
    public var language: Language

    public init(dataset: Dataset, sample: [SampledUnit], design: SampleDesignSummary, manifest: PlanManifest,
                plan: FieldworkPlan?, language: Language = .vietnamese) {
        self.dataset = dataset
        self.sample = sample
        self.design = design
        self.manifest = manifest
        self.plan = plan
        self.language = language
    }
}
