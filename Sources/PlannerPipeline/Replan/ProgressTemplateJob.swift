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
    /// `out` is a new folder with one template per post office (`<office>.csv`, named as its summary in
    /// `post-offices/`), each listing that office's enumerators' visits: what each office keeps and sends back
    /// (`planner replan` reads several progress files).
    public var perPostOffice: Bool
    /// Between columns: a comma, or `;` so that Excel with Vietnamese regional settings opens the file in columns
    /// by double-click (it splits at `;` only); `planner replan` reads either.
    public var separator: UInt8

    public init(plan: TypedPath, out: TypedPath, until: CalendarDate? = nil, perPostOffice: Bool = false,
                separator: UInt8 = CSVReader.comma) {
        self.plan = plan
        self.out = out
        self.until = until
        self.perPostOffice = perPostOffice
        self.separator = separator
    }

    /// - Returns: how many visits the templates list, and how many files were written.
    @discardableResult
    public func run() throws -> (visits: Int, files: Int) {
        let parent = try ParentPlan(plan)
        let visits = try parent.visits().planned.filter { visit in until.map { visit.date < $0 } ?? true }
        let names = try Names(parent)
        let rows = visits.map { visit in
            ProgressTable.TemplateRow(visit: visit, label: names.labels[visit.unitID] ?? visit.label,
                                      communeName: names.communes[visit.unitID] ?? "",
                                      enumeratorName: names.enumerators[visit.enumeratorID.rawValue] ?? "")
        }
        guard !FileManager.default.fileExists(atPath: out.url.path) else {
            let what = perPostOffice ? "folder" : "file"
            throw PipelineError.cannotCreate("\(out.path): expected a new \(what), found an existing one (it is never overwritten)")
        }
        guard perPostOffice else {
            do {
                try ProgressTable.templateCSV(rows, separator: separator).write(to: out.url, options: .withoutOverwriting)
            } catch {
                throw PipelineError.cannotCreate("\(out.path): cannot write: \(error.localizedDescription)")
            }
            return (visits.count, 1)
        }
        // Every planned visit's enumerator has a day in some office's summary; "other" would catch one that had
        // not, rather than drop its visits.
        let byOffice = Dictionary(grouping: rows) { names.offices[$0.visit.enumeratorID.rawValue] ?? "other" }
        try writeFolder(byOffice.mapValues { ProgressTable.templateCSV($0, separator: separator) })
        return (visits.count, byOffice.count)
    }

    /// Writes the files into a temporary folder beside `out`, then renames it to `out`: a reader sees every file
    /// or no folder, and an existing folder is never written into.
    private func writeFolder(_ files: [String: Data]) throws {
        let manager = FileManager.default
        let staging = out.url.deletingLastPathComponent()
            .appendingPathComponent(".\(out.url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for (name, data) in files {
                try data.write(to: staging.appendingPathComponent(name + ".csv"), options: .withoutOverwriting)
            }
            try manager.moveItem(at: staging, to: out.url)
        } catch {
            try? manager.removeItem(at: staging)
            throw PipelineError.cannotCreate("\(out.path): cannot write: \(error.localizedDescription)")
        }
    }

    /// The names a template shows, taken from the plan folder itself (so no dataset is needed): labels and
    /// commune names from the route sheets' CSVs, enumerators' names from the post-office summaries.
    private struct Names {
        var labels: [String: String] = [:]
        var communes: [String: String] = [:]
        var enumerators: [String: String] = [:]
        /// Enumerator ID → the name of its post office's summary file, without `.csv`.
        var offices: [String: String] = [:]

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
                let office = String(file.path.dropFirst("post-offices/".count).dropLast(".csv".count))
                for row in try Self.rows(file, parent) {
                    guard let id = row["enumerator_id"], !id.isEmpty else { continue }
                    if let name = row["enumerator_name"] { enumerators[id] = name }
                    offices[id] = office
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
