import Foundation
import PlannerCore
import PlannerFormats
import PlannerReports

/// Checks a plan folder from its files alone, independently of the solver that made it.
///
/// It checks that the folder is what its manifest says (every file listed, present and with its SHA-256, nothing
/// else), that the dataset is the one the plan was made from, and every rule a plan must keep (docs/model.md):
/// each main unit scheduled exactly once or listed as unscheduled, working days only and no buffer day, no visit
/// while the enumerator is unavailable, skills, each enumerator-day's minutes within its budget with travel
/// recomputed by the documented travel model, at most `max_communes_per_day` sites a day, visit orders 1…k, route
/// sheets that agree with `assignments.csv`, and for a folder derived from a parent plan the history before the
/// as-of date frozen. It reads and never writes.
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
    /// The first day that may differ from the parent's plan: visits before it are history.
    public var asOf: CalendarDate?

    public init(folder: URL, manifest: PlanManifest, dataset: Dataset? = nil, datasetFolder: URL? = nil,
                parentFolder: URL? = nil, asOf: CalendarDate? = nil) {
        self.folder = folder
        self.manifest = manifest
        self.dataset = dataset
        self.datasetFolder = datasetFolder
        self.parentFolder = parentFolder
        self.asOf = asOf
    }

    /// Everything wrong with the plan, by file and line; empty when the plan keeps every rule.
    public func findings() -> [PlanFinding] {
        var findings: [PlanFinding] = []
        let files = checkIntegrity(&findings)
        if let datasetFolder { checkInputs(datasetFolder: datasetFolder, &findings) }
        let parent = manifest.parent.map { _ in ParentState(verifier: self, findings: &findings) }
        if manifest.kind == "plan", let dataset, let assignmentsData = files["assignments.csv"] {
            let invariants = PlanInvariants(dataset: dataset, manifest: manifest, files: files,
                                            isReplanned: parent?.hasAssignments ?? false)
            invariants.check(assignments: assignmentsData, &findings)
        } else if manifest.kind == "plan", dataset != nil {
            findings.append(PlanFinding(.integrity, "assignments.csv", "expected the file of every fieldwork plan, "
                                        + "found none in the manifest"))
        }
        if let parent { parent.checkHistory(of: self, files: files, &findings) }
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

    /// The as-of date a re-planning command recorded in its manifest: the first string value under a key
    /// `as_of`, anywhere in the JSON, that is an ISO date.
    ///
    /// The verifier reads it this way so that it needs no change when `planner replan` adds its own section.
    public static func asOfDate(inManifest data: Data) -> CalendarDate? {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return nil }
        func search(_ value: Any) -> CalendarDate? {
            if let object = value as? [String: Any] {
                if let text = object["as_of"] as? String, let date = CalendarDate(iso8601: text) { return date }
                for key in object.keys.sorted() {
                    if let found = search(object[key]!) { return found }
                }
            } else if let array = value as? [Any] {
                for element in array {
                    if let found = search(element) { return found }
                }
            }
            return nil
        }
        return search(json)
    }
}
