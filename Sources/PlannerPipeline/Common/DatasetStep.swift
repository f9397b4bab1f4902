import PlannerCore
import PlannerFormats
import PlannerSampling

/// The first steps every job shares: reading the dataset, and drawing its sample.
enum DatasetStep {
    /// Reads and checks a dataset folder; `InvalidInput` lists every problem, located.
    static func read(_ location: TypedPath, progress: any PipelineProgress) throws(InvalidInput) -> Dataset {
        try progress.step("Reading the dataset \(location.path)") { () throws(InvalidInput) -> Dataset in
            try DatasetReader().read(folder: location.url)
        }
    }

    /// Draws the stratified sample, passing on the design's warnings; a design the frame cannot support throws
    /// `SamplingError`.
    static func drawSample(_ dataset: Dataset, seed: UInt64, progress: any PipelineProgress) throws -> SamplePlan {
        let plan = try progress.step("Drawing the sample (seed \(seed))") {
            try SampleDesigner.design(dataset: dataset, seed: seed)
        }
        for warning in plan.warnings { progress.warning(warning.description) }
        return plan
    }
}
