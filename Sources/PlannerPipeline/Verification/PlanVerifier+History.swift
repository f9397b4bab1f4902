import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

extension PlanVerifier {
    /// What the verifier knows of the parent plan a folder was derived from (`planner assign`, `planner replan`).
    struct ParentState {
        var manifest: PlanManifest?
        var folder: URL?
        /// The parent planned visits (it is a plan, not only a sample): this folder is a re-plan.
        var hasAssignments: Bool { manifest?.files.contains { $0.path == PlanFile.assignments } ?? false }

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

        /// A parent sample is kept as it was. A parent plan's history, releases and changes of availability are
        /// kept as they were, and the history grows only by the progress the re-plan read (docs/replanning.md).
        func checkHistory(of verifier: PlanVerifier, files: [String: Data], visits: [PlanInvariants.Visit],
                          replanned: ReplannedFolder?, _ findings: inout [PlanFinding]) {
            guard let manifest, let folder else { return }
            // The sample files are the parent's copies: the sample, its allocation and its design report.
            for path in [PlanFile.sample, PlanFile.allocation, PlanFile.designReport] {
                let parentDigest = manifest.files.first { $0.path == path }?.sha256
                let childDigest = verifier.manifest.files.first { $0.path == path }?.sha256
                if parentDigest != childDigest {
                    findings.append(PlanFinding(.history, path, "expected the parent's \(path) unchanged "
                                                + "(SHA-256 \(parentDigest ?? "none")), found "
                                                + (childDigest ?? "none")))
                }
            }
            if !hasAssignments { return }
            guard let replanned else {
                if verifier.dataset != nil && verifier.manifest.kind == "plan" {
                    findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                                "a plan derived from the plan \(folder.relativePath) has no replan "
                                                    + "record with its as-of date (pass --as-of): the history is not "
                                                    + "checked"))
                }
                return
            }
            let parent = ParentFiles(manifest: manifest, folder: folder)
            if let parentAsOf = manifest.replan.flatMap({ CalendarDate(iso8601: $0.asOf) }),
               replanned.asOf < parentAsOf {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "the as-of date \(replanned.asOf) is before the parent's as-of date "
                                                + "\(parentAsOf): the parent's days are history"))
            }
            guard let data = parent.data(PlanFile.assignments, &findings) else { return }
            let parentVisits: PlanVisits
            do {
                parentVisits = try PlanVisitsTable.readVisits(data, file: PlanFile.assignments)
            } catch {
                findings.append(PlanFinding(.history, PlanFile.assignments, "cannot read the parent's assignments.csv "
                                            + "(\(error.problems.first?.description ?? "")): the history is not "
                                                + "checked"))
                return
            }
            let parentReleases = parent.table(PlanFile.releases, &findings)
            checkKept(parentReleases, in: replanned.releases, path: PlanFile.releases, key: { $0["reserve_unit_id"] },
                      what: "releases stand once made", &findings)
            for path in [ReplannedFolder.newEnumeratorsPath, ReplannedFolder.unavailabilityPath] {
                var ignored: [PlanFinding] = []
                let childRows = files[path].flatMap { PlanTable.read($0, path: path, requiring: [], findings: &ignored) }
                checkKept(parent.table(path, &findings), in: childRows?.rows ?? [], path: path,
                          key: { row in row.values.keys.sorted().map { "\($0)=\(row[$0])" }.joined(separator: "|") },
                          what: "changes of availability are kept for later re-plans", &findings)
            }
            let history = ReplanHistory(parent: parentVisits, parentReleases: parentReleases?.rows ?? [],
                                        asOf: replanned.asOf)
            history.check(visits.filter(\.isHistory), verifier: verifier, files: files, replanned: replanned,
                          &findings)
        }

        /// Every row of the parent's file is in the child's, unchanged.
        private func checkKept(_ parentTable: PlanTable?, in childRows: [PlanTable.Row], path: String,
                               key: (PlanTable.Row) -> String, what: String, _ findings: inout [PlanFinding]) {
            let child = Dictionary(childRows.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            guard let parentTable else { return }
            for row in parentTable.rows {
                let shown = parentTable.columns.map { row[$0] }.joined(separator: ",")
                guard let kept = child[key(row)] else {
                    findings.append(PlanFinding(.history, path, "line \(row.line) of the parent's \(path) (\(shown)) "
                                                + "is missing: \(what)"))
                    continue
                }
                if kept.values != row.values {
                    findings.append(PlanFinding(.history, path, line: kept.line,
                                                "differs from line \(row.line) of the parent's \(path) (\(shown)): "
                                                    + what))
                }
            }
        }
    }

    /// The parent's files, each read only when it is the one the parent's manifest records.
    struct ParentFiles {
        var manifest: PlanManifest
        var folder: URL

        func data(_ path: String, _ findings: inout [PlanFinding]) -> Data? {
            guard let digest = manifest.files.first(where: { $0.path == path }) else { return nil }
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(path)),
                  SHA256.hexDigest(data) == digest.sha256 else {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "the parent's \(path) is missing or changed since its manifest was "
                                                + "written: the history is not checked against it"))
                return nil
            }
            return data
        }

        /// A parent CSV; nil when the parent has no such file.
        func table(_ path: String, _ findings: inout [PlanFinding]) -> PlanTable? {
            var ignored: [PlanFinding] = []
            return data(path, &findings).flatMap { PlanTable.read($0, path: path, requiring: [], findings: &ignored) }
        }
    }
}
