import Foundation
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

extension PlanVerifier {
    /// Checks every listed file against its digest and size, and that nothing unlisted is in the folder.
    ///
    /// - Returns: the contents of the listed files that exist, by path, for the other checks.
    func checkIntegrity(_ findings: inout [PlanFinding]) -> [String: Data] {
        var contents: [String: Data] = [:]
        // The manifest cannot list itself or its own signature.
        var listed: Set<String> = [PlanFolder.manifestName, PlanFolder.signatureName]
        for digest in manifest.files {
            guard Self.isSafeRelativePath(digest.path) else {
                findings.append(PlanFinding(.integrity, PlanFolder.manifestName,
                                            "lists \(InputProblem.quoted(digest.path)), which is not a path inside "
                                                + "the plan folder"))
                continue
            }
            guard listed.insert(digest.path).inserted else {
                findings.append(PlanFinding(.integrity, PlanFolder.manifestName, "lists \(digest.path) twice"))
                continue
            }
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(digest.path)) else {
                findings.append(PlanFinding(.integrity, digest.path,
                                            "expected the file the manifest lists, found no such file"))
                continue
            }
            let sha256 = SHA256.hexDigest(data)
            if sha256 != digest.sha256 || data.count != digest.bytes {
                findings.append(PlanFinding(.integrity, digest.path,
                                            "expected SHA-256 \(digest.sha256) (\(digest.bytes) bytes) as the "
                                                + "manifest records, found \(sha256) (\(data.count) bytes): the file "
                                                + "changed after the plan was written"))
            }
            contents[digest.path] = data
        }
        for path in Self.regularFiles(under: folder) where !listed.contains(path) {
            findings.append(PlanFinding(.integrity, path, "expected only the files the manifest lists, found a file "
                                        + "it does not list"))
        }
        return contents
    }

    /// Compares the dataset folder's files with the manifest's `inputs`.
    func checkInputs(datasetFolder: URL, _ findings: inout [PlanFinding]) {
        guard let now = try? PlanManifest.inputFiles(in: datasetFolder) else {
            findings.append(PlanFinding(.inputs, PlanFolder.manifestName,
                                        "cannot read the dataset folder \(datasetFolder.relativePath)"))
            return
        }
        let current = Dictionary(now.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let recorded = Dictionary(manifest.inputs.filter { !PlanManifest.isDocumentation($0.path) }
            .map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        for path in recorded.keys.sorted() {
            let dataset = datasetFolder.appendingPathComponent(path).relativePath
            if let sha256 = current[path] {
                if sha256 != recorded[path] {
                    findings.append(PlanFinding(.inputs, PlanFolder.manifestName,
                                                "\(dataset) changed since the plan was made (SHA-256 \(sha256), "
                                                    + "recorded \(recorded[path]!))"))
                }
            } else {
                findings.append(PlanFinding(.inputs, PlanFolder.manifestName,
                                            "\(dataset), an input of the plan, is missing"))
            }
        }
        for path in current.keys.sorted() where recorded[path] == nil {
            findings.append(PlanFinding(.inputs, PlanFolder.manifestName,
                                        "\(datasetFolder.appendingPathComponent(path).relativePath) was added to the "
                                            + "dataset after the plan was made"))
        }
    }

    /// Relative, no `..`, `.` or empty component: what `PlanFolder` itself accepts.
    static func isSafeRelativePath(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/")
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Paths of every regular file and symbolic link below `folder`, relative to it, sorted.
    static func regularFiles(under folder: URL) -> [String] {
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = root + "/" + path
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil
            if isLink || (FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) && !isFolder.boolValue) {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
