import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens input files so that nothing but a regular file is ever read, and says plainly why a file cannot be.
///
/// Reading a FIFO blocks until something writes to it, and a device or a socket never ends: any of them in place
/// of a dataset or progress file would hang `validate`. The kind is checked with `stat` before opening, and the
/// file is opened with `O_NONBLOCK` and checked again with `fstat`, so that one swapped in between is refused
/// too, never waited on. A file that exists in a folder that cannot be searched is "permission denied", not
/// "no such file".
public enum InputFile {
    /// Why a path cannot be read as an input file.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case missing
        case permissionDenied
        /// Something other than a regular file: named by `kindName`.
        case notRegular(String)
        case system(String)

        /// The `found` part of a problem.
        public var description: String {
            switch self {
            case .missing: "no such file"
            case .permissionDenied: "permission denied"
            case .notRegular(let kind): kind
            case .system(let reason): "an error: \(reason)"
            }
        }
    }

    /// What is at `url`: nil for a regular file (following symbolic links), else why it cannot be read.
    public static func problem(at url: URL) -> Failure? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return failure(errno) }
        return regularOrFailure(status.st_mode)
    }

    /// The whole contents of a regular file.
    public static func read(_ url: URL) throws(Failure) -> Data {
        Data(try bytes(url))
    }

    /// The whole contents of a regular file, read straight into an array.
    public static func bytes(_ url: URL) throws(Failure) -> [UInt8] {
        if let failure = problem(at: url) { throw failure }
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
        if let failure = regularOrFailure(status.st_mode) { throw failure }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(status.st_size))
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// What a folder given as input is: nil when it is a folder that can be listed and searched.
    public static func folderProblem(at url: URL) -> Failure? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return failure(errno) }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return .notRegular(kindName(status.st_mode)) }
        guard access(url.path, R_OK | X_OK) == 0 else { return failure(errno) }
        return nil
    }

    private static func regularOrFailure(_ mode: mode_t) -> Failure? {
        (mode & S_IFMT) == S_IFREG ? nil : .notRegular(kindName(mode))
    }

    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe), not a regular file"
        case S_IFCHR: "a character device, not a regular file"
        case S_IFBLK: "a block device, not a regular file"
        case S_IFSOCK: "a socket, not a regular file"
        case S_IFREG: "a regular file"
        default: "not a regular file"
        }
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .missing
        case EACCES, EPERM: .permissionDenied
        default: .system(String(cString: strerror(code)))
        }
    }
}
