import Foundation
import PlannerFieldwork
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// What a job wrote: the plan folder, its manifest, and the plan's content for a summary or a batch's totals.
public struct WrittenPlan: Sendable {
    /// The new plan folder.
    public var folder: URL
    /// The manifest as written (file digests and timing included).
    public var manifest: PlanManifest
    /// Files written besides the manifest.
    public var fileCount: Int
    /// Main and reserve units of the plan's sample.
    public var sample: [SampledUnit]
    /// The sample as drawn, when the job drew it (`sample`, `plan`); nil when read from a parent folder.
    public var drawnSample: SamplePlan?
    /// The fieldwork plan; nil for a sample alone.
    public var fieldwork: FieldworkPlan?
    /// What a re-plan changed; nil for every other job.
    public var replan: ReplanContent?

    /// False when the fieldwork does not fit the window: the folder is written, marked incomplete.
    public var isComplete: Bool { fieldwork?.isComplete ?? true }
}
