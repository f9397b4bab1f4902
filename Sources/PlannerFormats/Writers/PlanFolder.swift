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
/// which lists every file's SHA-256, is written last; then one `renameat2(RENAME_NOREPLACE)` gives the staging
/// folder its final name, failing with `EEXIST` if anything took the name meanwhile. A run killed at any moment
/// leaves either no plan or the complete plan (and, at worst, a hidden `.…partial…` folder, which is never read
/// as a plan, blocks no name, and which the next write to the same destination removes once its process is
/// gone). With `numbered`, a name taken by a concurrent run is no failure: the folder takes the next free name
/// (`<name>-2`, `<name>-3`, …), decided by the rename itself, so two runs can never both think a name theirs.
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
    /// Written after the manifest when the folder is signed; the manifest cannot list its own signature.
    public static let signatureName = "manifest.sig"

    public let destination: URL
    /// Whether a taken `destination` is replaced by the first free `<destination>-2`, `-3`, … instead of refused.
    public let numbered: Bool

    /// The most numbered names tried before giving up.
    static let maximumNumber = 10_000

    public init(destination: URL, numbered: Bool = false) {
        self.destination = destination.standardizedFileURL
        self.numbered = numbered
    }

    /// The names the folder may take, in order: `destination` alone, or numbered after it.
    func candidate(_ number: Int) -> URL {
        guard number > 1 else { return destination }
        return destination.deletingLastPathComponent()
            .appendingPathComponent("\(destination.lastPathComponent)-\(number)")
    }

    /// Writes `files`, then the manifest built from their digests, and moves the folder into place.
    ///
    /// - Parameters:
    ///   - manifest: builds `manifest.json` from the digests of every other file, in path order.
    ///   - signature: builds `manifest.sig` from the manifest's bytes; nil writes no signature.
    /// - Returns: the folder written: `destination`, or with `numbered` the free name it took.
    @discardableResult
    public func write(_ files: [File], manifest: ([Digest]) throws -> Data,
                      signature: ((Data) throws -> Data)? = nil) throws(WriteError) -> URL {
        try checkPaths(files)
        let fileManager = FileManager.default
        if !numbered && fileManager.fileExists(atPath: destination.path) {
            throw WriteError(kind: .exists, path: destination.path,
                             reason: "the folder exists; a plan is never overwritten (choose another --out)")
        }
        let parent = destination.deletingLastPathComponent()
        try createParent(parent)
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
            if let signature {
                let signatureData: Data
                do {
                    signatureData = try signature(manifestData)
                } catch {
                    throw WriteError(kind: .system, path: Self.signatureName, reason: "cannot sign the manifest: \(error)")
                }
                try writeDurably(signatureData, to: staging.appendingPathComponent(Self.signatureName))
            }
            return try moveIntoPlace(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    private func checkPaths(_ files: [File]) throws(WriteError) {
        var seen: Set<String> = [Self.manifestName, Self.signatureName]
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

    /// Creates the folder the plan goes into; a folder that cannot be created or written is said with the
    /// system's reason (permission denied, read-only file system, a file in the way).
    private func createParent(_ parent: URL) throws(WriteError) {
        // mkdir(2) for each missing level, so that the reason is the system's (`Not a directory`, `Permission
        // denied`, `Read-only file system`), which FileManager's errors do not carry on Linux.
        var missing: [URL] = []
        var folder = parent
        var status = stat()
        while stat(folder.path, &status) != 0 && errno == ENOENT && folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for level in missing.reversed() where mkdir(level.path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(kind: .system, path: level.path,
                             reason: Self.systemError("cannot create the folder: mkdir"))
        }
        guard stat(parent.path, &status) == 0 else {
            throw WriteError(kind: .system, path: parent.path,
                             reason: Self.systemError("cannot create the folder: stat"))
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw WriteError(kind: .system, path: parent.path, reason: "cannot create the folder: Not a directory")
        }
        guard access(parent.path, W_OK | X_OK) == 0 else {
            throw WriteError(kind: .system, path: parent.path,
                             reason: Self.systemError("cannot write into the folder: access"))
        }
    }

    /// Removes this destination's staging folders left by runs that were killed: those whose process
    /// (`.<name>.partial-<pid>-<attempt>`) no longer exists or is a zombie (killed, not yet reaped by its parent).
    ///
    /// A folder of a live process is left alone, and so is one whose process ID was reused by another process
    /// (it is removed by a later run). Failure to remove is not an error: staging folders are hidden, never read
    /// as plans and never block a plan's name.
    func removeStaleStagingFolders(in parent: URL) {
        let prefix = ".\(destination.lastPathComponent).partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let suffix = name.dropFirst(prefix.count).split(separator: "-")
            guard suffix.count == 2, let pid = pid_t(suffix[0]), pid > 0, Int(suffix[1]) != nil,
                  pid != getpid() else { continue }
            if !Self.isRunning(pid) { try? FileManager.default.removeItem(at: parent.appendingPathComponent(name)) }
        }
    }

    /// Whether process `pid` exists and is not a zombie (state `Z` in `/proc/<pid>/stat`, where `/proc` exists).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
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

    /// Renames the staging folder to the destination (or, numbered, to the first free name), refusing to replace
    /// anything that appeared meanwhile.
    private func moveIntoPlace(_ staging: URL) throws(WriteError) -> URL {
        syncFolder(staging)
        for number in 1...(numbered ? Self.maximumNumber : 1) {
            let target = candidate(number)
            if NoReplaceRename.rename(staging.path, to: target.path) {
                syncFolder(target.deletingLastPathComponent())
                return target
            }
            guard errno == EEXIST || errno == ENOTEMPTY else {
                throw WriteError(kind: .system, path: target.path, reason: Self.systemError("rename"))
            }
        }
        throw WriteError(kind: .exists, path: destination.path,
                         reason: numbered ? "every name up to -\(Self.maximumNumber) is taken"
                                          : "the folder appeared while the plan was being written; it is left alone")
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
