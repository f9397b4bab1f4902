import Foundation
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// A plan folder read as the input of another job (`assign`, `replan`, `progress-template`): its manifest,
/// its sample, its files, each checked against the manifest's digests.
struct ParentPlan {
    /// The plan folder as the user gave it, for messages and the new manifest's `parent.path`.
    let path: String
    let folder: URL
    let manifest: PlanManifest

    /// Reads the folder's manifest.
    init(_ location: TypedPath) throws {
        path = location.path
        folder = location.url
        let url = folder.appendingPathComponent(PlanFolder.manifestName)
        guard let data = try? Data(contentsOf: url) else {
            throw PipelineError.invalidInput(
                "\(path)/\(PlanFolder.manifestName): file: expected the manifest of a plan folder, found no such file")
        }
        manifest = try PlanManifest.read(from: data, file: "\(path)/\(PlanFile.manifest)")
    }

    /// The plan a job builds on (`assign`, `replan`) and the dataset folder it was made from, after refusing an
    /// output folder inside either: every such job opens its inputs in this order.
    static func open(_ plan: TypedPath, dataset: TypedPath?, workingDirectory: URL,
                     out: URL?) throws -> (parent: ParentPlan, dataset: TypedPath) {
        let parent = try ParentPlan(plan)
        let location = parent.datasetLocation(dataset, workingDirectory: workingDirectory)
        try PlanDestination.refuseInside(out, inputs: [("plan folder", plan), ("dataset folder", location)])
        return (parent, location)
    }

    /// The new plan's `parent` record: this folder's path and its manifest's SHA-256.
    func parentRecord() throws -> PlanManifest.Parent {
        .init(path: path, manifestSHA256: SHA256.hexDigest(try Data(contentsOf: folder.appendingPathComponent(PlanFolder.manifestName))))
    }

    /// The dataset folder the plan was made from: `dataset` when given, else the manifest's, relative to
    /// `workingDirectory`.
    func datasetLocation(_ dataset: TypedPath?, workingDirectory: URL) -> TypedPath {
        dataset ?? TypedPath(manifest.dataset, relativeTo: workingDirectory)
    }

    /// The dataset's files as the new plan's manifest records them, after checking that they are the ones the
    /// parent was made from: none changed, none added (a listing added later would change the design), none
    /// removed — except `unavailability.csv`, whose changes are leave and dropouts that a re-plan takes as
    /// changes of availability (`allowingAvailability`), and documentation files, which are not inputs.
    ///
    /// - Returns: the files, and whether `unavailability.csv` changed (was edited, added or removed).
    func checkedInputs(datasetFolder: URL, datasetPath: String,
                       allowingAvailability: Bool = false) throws -> (files: [PlanManifest.InputFile], availabilityChanged: Bool) {
        let current = try PlanManifest.inputFiles(in: datasetFolder)
        let now = Dictionary(current.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let inputs = manifest.inputs.filter { !PlanManifest.isDocumentation($0.path) }
        let recorded = Set(inputs.map(\.path))
        let changed = Set(inputs.filter { now[$0.path] != $0.sha256 }.map(\.path)
            + current.map(\.path).filter { !recorded.contains($0) })
        let availability = "unavailability.csv"
        let refused = changed.subtracting(allowingAvailability ? [availability] : []).sorted()
        guard refused.isEmpty else {
            let files = refused.map { name in
                "\(datasetPath)/\(name) " + (now[name] == nil ? "removed" : recorded.contains(name) ? "changed" : "added")
            }
            let leave = allowingAvailability
                ? "; leave and dropouts go in \(availability) or a file given with --unavailable, new staff with "
                    + "--new-enumerators" : ""
            throw PipelineError.invalidInput(
                "\(path): the dataset changed since this plan was made (\(files.joined(separator: ", "))); expected "
                    + "the files recorded in its manifest. Undo the change, or plan again from the changed dataset "
                    + "with `planner plan`" + leave)
        }
        return (current, changed.contains(availability))
    }

    /// The plan's sample, after checking that `sample.csv` is the file the manifest recorded.
    func sample() throws -> [SampledUnit] {
        try SampleTables.readSample(try files([PlanFile.sample])[0].data, file: "\(path)/sample.csv")
    }

    /// The sample's files, copied unchanged into a plan derived from this one, and the design they describe.
    func sampleFiles() throws -> (files: [PlanFolder.File], design: SampleDesignSummary) {
        let files = try files([PlanFile.sample, PlanFile.allocation, PlanFile.designReport])
        return (files, try SampleDesignSummary.read(allocationCSV: files[1].data, file: "\(path)/allocation.csv"))
    }

    /// The plan's visits, planned and recorded.
    func visits() throws -> PlanVisits {
        try PlanVisitsTable.readVisits(try files([PlanFile.assignments])[0].data, file: "\(path)/assignments.csv")
    }

    /// Whether the manifest lists a file.
    func records(_ name: String) -> Bool { manifest.files.contains { $0.path == name } }

    /// Files of the plan, each checked against its digest in the manifest.
    func files(_ names: [String]) throws -> [PlanFolder.File] {
        try names.map { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                throw PipelineError.invalidInput("\(path)/\(name): file: expected a file of the plan, found no such file")
            }
            guard manifest.files.contains(where: { $0.path == name && $0.sha256 == SHA256.hexDigest(data) }) else {
                throw PipelineError.invalidInput(
                    "\(path)/\(name): expected the file recorded in the manifest, found a changed file")
            }
            return PlanFolder.File(name, data)
        }
    }
}
