import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a plan folder so that it appears whole or not at all, and never replaces an earlier one.
///
/// Every file goes into a hidden staging folder beside the destination and is flushed to disk; the manifest,
/// which lists every file's SHA-256, is written last; then one `rename` gives the staging folder its final
/// name. A run killed at any moment leaves either no plan or the complete plan (and, at worst, a hidden
/// `.…partial…` folder, which is never read as a plan and which the next write to the same destination
/// removes once its process is gone).
public struct PlanFolder: Sendable {
    /// One file of a plan, addressed by a path relative to the plan folder.
    public struct File: Sendable, Hashable {
        public var path: String
        public var data: Data

        public init(_ path: String, _ data: Data) {
            self.path = path
            self.data = data
        }
    }

    /// A written file's digest, as the manifest records it.
    public struct Digest: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
        public enum Kind: Hashable, Sendable {
            /// The destination exists: plans are never overwritten.
            case exists
            /// A file path is unsafe (absolute, `..`, empty component) or used twice.
            case invalidPath
            case system
        }

        public var kind: Kind
        public var path: String
        public var reason: String

        public var description: String { "\(path): \(reason)" }
    }

    public static let manifestName = "manifest.json"

    public let destination: URL

    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// Writes `files`, then the manifest built from their digests, and moves the folder into place.
    ///
    /// - Parameter manifest: builds `manifest.json` from the digests of every other file, in path order.
    public func write(_ files: [File], manifest: ([Digest]) throws -> Data) throws(WriteError) {
        try checkPaths(files)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination.path) {
            throw WriteError(kind: .exists, path: destination.path,
                             reason: "the folder exists; a plan is never overwritten (choose another --out)")
        }
        let parent = destination.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(kind: .system, path: parent.path, reason: "cannot create the folder: \(error)")
        }
        removeStaleStagingFolders(in: parent)
        let staging = try makeStagingFolder(in: parent)
        do throws(WriteError) {
            var digests: [Digest] = []
            for file in files.sorted(by: { $0.path < $1.path }) {
                try writeDurably(file.data, to: staging.appendingPathComponent(file.path))
                digests.append(Digest(path: file.path, sha256: SHA256.hexDigest(file.data), bytes: file.data.count))
            }
            let manifestData: Data
            do {
                manifestData = try manifest(digests)
            } catch {
                throw WriteError(kind: .system, path: Self.manifestName, reason: "cannot build the manifest: \(error)")
            }
            try writeDurably(manifestData, to: staging.appendingPathComponent(Self.manifestName))
            try moveIntoPlace(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    private func checkPaths(_ files: [File]) throws(WriteError) {
        var seen: Set<String> = [Self.manifestName]
        for file in files {
            let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
            let safe = !file.path.isEmpty && !file.path.hasPrefix("/")
                && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }
            guard safe else {
                throw WriteError(kind: .invalidPath, path: file.path,
                                 reason: "a plan file needs a relative path without '..' or empty parts")
            }
            guard seen.insert(file.path).inserted else {
                throw WriteError(kind: .invalidPath, path: file.path, reason: "two files of the plan share this path")
            }
        }
    }

    /// Removes this destination's staging folders left by runs that were killed: those whose process ID
    /// (`.<name>.partial-<pid>-<attempt>`) no longer exists.
    ///
    /// A folder of a live process is left alone, and so is one whose process ID was reused by another process
    /// (it is removed by a later run). Failure to remove is not an error: staging folders are hidden and never
    /// read as plans.
    func removeStaleStagingFolders(in parent: URL) {
        let prefix = ".\(destination.lastPathComponent).partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let suffix = name.dropFirst(prefix.count).split(separator: "-")
            guard suffix.count == 2, let pid = pid_t(suffix[0]), pid > 0, Int(suffix[1]) != nil,
                  pid != getpid() else { continue }
            let alive = kill(pid, 0) == 0 || errno == EPERM
            if !alive { try? FileManager.default.removeItem(at: parent.appendingPathComponent(name)) }
        }
    }

    private func makeStagingFolder(in parent: URL) throws(WriteError) -> URL {
        for attempt in 0..<100 {
            let candidate = parent.appendingPathComponent(
                ".\(destination.lastPathComponent).partial-\(getpid())-\(attempt)")
            if mkdir(candidate.path, 0o755) == 0 { return candidate }
            guard errno == EEXIST else { break }
        }
        throw WriteError(kind: .system, path: parent.path, reason: Self.systemError("creating a staging folder"))
    }

    private func writeDurably(_ data: Data, to url: URL) throws(WriteError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(kind: .system, path: folder.path, reason: "cannot create the folder: \(error)")
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(kind: .system, path: url.path, reason: Self.systemError("open"))
        }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += result
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else {
            throw WriteError(kind: .system, path: url.path, reason: Self.systemError("write"))
        }
    }

    /// Renames the staging folder to the destination, refusing to replace anything that appeared meanwhile.
    private func moveIntoPlace(_ staging: URL) throws(WriteError) {
        syncFolder(staging)
        // rename(2) would silently replace an empty folder of the same name; link-free folders cannot use
        // link(2), so take the name with mkdir first and replace only the folder we created.
        guard mkdir(destination.path, 0o755) == 0 else {
            let exists = errno == EEXIST
            throw WriteError(kind: exists ? .exists : .system, path: destination.path,
                             reason: exists ? "the folder appeared while the plan was being written; it is left alone"
                                            : Self.systemError("mkdir"))
        }
        guard rename(staging.path, destination.path) == 0 else {
            let reason = Self.systemError("rename")
            rmdir(destination.path)
            throw WriteError(kind: .system, path: destination.path, reason: reason)
        }
        syncFolder(destination.deletingLastPathComponent())
    }

    private func syncFolder(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func systemError(_ operation: String) -> String {
        "\(operation) failed: \(String(cString: strerror(errno)))"
    }
}
