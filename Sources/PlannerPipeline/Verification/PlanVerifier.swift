import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// Checks a plan folder from its files alone, independently of the solver that made it.
///
/// It checks that the folder is what its manifest says (every file listed, present and with its SHA-256, nothing
/// else), that the dataset is the one the plan was made from, and every rule a plan must keep (docs/model.md):
/// each main unit scheduled exactly once or listed as unscheduled, working days only and no buffer day, no visit
/// while the enumerator is unavailable, skills, each enumerator-day's minutes within its budget with travel
/// recomputed by the documented travel model, at most `max_communes_per_day` sites a day, visit orders 1…k, route
/// sheets that agree with `assignments.csv`. A folder written by `planner replan` is checked by the rules of
/// docs/replanning.md: its history is its parent's plus the progress reported, every unit of the plan is finished
/// in the history or planned once from the as-of date (or unscheduled), and the planned visits keep the rules
/// above against the dataset with the folder's changes of availability, buffer days allowed. It reads and never
/// writes.
public struct PlanVerifier: Sendable {
    /// The plan folder.
    public var folder: URL
    public var manifest: PlanManifest
    /// The dataset the plan was made from; nil checks only the folder's integrity.
    public var dataset: Dataset?
    /// The dataset's folder, to compare its files with the manifest's `inputs`.
    public var datasetFolder: URL?
    /// The parent plan's folder when the manifest names one and it was found.
    public var parentFolder: URL?
    /// The first day that may differ from the parent's plan, to override the manifest's `replan.as_of`.
    public var asOf: CalendarDate?
    /// Where the progress files that the manifest's `replan.progress` lists were found, by the path it records;
    /// one not found leaves the history checked against the parent's planned visits only.
    public var progressFiles: [String: URL]
    /// The key the plan must be signed with (`--public-key`); nil: a signature, if any, is not checked.
    public var publicKey: PlanPublicKey?

    public init(folder: URL, manifest: PlanManifest, dataset: Dataset? = nil, datasetFolder: URL? = nil,
                parentFolder: URL? = nil, asOf: CalendarDate? = nil, progressFiles: [String: URL] = [:],
                publicKey: PlanPublicKey? = nil) {
        self.folder = folder
        self.manifest = manifest
        self.dataset = dataset
        self.datasetFolder = datasetFolder
        self.parentFolder = parentFolder
        self.asOf = asOf
        self.progressFiles = progressFiles
        self.publicKey = publicKey
    }

    /// The as-of date of a re-planned folder: `asOf` when given, else the one `planner replan` recorded.
    var replanAsOf: CalendarDate? { asOf ?? manifest.replan.flatMap { CalendarDate(iso8601: $0.asOf) } }

    /// Everything wrong with the plan, by file and line; empty when the plan keeps every rule.
    public func findings() -> [PlanFinding] {
        var findings: [PlanFinding] = []
        if let publicKey { checkSignature(publicKey, &findings) }
        let files = checkIntegrity(&findings)
        // Files whose bytes are not the manifest's were reported; they are not compared again with their rendering.
        let changed = Set(findings.filter { $0.check == .integrity }.map(\.path))
        if let datasetFolder { checkInputs(datasetFolder: datasetFolder, &findings) }
        // A re-plan keeps its parent's sample.csv, which the parent's own verification re-draws.
        var redrawn: SamplePlan?
        if let dataset, manifest.replan == nil {
            redrawn = checkRedrawnSample(files: files, dataset: dataset, &findings)
        }
        if let replan = manifest.replan, CalendarDate(iso8601: replan.asOf) == nil {
            findings.append(PlanFinding(.format, PlanFolder.manifestName, "replan.as_of: expected a date YYYY-MM-DD, "
                                        + "found \(InputProblem.quoted(replan.asOf))"))
        }
        let parent = manifest.parent.map { _ in ParentState(verifier: self, findings: &findings) }
        var visits: [PlanInvariants.Visit] = []
        var replanned: ReplannedFolder?
        if manifest.kind == "plan", let dataset, let assignmentsData = files[PlanFile.assignments] {
            if let asOf = replanAsOf {
                replanned = ReplannedFolder(asOf: asOf, folder: folder, files: files, dataset: dataset,
                                            findings: &findings)
            }
            let invariants = PlanInvariants(dataset: dataset, manifest: manifest, files: files, replanned: replanned)
            visits = invariants.check(assignments: assignmentsData, &findings)
        } else if manifest.kind == "plan", dataset != nil {
            findings.append(PlanFinding(.integrity, PlanFile.assignments, "expected the file of every fieldwork plan, "
                                        + "found none in the manifest"))
        }
        if let parent {
            parent.checkHistory(of: self, files: files, visits: visits, replanned: replanned, &findings)
        }
        if let dataset {
            let reports = replanReportSources(parent: parent, files: files, dataset: dataset, replanned: replanned,
                                              &findings)
            checkDerivedFiles(files: files, changed: changed, dataset: dataset, redrawn: redrawn, replanned: replanned,
                              reports: reports, &findings)
        }
        return Self.ordered(findings)
    }

    /// By file (the manifest first), then line; findings without a line first within their file.
    static func ordered(_ findings: [PlanFinding]) -> [PlanFinding] {
        findings.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.path == PlanFolder.manifestName ? "" : lhs.element.path, lhs.element.line ?? 0,
                        lhs.offset)
            let right = (rhs.element.path == PlanFolder.manifestName ? "" : rhs.element.path, rhs.element.line ?? 0,
                         rhs.offset)
            return left < right
        }.map(\.element)
    }
}
