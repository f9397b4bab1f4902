import Foundation
import PlannerCore
import PlannerFormats
import PlannerReports

extension PlanVerifier {
    /// What the verifier knows of the parent plan a folder was derived from (`planner assign`, `planner replan`).
    struct ParentState {
        var manifest: PlanManifest?
        var folder: URL?
        /// The parent planned visits (it is a plan, not only a sample): this folder is a re-plan.
        var hasAssignments: Bool { manifest?.files.contains { $0.path == "assignments.csv" } ?? false }

        /// Reads the parent's manifest and checks it is the one the child names by digest.
        init(verifier: PlanVerifier, findings: inout [PlanFinding]) {
            guard let record = verifier.manifest.parent else { return }
            guard let folder = verifier.parentFolder else {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "the parent plan \(record.path) was not found (pass --parent); its "
                                                + "history is not checked"))
                return
            }
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(PlanFolder.manifestName)) else {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "the parent plan \(folder.relativePath) has no manifest.json"))
                return
            }
            let digest = SHA256.hexDigest(data)
            guard digest == record.manifestSHA256 else {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "expected the parent manifest with SHA-256 \(record.manifestSHA256), "
                                                + "found \(digest) in \(folder.relativePath): the parent changed"))
                return
            }
            self.folder = folder
            manifest = try? PlanManifest.read(from: data)
        }

        /// A parent sample is kept as it was; a parent plan's visits before the as-of date are kept as they were.
        func checkHistory(of verifier: PlanVerifier, files: [String: Data], _ findings: inout [PlanFinding]) {
            guard let manifest, let folder else { return }
            if !hasAssignments {
                let parentSample = manifest.files.first { $0.path == "sample.csv" }?.sha256
                let childSample = verifier.manifest.files.first { $0.path == "sample.csv" }?.sha256
                if parentSample != childSample {
                    findings.append(PlanFinding(.history, "sample.csv", "expected the parent's sample.csv unchanged "
                                                + "(SHA-256 \(parentSample ?? "none")), found "
                                                + (childSample ?? "none")))
                }
                return
            }
            guard let asOf = verifier.asOf else {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "no as-of date in the manifest (pass --as-of): the history is not checked"))
                return
            }
            var ignored: [PlanFinding] = []
            guard let parentData = try? Data(contentsOf: folder.appendingPathComponent("assignments.csv")),
                  let parent = PlanTable.read(parentData, path: "assignments.csv", requiring: ["unit_id", "date"],
                                              findings: &ignored),
                  let childData = files["assignments.csv"],
                  let child = PlanTable.read(childData, path: "assignments.csv", requiring: ["unit_id", "date"],
                                             findings: &ignored) else {
                findings.append(PlanFinding(.history, "assignments.csv",
                                            "cannot read the parent's or this plan's assignments.csv"))
                return
            }
            let before = { (row: PlanTable.Row) in CalendarDate(iso8601: row["date"]).map { $0 < asOf } ?? false }
            let frozen = ["unit_id", "enumerator_id", "date", "visit_order"]
            func key(_ row: PlanTable.Row) -> [String] { frozen.map { row[$0] } }
            let parentRows = Dictionary(parent.rows.filter(before).map { ("\($0["unit_id"])|\($0["date"])", $0) },
                                        uniquingKeysWith: { first, _ in first })
            let childRows = Dictionary(child.rows.filter(before).map { ("\($0["unit_id"])|\($0["date"])", $0) },
                                       uniquingKeysWith: { first, _ in first })
            for id in childRows.keys.sorted() {
                let row = childRows[id]!
                guard let old = parentRows[id] else {
                    findings.append(PlanFinding(.history, "assignments.csv", line: row.line,
                                                "\(row["unit_id"]) on \(row["date"]) is before the as-of date \(asOf) "
                                                    + "but not in the parent plan"))
                    continue
                }
                if key(old) != key(row) {
                    findings.append(PlanFinding(.history, "assignments.csv", line: row.line,
                                                "\(row["unit_id"]) on \(row["date"]) differs from the parent plan "
                                                    + "(line \(old.line)): history before \(asOf) is frozen"))
                }
            }
            for id in parentRows.keys.sorted() where childRows[id] == nil {
                let old = parentRows[id]!
                findings.append(PlanFinding(.history, "assignments.csv",
                                            "\(old["unit_id"]) on \(old["date"]) (parent line \(old.line)) is before "
                                                + "the as-of date \(asOf) but missing"))
            }
        }
    }
}
