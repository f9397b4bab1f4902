import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

extension PlanVerifier {
    /// Renders every derived file again from the plan's primary files and the dataset, with the same renderers
    /// the jobs write them with, and reports each file that differs, is missing, or should not be there.
    ///
    /// The primary files are `sample.csv` (itself drawn again from the seed), `fieldwork.json` (the fieldwork
    /// plan at full precision), `releases.csv` and `availability/` of a re-plan, and the manifest (seed, language,
    /// solver record, parent). Everything else a plan folder holds — `assignments.csv`, route sheets (CSV and
    /// HTML), post-office summaries, bundles, notices, the GeoJSON, the Survey Solutions and SurveyCTO exports,
    /// the fieldwork report, `summary.html`, and for a folder of `planner sample` or `planner plan` also
    /// `allocation.csv` and `design-report.md` — is a rendering of them, so an edit that the manifest was
    /// re-hashed over shows up here: the edited file no longer is what its sources give. A re-plan's own reports
    /// (`weights.csv`, `changes.csv`, `visit-changes.csv`, `replan-report.md`, the dashboard of `summary.html`)
    /// are rendered again from the parent plan too (`ReplanReportSources`); when the parent is not found they
    /// are checked by their digests (and the signature) only. Every file a re-plan must have has to be present.
    ///
    /// - Parameters:
    ///   - changed: files already reported as changed or missing by the digest check, not compared again.
    ///   - redrawn: the sample drawn again from the manifest's seed; nil for a re-plan or when it cannot be drawn.
    ///   - reports: what a re-plan's own reports are rendered from; nil for a first plan or when the parent is
    ///     not found.
    func checkDerivedFiles(files: [String: Data], changed: Set<String>, dataset: Dataset, redrawn: SamplePlan?,
                           replanned: ReplannedFolder?, reports: ReplanReportSources?,
                           _ findings: inout [PlanFinding]) {
        // Primary files, and the sample files a derived folder copies from its parent (checked against the
        // parent's digests by the history check).
        var kept: Set<String> = [PlanFile.sample, PlanFile.allocation, PlanFile.designReport]
        if manifest.kind == "plan" { kept.insert(PlanFile.fieldwork) }
        if manifest.replan != nil {
            kept.formUnion([PlanFile.releases, PlanFile.newEnumerators, PlanFile.unavailability])
            kept.formUnion(Self.replanOwnReports)
        }
        if reports != nil, reports?.figures == nil {
            for path in [PlanFile.replanReport, SummaryPage.path] where files[path] != nil && !changed.contains(path) {
                findings.append(PlanFinding(.derived, path, "cannot be rendered again: the manifest's replan record "
                                            + "has no figures (the day-trips kept, the progress files' rows, "
                                            + "--unrecorded), which older planners did not write or which was "
                                            + "removed; re-plan the parent again to get a folder verify can check"))
            }
        }
        let languages = manifest.language.flatMap(Language.init(rawValue:)).map { [$0] } ?? Language.allCases
        var best: (expected: [String: Data], differences: Int)?
        // A plan written before its language was recorded is rendered in each language; the closer one counts.
        for language in languages {
            guard let expected = renderedFiles(files: files, dataset: dataset, redrawn: redrawn, replanned: replanned,
                                               reports: reports, language: language, &findings) else {
                checkReplanFilesPresent(files: files, changed: changed, rendered: [:], &findings)
                return
            }
            let differences = expected.filter { files[$0.key] != $0.value }.count
            if best.map({ differences < $0.differences }) ?? true { best = (expected, differences) }
        }
        guard let expected = best?.expected else { return }
        let sources = manifest.kind == "sample" ? "the sample drawn again from the seed and the dataset"
            : "\(PlanFile.fieldwork), \(PlanFile.sample) and the dataset"
        // A re-plan's own reports also come from its parent and the figures its manifest records.
        let reportSources = "\(PlanFile.fieldwork), \(PlanFile.sample), \(PlanFile.releases), the parent plan, the "
            + "manifest's replan figures and the dataset"
        let cause = Self.causeOfDifference(recordedEdition: manifest.tool.renderingEdition,
                                           writer: "\(manifest.tool.name) \(manifest.tool.version)",
                                           signed: publicKey != nil && !findings.contains { $0.check == .signature })
        for path in expected.keys.sorted() where !changed.contains(path) {
            let rendered = expected[path]!
            let from = Self.replanOwnReports.contains(path) && manifest.replan != nil ? reportSources : sources
            guard let data = files[path] else {
                findings.append(PlanFinding(.integrity, path, "expected the file rendered from \(from), found "
                                            + "neither the file nor its manifest entry: removed from the plan"))
                continue
            }
            if data != rendered {
                let line = Self.firstDifferentLine(data, rendered)
                findings.append(PlanFinding(.derived, path, line: line,
                                            "expected the file rendered again from \(from), found other content"
                                                + (line.map { " from line \($0)" } ?? "") + cause))
            }
        }
        checkReplanFilesPresent(files: files, changed: changed, rendered: expected, &findings)
        for path in files.keys.sorted() where expected[path] == nil && !kept.contains(path) {
            findings.append(PlanFinding(.integrity, path, "expected only the files a \(manifest.kind) folder has, "
                                        + "found one that no step of the planner writes"))
        }
    }

    /// Why a derived file can differ from this build's rendering of it, for the end of its finding.
    ///
    /// A file compared here has the bytes its manifest entry records, so it was edited and the manifest
    /// re-hashed, or the build that wrote it renders it differently. The rendering edition the manifest records
    /// tells the two apart: the same edition renders the same bytes (`RenderingEditionTests` holds every change
    /// to a renderer to a new edition), so a difference is an edit; another edition, or none recorded (plans
    /// written before it was), leaves both possible. A signature checked and holding rules out the edit.
    static func causeOfDifference(recordedEdition: Int?, writer: String, signed: Bool) -> String {
        let current = PlannerVersion.renderingEdition
        let written = recordedEdition.map { "rendering edition \($0) (\(writer))" }
            ?? "\(writer) before rendering editions were recorded"
        if recordedEdition == current {
            return signed
                ? ": the file is as the plan wrote it (its digest is in the signed manifest), yet this build renders "
                    + "the same rendering edition (\(current)) differently; a renderer changed without its edition "
                    + "being raised, which is a fault of planner to report"
                : ": it was edited after the plan was written, with the manifest re-hashed (the plan was written by "
                    + "rendering edition \(current), the one this build renders, so its rendering is the same)"
        }
        return signed
            ? ": the file is as the plan wrote it (its digest is in the signed manifest); it was written by \(written), "
                + "and this build renders edition \(current) differently; render it again with that build, or plan "
                + "again with this one"
            : ": it was written by \(written), and this build renders edition \(current), so the difference may be "
                + "the renderer's or an edit made with the manifest re-hashed; verify it with a build of that "
                + "edition, or sign plans (--sign-key) so that --public-key rules out the edit"
    }

    /// A re-plan's own reports, the summary page with its dashboard included.
    static let replanOwnReports = Set(PlanFile.replanReports + [SummaryPage.path])

    /// Every file a re-planned folder must have, beyond those rendered again (reported as removed when missing):
    /// the parent's sample files it keeps and its own reports, found missing whether or not the parent and the
    /// allocation are at hand. `fieldwork.json`, `assignments.csv` and `releases.csv` are reported where they
    /// are read.
    private func checkReplanFilesPresent(files: [String: Data], changed: Set<String>, rendered: [String: Data],
                                         _ findings: inout [PlanFinding]) {
        guard manifest.replan != nil else { return }
        let required = [PlanFile.sample, PlanFile.allocation, PlanFile.designReport] + PlanFile.replanReports
            + [SummaryPage.path]
        for path in required where files[path] == nil && rendered[path] == nil && !changed.contains(path) {
            let what = Self.replanOwnReports.contains(path) ? "the report" : "the file of its parent's sample"
            findings.append(PlanFinding(.integrity, path, "expected \(what) every re-planned folder has, found "
                                        + "neither the file nor its manifest entry: removed from the plan"))
        }
    }

    /// Every file of the folder that is rendered from others, by path; nil (with a finding) when a source
    /// cannot be read.
    private func renderedFiles(files: [String: Data], dataset: Dataset, redrawn: SamplePlan?,
                               replanned: ReplannedFolder?, reports: ReplanReportSources?, language: Language,
                               _ findings: inout [PlanFinding]) -> [String: Data]? {
        var rendered: [String: Data] = [:]
        if manifest.parent == nil, let redrawn {
            for file in SampleFolder.files(for: redrawn, dataset: dataset, language: language)
            where file.path != PlanFile.sample {
                rendered[file.path] = file.data
            }
        }
        guard let sampleData = files[PlanFile.sample],
              let sample = try? SampleTables.readSample(sampleData, file: PlanFile.sample) else {
            // Reported by the coverage and sample checks.
            return rendered
        }
        let design: SampleDesignSummary
        if manifest.parent == nil {
            guard let redrawn else { return rendered }
            design = SampleDesignSummary(plan: redrawn)
        } else {
            // A folder without its allocation is reported by the history and presence checks; what it renders
            // cannot be known, so its other files are not called strays.
            guard let allocation = files[PlanFile.allocation],
                  let read = try? SampleDesignSummary.read(allocationCSV: allocation, file: PlanFile.allocation)
            else { return nil }
            design = read
        }
        guard manifest.kind == "plan" else {
            let summary = SummaryInput(dataset: dataset, sample: sample, design: design, manifest: manifest, plan: nil,
                                       language: language)
            rendered[SummaryPage.path] = SummaryPage.file(summary).data
            return rendered
        }
        guard let recordData = files[PlanFile.fieldwork] else {
            findings.append(PlanFinding(.integrity, PlanFile.fieldwork, "expected the fieldwork record every plan has, "
                                        + "found none in the manifest: the files rendered from it cannot be checked"))
            return nil
        }
        let record: FieldworkRecord
        do {
            record = try FieldworkRecord.read(recordData, file: PlanFile.fieldwork)
        } catch {
            findings += error.problems.map { PlanFinding(.format, PlanFile.fieldwork, line: $0.line, $0.description) }
            return nil
        }
        let plan = record.plan
        // The sheets' edition: plan name, version and dates from the manifest, a re-plan's marks from the record.
        var edition = SheetEdition(manifest: manifest)
        edition.marks = record.marks.compactMapValues(SheetEdition.Mark.init(rawValue:))
        edition.sheetChanges = record.sheets.map(SheetChange.changes(record:))
        let fieldworkFiles: [PlanFolder.File]
        if manifest.replan != nil {
            guard let replanned else { return nil }
            if let reports {
                // The re-plan's own writer: the fieldwork files with the history, and the re-plan's reports. Its
                // releases and changes of availability are primary files, read above, not renderings.
                var content = reports.content(record: record, sample: sample, dataset: replanned.dataset)
                // The sheets to reprint, keep and take back, as the record says, must be what comparing the two
                // folders gives.
                let recorded = record.sheets.map(SheetChange.changes(record:))
                if content.sheetChanges != recorded {
                    findings.append(PlanFinding(.derived, PlanFile.fieldwork, Self.sheetsFinding(recorded: recorded,
                                                                                                compared: content.sheetChanges)))
                }
                content.sheetChanges = recorded
                let primary: Set<String> = [PlanFile.fieldwork, PlanFile.releases, PlanFile.newEnumerators,
                                            PlanFile.unavailability]
                fieldworkFiles = ReplanFolder.files(content, language: language, edition: edition).filter {
                    !primary.contains($0.path) && (reports.figures != nil || $0.path != PlanFile.replanReport)
                }
                if reports.figures != nil {
                    let summary = SummaryInput(dataset: replanned.dataset, sample: sample, design: design,
                                               manifest: manifest, plan: plan, language: language)
                    let dashboard = ReplanDashboard.sections(content, language: language)
                    rendered[SummaryPage.path] = SummaryPage.file(summary, extraSections: dashboard).data
                }
            } else {
                fieldworkFiles = FieldworkFolder.files(plan: plan, sample: sample, dataset: replanned.dataset,
                                                       language: language, history: record.history, edition: edition)
            }
        } else {
            fieldworkFiles = FieldworkFolder.files(plan: plan, sample: sample, dataset: dataset, language: language,
                                                   edition: edition)
        }
        for file in fieldworkFiles where file.path != PlanFile.fieldwork {
            rendered[file.path] = file.data
        }
        if manifest.replan == nil {
            let summary = SummaryInput(dataset: dataset, sample: sample, design: design, manifest: manifest,
                                       plan: plan, language: language)
            rendered[SummaryPage.path] = SummaryPage.file(summary).data
        }
        return rendered
    }

    /// What differs between the sheet changes `fieldwork.json` records and those the comparison with the parent gives.
    static func sheetsFinding(recorded: [SheetKey: SheetChange]?, compared: [SheetKey: SheetChange]?) -> String {
        guard let recorded, let compared else {
            return "sheets: expected " + (compared == nil ? "none (the parent has no reserve-holders.csv to compare with)"
                                                          : "the sheets compared with the parent's")
                + ", found " + (recorded.map { "\($0.count)" } ?? "none")
        }
        let keys = Set(recorded.keys).union(compared.keys).sorted().filter { recorded[$0] != compared[$0] }
        let shown = keys.prefix(3).map { "\($0): \(compared[$0]?.rawValue ?? "none") expected, "
            + "\(recorded[$0]?.rawValue ?? "none") found" }
        return "sheets: \(keys.count) sheet(s) differ from the comparison with the parent plan (" + shown.joined(separator: "; ")
            + (keys.count > 3 ? "; …" : "") + ")"
    }

    /// The first line (1-based) at which two texts differ; nil when one is a prefix of the other.
    static func firstDifferentLine(_ lhs: Data, _ rhs: Data) -> Int? {
        var line = 1
        for (left, right) in zip(lhs, rhs) {
            if left != right { return line }
            if left == 0x0A { line += 1 }
        }
        return lhs.count == rhs.count ? nil : line
    }

    /// `manifest.sig` must be the signature of `manifest.json`'s exact bytes by `key`.
    func checkSignature(_ key: PlanPublicKey, _ findings: inout [PlanFinding]) {
        guard let signature = try? Data(contentsOf: folder.appendingPathComponent(PlanFile.signature)) else {
            findings.append(PlanFinding(.signature, PlanFile.signature, "expected the signature of manifest.json (a "
                                        + "public key was given), found no such file: the plan is unsigned"))
            return
        }
        guard let manifestData = try? Data(contentsOf: folder.appendingPathComponent(PlanFile.manifest)) else { return }
        if let problem = key.problem(signatureFile: signature, manifest: manifestData) {
            findings.append(PlanFinding(.signature, PlanFile.signature, problem))
        }
    }
}
