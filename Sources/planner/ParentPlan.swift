import ArgumentParser
import Foundation
import PlannerFormats
import PlannerPipeline
import PlannerReports
import PlannerSampling

/// A plan folder read as the input of another command: its manifest, its sample, its files.
struct ParentPlan {
    let path: String
    let folder: URL

    init(path: String) {
        self.path = path
        folder = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath,
                                                            isDirectory: true))
    }

    func manifest() throws -> PlanManifest {
        let url = folder.appendingPathComponent(PlanFolder.manifestName)
        guard let data = try? Data(contentsOf: url) else {
            throw PipelineError.invalidInput(
                "\(path)/\(PlanFolder.manifestName): file: expected the manifest of a plan folder, found no such file")
        }
        do {
            return try PlanManifest.read(from: data)
        } catch {
            throw PipelineError.invalidInput(
                "\(path)/\(PlanFolder.manifestName): expected a planner manifest, found unreadable JSON (\(error))")
        }
    }

    func manifestDigest() throws -> String {
        SHA256.hexDigest(try Data(contentsOf: folder.appendingPathComponent(PlanFolder.manifestName)))
    }

    /// The dataset's files as the new plan's manifest records them, after checking that they are exactly the
    /// ones the parent was made from: none changed, none added (a listing added later would change the
    /// design), none removed.
    func unchangedInputs(manifest: PlanManifest, datasetFolder: URL) throws -> [PlanManifest.InputFile] {
        let current = try PlanManifest.inputFiles(in: datasetFolder)
        let now = Dictionary(current.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let recorded = Set(manifest.inputs.map(\.path))
        let changed = manifest.inputs.filter { now[$0.path] != $0.sha256 }.map(\.path)
            + current.map(\.path).filter { !recorded.contains($0) }
        guard changed.isEmpty else {
            throw PipelineError.invalidInput(
                "\(path): the dataset changed since this plan was made (\(changed.joined(separator: ", "))); "
                    + "expected the files recorded in its manifest")
        }
        return current
    }

    /// The plan's sample, after checking that `sample.csv` is the file the manifest recorded.
    func sample(manifest: PlanManifest) throws -> [SampledUnit] {
        let data = try files(["sample.csv"], manifest: manifest)[0].data
        return try SampleTables.readSample(data, file: "\(path)/sample.csv")
    }

    /// Files of the plan, each checked against its digest in the manifest.
    func files(_ names: [String], manifest: PlanManifest? = nil) throws -> [PlanFolder.File] {
        let recorded = try manifest ?? self.manifest()
        return try names.map { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                throw PipelineError.invalidInput("\(path)/\(name): file: expected a file of the plan, found no such file")
            }
            guard recorded.files.contains(where: { $0.path == name && $0.sha256 == SHA256.hexDigest(data) }) else {
                throw PipelineError.invalidInput(
                    "\(path)/\(name): expected the file recorded in the manifest, found a changed file")
            }
            return PlanFolder.File(name, data)
        }
    }
}
