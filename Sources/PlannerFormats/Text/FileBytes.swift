import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file into a byte array with `read(2)`, without an intermediate `Data`.
///
/// Returns nil on any failure (no file, not a regular file, a read error, a size that changed while reading):
/// the caller then reads the file the ordinary way, which reports the problem in its usual words. Opened without
/// blocking, so that a FIFO is refused by `fstat`, never waited on.
enum FileBytes {
    static func contents(of url: URL) -> [UInt8]? {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let count = read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                offset += count
            }
            // A file that grew or shrank while being read is left to the ordinary path.
            var probe: UInt8 = 0
            complete = offset == size && read(descriptor, &probe, 1) == 0
            initialized = offset
        }
        return complete ? bytes : nil
    }
}
