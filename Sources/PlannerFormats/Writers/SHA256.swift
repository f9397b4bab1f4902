import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 (FIPS 180-4) for the digests a plan records, computed by swift-crypto.
///
/// Used for identity, not secrecy: a plan records the digests of the files it was made from and of the files it
/// wrote, so that a re-plan or `planner verify` can tell whether anything changed. The work is swift-crypto's
/// `SHA256` (BoringSSL's assembly, with the CPU's SHA instructions where it has them); this type only adds the
/// shapes the planner needs — hexadecimal digests, and a file streamed through one reused buffer so that a
/// large listing is never held twice in memory. Feed data in pieces with `update`, then call `finalize`.
///
/// Not `Sendable`: swift-crypto's hasher keeps BoringSSL's context in a class. Hash where the data is, or give
/// each thread its own hasher.
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// The digest of `data` in one call.
    public static func hash(_ data: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalize()
    }

    /// The digest as 64 lowercase hexadecimal digits.
    public static func hexDigest(_ data: some Sequence<UInt8>) -> String {
        hexString(hash(data))
    }

    /// The digest of a file as 64 lowercase hexadecimal digits, read in 1 MB pieces into one reused buffer.
    public static func hexDigest(contentsOf url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        let descriptor = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { hasher.hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return hexString(hasher.finalize())
    }

    /// Adds bytes to the message; contiguous storage (`Data`, arrays and their slices) is hashed in place.
    public mutating func update(_ data: some Sequence<UInt8>) {
        let wasContiguous = data.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        } != nil
        if !wasContiguous {
            Array(data).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
    }

    /// The 32-byte digest of everything given to `update`; the hasher is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hexString(_ digest: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(2 * digest.count)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
