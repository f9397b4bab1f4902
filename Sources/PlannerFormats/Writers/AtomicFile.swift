import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it is either wholly there or not there at all, never half written.
///
/// The data go to a temporary file in the same folder (so that the final step is a rename within one file
/// system), are flushed to disk with `fsync`, and only then take the final name. Without `overwrite`, the
/// final step is `link`, which fails if the name exists: an earlier plan is never replaced by accident, even
/// by a concurrent run.
public enum AtomicFile {
    public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "\(path): cannot write: \(reason)" }
    }

    public static func write(_ data: Data, to url: URL, overwrite: Bool = false) throws(WriteError) {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw WriteError(path: path, reason: "the file exists (refusing to overwrite it)")
        }
        let temporary = try makeTemporaryFile(in: folder, for: url.lastPathComponent)
        do throws(WriteError) {
            try writeAll(data, to: temporary.descriptor, path: path)
            guard fsync(temporary.descriptor) == 0 else { throw WriteError(path: path, reason: systemError("fsync")) }
            guard close(temporary.descriptor) == 0 else { throw WriteError(path: path, reason: systemError("close")) }
        } catch {
            close(temporary.descriptor)
            unlink(temporary.path)
            throw error
        }
        if overwrite {
            guard rename(temporary.path, path) == 0 else {
                let reason = systemError("rename")
                unlink(temporary.path)
                throw WriteError(path: path, reason: reason)
            }
        } else {
            let linked = link(temporary.path, path) == 0
            let reason = linked ? "" : (errno == EEXIST ? "the file exists (refusing to overwrite it)" : systemError("link"))
            unlink(temporary.path)
            guard linked else { throw WriteError(path: path, reason: reason) }
        }
        syncFolder(folder)
    }

    private static func makeTemporaryFile(in folder: String, for name: String) throws(WriteError)
        -> (path: String, descriptor: Int32) {
        var attempt = 0
        while true {
            let candidate = "\(folder)/.\(name).\(getpid()).\(attempt).tmp"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 { return (candidate, descriptor) }
            guard errno == EEXIST, attempt < 100 else {
                throw WriteError(path: "\(folder)/\(name)", reason: systemError("creating a temporary file"))
            }
            attempt += 1
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(WriteError) {
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
        } catch {
            throw WriteError(path: path, reason: "write failed: \(error.localizedDescription)")
        }
    }

    /// Makes the new name itself durable; failure here is not an error (some file systems refuse it).
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func systemError(_ operation: String) -> String {
        "\(operation) failed: \(String(cString: strerror(errno)))"
    }
}
