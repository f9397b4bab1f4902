import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

extension PlanInvariants {
    /// Each unit of the plan once in `assignments.csv` or in `unscheduled.csv` (never both); nothing unknown
    /// scheduled; unit types as `sample.csv` gives them.
    ///
    /// The units of a plan are its main units. Those of a re-planned folder are its main units and the reserves
    /// `releases.csv` releases; a unit whose history shows it completed or lost (docs/replanning.md, rule 2) is
    /// finished and is neither planned again nor unscheduled; every other is planned once, or unscheduled.
    func checkCoverage(_ visits: [Visit], _ findings: inout [PlanFinding]) {
        guard let sample = readSample(&findings) else { return }
        var units: [String: PlanTable.Row] = [:]
        for row in sample.rows where units[row["unit_id"]] == nil { units[row["unit_id"]] = row }
        let released = replanned?.releasedUnitIDs ?? []
        func isPlanUnit(_ unitID: String) -> Bool {
            let role = units[unitID].flatMap { SampledUnit.Role(rawValue: $0["role"]) } ?? .reserve
            return SampledUnit.isPlanUnit(role: role, unitID: unitID, released: released)
        }
        let progress = unitProgress(visits)

        var firstLine: [String: Int] = [:]
        for visit in visits {
            if !visit.isHistory {
                if let first = firstLine[visit.unitID] {
                    findings.append(PlanFinding(.coverage, PlanFile.assignments, line: visit.line,
                                                "unit \(visit.unitID) is scheduled again (first on line \(first))"))
                    continue
                }
                firstLine[visit.unitID] = visit.line
            }
            guard let unit = units[visit.unitID] else {
                findings.append(PlanFinding(.coverage, PlanFile.assignments, line: visit.line,
                                            "unit \(visit.unitID) is not in sample.csv"))
                continue
            }
            if !isPlanUnit(visit.unitID) {
                let message = replanned == nil
                    ? "unit \(visit.unitID) is a \(unit["role"]) unit; a plan schedules main units only"
                    : "unit \(visit.unitID) is a \(unit["role"]) unit that releases.csv does not release; only main "
                        + "units and released reserves are visited"
                findings.append(PlanFinding(.coverage, PlanFile.assignments, line: visit.line, message))
            }
            if unit["unit_type"] != visit.unitType {
                findings.append(PlanFinding(.coverage, PlanFile.assignments, line: visit.line,
                                            "unit \(visit.unitID) is a \(unit["unit_type"]) in sample.csv, found "
                                                + "unit_type \(InputProblem.quoted(visit.unitType))"))
            }
            if !visit.isHistory, let state = progress[visit.unitID], let finished = Self.finished(state) {
                findings.append(PlanFinding(.coverage, PlanFile.assignments, line: visit.line,
                                            "unit \(visit.unitID) was \(finished) (history), yet it is planned again"))
            }
        }

        var unscheduled: [String: Int] = [:]
        if let data = files[PlanFile.unscheduled] {
            if manifest.complete == true {
                findings.append(PlanFinding(.coverage, PlanFile.unscheduled, "the manifest says the plan is complete, "
                                            + "yet it lists unscheduled units"))
            }
            if let table = PlanTable.read(data, path: PlanFile.unscheduled, requiring: ["unit_id"],
                                          findings: &findings) {
                for row in table.rows {
                    let unitID = row["unit_id"]
                    if let first = unscheduled[unitID] {
                        findings.append(PlanFinding(.coverage, PlanFile.unscheduled, line: row.line,
                                                    "unit \(unitID) is listed again (first on line \(first))"))
                    } else if let scheduled = firstLine[unitID] {
                        findings.append(PlanFinding(.coverage, PlanFile.unscheduled, line: row.line,
                                                    "unit \(unitID) is listed as unscheduled but is scheduled on "
                                                        + "line \(scheduled) of assignments.csv"))
                    } else if units[unitID] == nil {
                        findings.append(PlanFinding(.coverage, PlanFile.unscheduled, line: row.line,
                                                    "unit \(unitID) is not in sample.csv"))
                    } else if !isPlanUnit(unitID) {
                        findings.append(PlanFinding(.coverage, PlanFile.unscheduled, line: row.line,
                                                    "unit \(unitID) is a reserve unit that is not a unit of the plan"))
                    } else if let state = progress[unitID], let finished = Self.finished(state) {
                        findings.append(PlanFinding(.coverage, PlanFile.unscheduled, line: row.line,
                                                    "unit \(unitID) was \(finished) (history); it needs no visit"))
                    }
                    if unscheduled[unitID] == nil { unscheduled[unitID] = row.line }
                }
            }
        } else if manifest.complete == false {
            findings.append(PlanFinding(.coverage, PlanFolder.manifestName, "the manifest says the plan is "
                                        + "incomplete, yet the folder has no unscheduled.csv"))
        }

        for row in sample.rows where isPlanUnit(row["unit_id"]) {
            let unitID = row["unit_id"]
            guard firstLine[unitID] == nil && unscheduled[unitID] == nil else { continue }
            if let replanned {
                guard progress[unitID].flatMap(Self.finished) == nil else { continue }
                let kind = row["role"] == "main" ? "main unit" : "released reserve unit"
                findings.append(PlanFinding(.coverage, PlanFile.sample, line: row.line,
                                            "\(kind) \(unitID) is neither completed nor lost in the history, nor "
                                                + "planned from \(replanned.asOf), nor listed in unscheduled.csv"))
            } else {
                findings.append(PlanFinding(.coverage, PlanFile.sample, line: row.line,
                                            "main unit \(unitID) is neither scheduled in assignments.csv nor listed "
                                                + "in unscheduled.csv"))
            }
        }
        if replanned != nil { checkReleases(units: units, progress: progress, &findings) }
    }

    private func readSample(_ findings: inout [PlanFinding]) -> PlanTable? {
        guard let data = files[PlanFile.sample] else {
            findings.append(PlanFinding(.integrity, PlanFile.sample, "expected the sample of the plan, found none in "
                                        + "the manifest"))
            return nil
        }
        return PlanTable.read(data, path: PlanFile.sample, requiring: ["unit_id", "unit_type", "role"],
                              findings: &findings)
    }

    /// Where each unit with recorded visits stands, by the rules `planner replan` applies (`UnitProgress`:
    /// `max_attempts` from survey.toml).
    func unitProgress(_ visits: [Visit]) -> [String: UnitProgress.State] {
        let recorded = Dictionary(grouping: visits.compactMap(\.recorded), by: \.unitID)
        let maxAttempts = dataset.settings.fieldwork.maxAttempts
        return recorded.mapValues { UnitProgress(unitID: $0[0].unitID, visits: $0, maxAttempts: maxAttempts).state }
    }

    /// `completed on …` or `lost on … (reason)`; nil for a unit still to visit.
    static func finished(_ state: UnitProgress.State) -> String? {
        switch state {
        case .completed(let date): return "completed on \(date)"
        case .nonresponse(let reason, let date): return "lost on \(date) (\(reason))"
        case .pending: return nil
        }
    }

    /// Each release names a reserve of `sample.csv` at its rank, released once, for a unit of the plan that the
    /// history shows lost, replaced once.
    private func checkReleases(units: [String: PlanTable.Row], progress: [String: UnitProgress.State],
                               _ findings: inout [PlanFinding]) {
        guard let replanned else { return }
        let released = replanned.releasedUnitIDs
        var reserveLine: [String: Int] = [:]
        var replacedLine: [String: Int] = [:]
        for row in replanned.releases {
            func finding(_ message: String) {
                findings.append(PlanFinding(.coverage, PlanFile.releases, line: row.line, message))
            }
            let reserveID = row["reserve_unit_id"], replacedID = row["replaced_unit_id"]
            if let reserve = units[reserveID] {
                if reserve["role"] != "reserve" {
                    finding("releases \(reserveID), which is a \(reserve["role"]) unit, not a reserve")
                } else if reserve["reserve_rank"] != row["rank"] {
                    finding("releases \(reserveID) as rank \(row["rank"]); sample.csv gives it reserve_rank "
                            + InputProblem.quoted(reserve["reserve_rank"]))
                }
            } else {
                finding("releases \(reserveID), which is not in sample.csv")
            }
            if let first = reserveLine[reserveID] {
                finding("releases \(reserveID) again (first on line \(first))")
            }
            reserveLine[reserveID] = reserveLine[reserveID] ?? row.line

            if units[replacedID]?["role"] != "main" && !released.contains(replacedID) {
                finding("replaces \(InputProblem.quoted(replacedID)), which is neither a main unit nor a released "
                        + "reserve")
            } else if let first = replacedLine[replacedID] {
                finding("replaces \(replacedID) again (first on line \(first))")
            } else if case .nonresponse = progress[replacedID] {
                // Lost, as a release needs.
            } else {
                let state = progress[replacedID].flatMap(Self.finished) ?? "not lost"
                finding("replaces \(replacedID), which the history does not show lost: \(state)")
            }
            replacedLine[replacedID] = replacedLine[replacedID] ?? row.line
        }
    }
}
