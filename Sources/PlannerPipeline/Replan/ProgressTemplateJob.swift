import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

/// `planner progress-template`: the empty `progress.csv` the post offices fill in for `planner replan`, one
/// row per planned visit of a plan folder.
public struct ProgressTemplateJob: Sendable {
    public var plan: TypedPath
    /// The file to create; never overwritten.
    public var out: TypedPath
    /// Only the visits before this date; nil: every planned visit.
    public var until: CalendarDate?

    public init(plan: TypedPath, out: TypedPath, until: CalendarDate? = nil) {
        self.plan = plan
        self.out = out
        self.until = until
    }

    /// - Returns: how many visits the template lists.
    public func run() throws -> Int {
        let parent = try ParentPlan(plan)
        let visits = try parent.visits().planned.filter { visit in until.map { visit.date < $0 } ?? true }
        let names = try Names(parent)
        let rows = visits.map { visit in
            ProgressTable.TemplateRow(visit: visit, label: names.labels[visit.unitID] ?? visit.label,
                                      communeName: names.communes[visit.unitID] ?? "",
                                      enumeratorName: names.enumerators[visit.enumeratorID.rawValue] ?? "")
        }
        let data = ProgressTable.templateCSV(rows)
        guard !FileManager.default.fileExists(atPath: out.url.path) else {
            throw PipelineError.cannotCreate("\(out.path): expected a new file, found an existing one (it is never overwritten)")
        }
        do {
            try data.write(to: out.url, options: .withoutOverwriting)
        } catch {
            throw PipelineError.cannotCreate("\(out.path): cannot write: \(error.localizedDescription)")
        }
        return visits.count
    }

    /// The names a template shows, taken from the plan folder itself (so no dataset is needed): labels and
    /// commune names from the route sheets' CSVs, enumerators' names from the post-office summaries.
    private struct Names {
        var labels: [String: String] = [:]
        var communes: [String: String] = [:]
        var enumerators: [String: String] = [:]

        init(_ parent: ParentPlan) throws {
            let paths = parent.manifest.files.map(\.path).filter { $0.hasSuffix(".csv") }
            for file in try parent.files(paths.filter { $0.hasPrefix("routes/") }) {
                for row in try Self.rows(file, parent) {
                    guard let unit = row["unit_id"] else { continue }
                    labels[unit] = row["label"]
                    communes[unit] = row["commune_name"]
                }
            }
            for file in try parent.files(paths.filter { $0.hasPrefix("post-offices/") }) {
                for row in try Self.rows(file, parent) {
                    if let id = row["enumerator_id"], !id.isEmpty, let name = row["enumerator_name"] { enumerators[id] = name }
                }
            }
        }

        private static func rows(_ file: PlanFolder.File, _ parent: ParentPlan) throws -> [[String: String]] {
            let table = try CSVReader().read(file.data, file: "\(parent.path)/\(file.path)")
            return table.records.map { record in
                Dictionary(zip(table.columnNames, record.fields.map(\.text)), uniquingKeysWith: { first, _ in first })
            }
        }
    }
}
