import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// The files `planner sample` writes into a plan folder.
public enum SampleFolder {
    /// - Parameter language: the design report's language (the CSV files are the same in both).
    public static func files(for plan: SamplePlan, dataset: Dataset, language: Language = .vietnamese)
        -> [PlanFolder.File] {
        [
            .init(PlanFile.sample, SampleTables.sampleCSV(plan, dataset: dataset)),
            .init(PlanFile.allocation, SampleTables.allocationCSV(plan)),
            .init(PlanFile.designReport,
                  Data(DesignReport.markdown(for: plan, dataset: dataset, language: language).utf8)),
        ]
    }

    /// One line for the terminal: what was drawn and where it went.
    public static func summaryLine(for plan: SamplePlan, destination: URL) -> String {
        let main = plan.units.filter { $0.role == .main }
        let households = main.filter { $0.unitType == .household }.count
        let enterprises = main.count - households
        let reserves = plan.units.count - main.count
        return "Sample: \(households) households and \(enterprises) enterprises (\(reserves) reserve units) "
            + "in \(plan.rows.count) strata, seed \(plan.seed) → \(destination.path)"
    }
}
