import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// The history a re-planned folder must hold, from its parent and the progress files its re-plan read.
///
/// docs/replanning.md, rule 1: recorded visits are copied as they are. So the history is exactly the parent's
/// recorded visits plus the rows of the progress files (read with the checks `planner replan` applies); nothing
/// is added, dropped, moved or changed. When a progress file is not at hand (moved, or changed since), the
/// parent's recorded visits must still be there unchanged, and every other recorded visit must be one the
/// parent planned before the as-of date (same unit, enumerator and date): a visit made as planned.
struct ReplanHistory {
    struct UnitDay: Hashable {
        var unitID: String
        var date: CalendarDate
    }

    struct PlannedVisit: Hashable {
        var unitID: String
        var enumeratorID: EnumeratorID
        var date: CalendarDate
    }

    /// The parent's `assignments.csv`: its planned visits and, for a re-planned parent, its history.
    var parent: PlanVisits
    /// The parent's `releases.csv`: the reserves that may have recorded visits.
    var parentReleases: [PlanTable.Row]
    var asOf: CalendarDate

    func check(_ history: [PlanInvariants.Visit], verifier: PlanVerifier, files: [String: Data],
               replanned: ReplannedFolder, _ findings: inout [PlanFinding]) {
        var sources = parent.history.isEmpty ? [] : ["the parent's history"]
        var expected: [UnitDay: RecordedVisit]? = Dictionary(
            parent.history.map { (UnitDay(unitID: $0.unitID, date: $0.date), $0) },
            uniquingKeysWith: { first, _ in first })
        var missingNote = ""
        for entry in verifier.manifest.replan?.progress ?? [] {
            sources.append(entry.path)
            guard let url = verifier.progressFiles[entry.path], let data = try? Data(contentsOf: url) else {
                expected = nil
                missingNote = "; the progress file \(entry.path) was not found to check it against (pass --progress)"
                continue
            }
            let digest = SHA256.hexDigest(data)
            guard digest == entry.sha256 else {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "the progress file \(url.relativePath) has SHA-256 \(digest); the "
                                                + "manifest records \(entry.sha256): it changed after the re-plan"))
                expected = nil
                missingNote = "; the progress file \(entry.path) changed since the re-plan"
                continue
            }
            guard let recorded = expected else { continue }
            do {
                let merged = try ProgressTable.read(data, file: entry.path,
                                                    context: context(recorded: Array(recorded.values), files: files,
                                                                     replanned: replanned))
                expected = Dictionary(merged.map { (UnitDay(unitID: $0.unitID, date: $0.date), $0) },
                                      uniquingKeysWith: { first, _ in first })
            } catch {
                findings.append(PlanFinding(.history, PlanFolder.manifestName,
                                            "the progress file \(url.relativePath) is not one the re-plan could read "
                                                + "(\(error.problems.first?.description ?? "")): the history is not "
                                                + "checked against it"))
                expected = nil
                missingNote = "; the progress file \(entry.path) cannot be read"
            }
        }
        if let expected {
            checkExact(history, expected: expected, sources: sources, &findings)
        } else {
            checkAgainstPlan(history, note: missingNote, &findings)
        }
    }

    /// What `planner replan` checked the progress file against.
    private func context(recorded: [RecordedVisit], files: [String: Data],
                         replanned: ReplannedFolder) -> ProgressTable.Context {
        var ignored: [PlanFinding] = []
        let sample = files[PlanFile.sample].flatMap {
            PlanTable.read($0, path: PlanFile.sample, requiring: ["unit_id", "role"], findings: &ignored)
        }?.rows ?? []
        let released = Set(parentReleases.map { $0["reserve_unit_id"] })
        return ProgressTable.Context(
            sampleUnitIDs: Set(sample.map { $0["unit_id"] }),
            planUnitIDs: Set(sample.filter { row in
                SampledUnit.Role(rawValue: row["role"]).map {
                    SampledUnit.isPlanUnit(role: $0, unitID: row["unit_id"], released: released)
                } ?? false
            }.map { $0["unit_id"] }),
            enumeratorIDs: Set(replanned.dataset.enumerators.map(\.id)), calendar: replanned.dataset.settings.calendar,
            asOf: asOf, recorded: recorded)
    }

    private func checkExact(_ history: [PlanInvariants.Visit], expected: [UnitDay: RecordedVisit], sources: [String],
                            _ findings: inout [PlanFinding]) {
        let named = sources.isEmpty ? "nothing (no progress file and no parent history)"
            : sources.joined(separator: " or ")
        var remaining = expected
        for visit in history {
            guard let found = visit.recorded else { continue }
            guard let record = remaining.removeValue(forKey: UnitDay(unitID: visit.unitID, date: visit.date)) else {
                findings.append(PlanFinding(.history, PlanFile.assignments, line: visit.line,
                                            "\(Self.describe(found)) is not a visit recorded in \(named): the "
                                                + "history before \(asOf) is frozen"))
                continue
            }
            if record != found {
                findings.append(PlanFinding(.history, PlanFile.assignments, line: visit.line,
                                            "\(Self.describe(found)); \(named) records \(Self.describe(record)): the "
                                                + "history before \(asOf) is frozen"))
            }
        }
        for record in remaining.values.sorted(by: RecordedVisit.historyOrder) {
            findings.append(PlanFinding(.history, PlanFile.assignments,
                                        "\(Self.describe(record)), recorded in \(named), is missing from the history"))
        }
    }

    private func checkAgainstPlan(_ history: [PlanInvariants.Visit], note: String, _ findings: inout [PlanFinding]) {
        var parentRecords = Dictionary(parent.history.map { (UnitDay(unitID: $0.unitID, date: $0.date), $0) },
                                       uniquingKeysWith: { first, _ in first })
        let planned = Set(parent.planned.filter { $0.date < asOf }.map {
            PlannedVisit(unitID: $0.unitID, enumeratorID: $0.enumeratorID, date: $0.date)
        })
        for visit in history {
            guard let found = visit.recorded else { continue }
            if let record = parentRecords.removeValue(forKey: UnitDay(unitID: visit.unitID, date: visit.date)) {
                if record != found {
                    findings.append(PlanFinding(.history, PlanFile.assignments, line: visit.line,
                                                "\(Self.describe(found)); the parent's history records "
                                                    + "\(Self.describe(record)): the history before \(asOf) is frozen"))
                }
            } else if !planned.contains(PlannedVisit(unitID: found.unitID, enumeratorID: found.enumeratorID,
                                                     date: found.date)) {
                findings.append(PlanFinding(.history, PlanFile.assignments, line: visit.line,
                                            "\(Self.describe(found)) is neither a visit the parent planned before "
                                                + "\(asOf) nor in the parent's history" + note))
            }
        }
        for record in parentRecords.values.sorted(by: RecordedVisit.historyOrder) {
            findings.append(PlanFinding(.history, PlanFile.assignments,
                                        "\(Self.describe(record)), in the parent's history, is missing from the "
                                            + "history"))
        }
    }

    /// `HH-1 on 2023-10-04 by EN05 (refused)`.
    static func describe(_ visit: RecordedVisit) -> String {
        "\(visit.unitID) on \(visit.date) by \(visit.enumeratorID) (\(visit.status.rawValue))"
    }
}
