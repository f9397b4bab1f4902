import Foundation
import PlannerCore
import PlannerPlanFormat
import PlannerSampling

extension SampleTables {
    /// `sample.csv` with each unit's label as the dataset gives it.
    public static func sampleCSV(_ plan: SamplePlan, dataset: Dataset) -> Data {
        let labels = UnitLabels(dataset: dataset)
        return sampleCSV(plan) { labels.label(of: $0) }
    }
}
