import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat

/// What a folder written by `planner replan` holds beyond a plan, read from the folder's own files: the as-of
/// date, the changes of availability so far (`availability/`) and the reserve units released so far
/// (`releases.csv`), as docs/replanning.md gives them.
///
/// The planned visits of a re-plan were made against the dataset with those changes applied, so the verifier
/// checks them against that dataset, not the one on disk alone.
struct ReplannedFolder {
    static let newEnumeratorsPath = PlanFile.newEnumerators
    static let unavailabilityPath = PlanFile.unavailability

    /// The first re-planned day: rows before it are history, rows from it on are planned.
    var asOf: CalendarDate
    /// The dataset with the folder's new enumerators and unavailability spans added.
    var dataset: Dataset
    /// The changes of `availability/` (the parents' and this re-plan's), as the re-plan wrote them.
    var changes: AvailabilityChanges
    /// The spans of `availability/unavailability.csv`, so that a finding names the file that holds its span.
    var addedUnavailability: [Unavailability] { changes.unavailability }
    /// The rows of `releases.csv`: every reserve released so far (by the parents and by this re-plan).
    var releases: [PlanTable.Row]

    /// Reserve units the folder's `releases.csv` releases.
    var releasedUnitIDs: Set<String> { Set(releases.map { $0["reserve_unit_id"] }) }

    /// Reads the folder's `availability/` and `releases.csv`; problems become `format` findings.
    init(asOf: CalendarDate, folder: URL, files: [String: Data], dataset base: Dataset,
         findings: inout [PlanFinding]) {
        self.asOf = asOf
        var changes = AvailabilityChanges()
        do {
            changes = try AvailabilityTables.read(folder: folder, present: { files[$0] != nil }, dataset: base)
        } catch {
            findings += error.problems.map { problem in
                let name = URL(fileURLWithPath: problem.file).lastPathComponent
                return PlanFinding(.format, "availability/\(name)", line: problem.line,
                                   "\(problem.field): expected \(problem.expected), found \(problem.found)")
            }
        }
        dataset = changes.applied(to: base)
        self.changes = changes

        releases = []
        if let data = files[PlanFile.releases] {
            releases = PlanTable.read(data, path: PlanFile.releases, requiring: ReleaseTable.columns.map(\.name),
                                      findings: &findings)?.rows ?? []
        } else {
            findings.append(PlanFinding(.integrity, PlanFile.releases, "expected the release log of a re-planned "
                                        + "folder, found none in the manifest"))
        }
    }
}
