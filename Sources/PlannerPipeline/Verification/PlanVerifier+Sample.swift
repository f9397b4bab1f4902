import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

extension PlanVerifier {
    /// Draws the sample again from the manifest's seed and the dataset, and reports every difference from the
    /// folder's `sample.csv`: a unit that is not the drawn one (swapped in or left out), and a drawn unit whose
    /// π, weight, stratum, role or rank was changed.
    ///
    /// The digests alone cannot catch a hand-edited `sample.csv` once the manifest is re-hashed; the seed, the
    /// generator and the dataset can, because the draw is deterministic (docs/sampling.md §6).
    ///
    /// - Returns: the sample drawn again, from which the other sample files are rendered again; nil when it
    ///   cannot be drawn.
    @discardableResult
    func checkRedrawnSample(files: [String: Data], dataset: Dataset, _ findings: inout [PlanFinding]) -> SamplePlan? {
        guard let recorded = files[PlanFile.sample] else { return nil }
        guard manifest.generator.name == Xoshiro256StarStar.name, manifest.generator.version == Xoshiro256StarStar.version
        else {
            findings.append(PlanFinding(.sample, PlanFolder.manifestName, "generator: expected \(Xoshiro256StarStar.name) "
                + "version \(Xoshiro256StarStar.version) to draw the sample again, found \(manifest.generator.name) "
                + "version \(manifest.generator.version)"))
            return nil
        }
        let design: SamplePlan
        do {
            design = try SampleDesigner.design(dataset: dataset, seed: manifest.seed)
        } catch {
            findings.append(PlanFinding(.sample, PlanFile.sample, "expected a sample the dataset can give with seed "
                + "\(manifest.seed), found the design refused: \(error)"))
            return nil
        }
        let redrawn = SampleTables.sampleCSV(design, dataset: dataset)
        guard redrawn != recorded else { return design }
        let reader = CSVReader()
        guard let file = try? reader.read(recorded, file: PlanFile.sample),
              let drawn = try? reader.read(redrawn, file: "sample.csv (redrawn)"),
              let fileID = file.columnIndex("unit_id"), let drawnID = drawn.columnIndex("unit_id")
        else {
            findings.append(PlanFinding(.sample, PlanFile.sample, "expected the sample drawn again from seed "
                + "\(manifest.seed), found a file that cannot be read as sample.csv"))
            return design
        }
        let drawnRows = Dictionary(drawn.records.map { ($0.fields[drawnID].text, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        let compared = ["stratum", "inclusion_probability", "design_weight", "role", "reserve_rank",
                        "first_stage_probability", "second_stage_probability"]
        for record in file.records {
            let unit = record.fields[fileID].text
            seen.insert(unit)
            let line = record.location.line
            guard let twin = drawnRows[unit] else {
                findings.append(PlanFinding(.sample, PlanFile.sample, line: line, "unit \(unit): expected only units "
                    + "drawn again from seed \(manifest.seed), found a unit the draw does not select"))
                continue
            }
            for column in compared {
                guard let mine = file.columnIndex(column), let theirs = drawn.columnIndex(column) else { continue }
                let found = record.fields[mine].text
                let expected = twin.fields[theirs].text
                if found != expected {
                    findings.append(PlanFinding(.sample, PlanFile.sample, line: line,
                                                "unit \(unit): \(column): expected "
                                                    + "\(expected.isEmpty ? "empty" : expected) as drawn again "
                                                    + "from seed \(manifest.seed), found "
                                                    + "\(found.isEmpty ? "empty" : found)"))
                }
            }
        }
        let missing = drawn.records.map { $0.fields[drawnID].text }.filter { !seen.contains($0) }
        if !missing.isEmpty {
            findings.append(PlanFinding(.sample, PlanFile.sample, "expected every unit drawn again from seed "
                + "\(manifest.seed), found \(missing.count) missing: \(missing.prefix(5).joined(separator: ", "))"
                + (missing.count > 5 ? ", …" : "")))
        }
        if findings.allSatisfy({ $0.check != .sample }) {
            findings.append(PlanFinding(.sample, PlanFile.sample,
                                        "expected the bytes of the sample drawn again from seed "
                                            + "\(manifest.seed), found the same units and probabilities written "
                                            + "differently"))
        }
        return design
    }
}
