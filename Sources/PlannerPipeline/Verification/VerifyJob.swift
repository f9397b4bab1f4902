import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

/// `planner verify`: finds a plan folder's dataset, parent and progress files and runs `PlanVerifier`; reads
/// and never writes.
///
/// Paths recorded in the manifest (or given) are looked up as given, relative to `workingDirectory`, and else
/// relative to the folder that holds the plan, so that a plan moved together with its dataset still verifies.
public struct VerifyJob: Sendable {
    public var plan: TypedPath
    /// nil: the dataset the manifest records.
    public var dataset: String?
    /// nil: the parent the manifest records.
    public var parent: String?
    /// For a re-planned folder: the first day that may differ from the parent; nil: the manifest's `as_of`.
    public var asOf: CalendarDate?
    /// For a re-planned folder: where the progress files its re-plan read are now, one per file the manifest
    /// records, in its order; empty: the paths the manifest records.
    public var progressFiles: [String]
    /// The public key file (`planner keygen`) the plan must be signed with; nil: the signature is not checked.
    public var publicKey: TypedPath?
    public var workingDirectory: URL

    public init(plan: TypedPath, dataset: String? = nil, parent: String? = nil, asOf: CalendarDate? = nil,
                progressFiles: [String] = [], publicKey: TypedPath? = nil, workingDirectory: URL) {
        self.plan = plan
        self.dataset = dataset
        self.parent = parent
        self.asOf = asOf
        self.progressFiles = progressFiles
        self.publicKey = publicKey
        self.workingDirectory = workingDirectory
    }

    /// What the verifier found.
    public struct Outcome: Sendable {
        /// Every problem, by file and line; empty when the plan keeps every rule.
        public var findings: [PlanFinding]
        /// Files checked, the manifest included.
        public var checkedFiles: Int
    }

    public func run() throws -> Outcome {
        let key = try publicKey.map(SigningKeys.publicKey)
        let folder = try ParentPlan(plan)
        let manifest = folder.manifest
        let datasetPath = dataset ?? manifest.dataset
        guard let datasetFolder = existingItem(datasetPath, isFolder: true) else {
            throw PipelineError.invalidInput(
                "\(datasetPath): dataset: expected the dataset folder the plan was made from (pass --dataset), "
                    + "found no folder at this path")
        }
        let datasetLocation = TypedPath(datasetFolder.relativePath, relativeTo: workingDirectory)
        // A sample folder needs the dataset too: its sample is drawn again from the manifest's seed.
        let loaded: Dataset? = try DatasetReader().read(folder: datasetLocation.url)
        let parentFolder = (parent ?? manifest.parent?.path).flatMap { existingItem($0, isFolder: true) }
        let recordedProgress = manifest.replan?.progress.map(\.path) ?? []
        guard progressFiles.isEmpty || progressFiles.count == recordedProgress.count else {
            throw PipelineError.invalidRequest(
                "--progress: \(plan.path) records \(recordedProgress.count) progress file(s); give as many")
        }
        let given = progressFiles.isEmpty ? recordedProgress : progressFiles
        var progress: [String: URL] = [:]
        for (recorded, path) in zip(recordedProgress, given) {
            progress[recorded] = existingItem(path, isFolder: false)
        }
        let verifier = PlanVerifier(folder: folder.folder, manifest: manifest, dataset: loaded,
                                    datasetFolder: datasetLocation.url, parentFolder: parentFolder, asOf: asOf,
                                    progressFiles: progress, publicKey: key)
        return Outcome(findings: verifier.findings(), checkedFiles: manifest.files.count + 1)
    }

    /// A file or folder as given (relative to the working directory), else relative to the folder holding the
    /// plan; `relativePath` is the path as given in the first case and an absolute path in the second.
    private func existingItem(_ path: String, isFolder wanted: Bool) -> URL? {
        var candidates = [TypedPath(path, relativeTo: workingDirectory).url]
        if !path.hasPrefix("/") {
            candidates.append(URL(fileURLWithPath: plan.url.deletingLastPathComponent().appendingPathComponent(path)
                .standardizedFileURL.path))
        }
        return candidates.first { url in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue == wanted
        }
    }
}
