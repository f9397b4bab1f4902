import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a text file once they are known to be UTF-8, with any byte order mark removed.
///
/// Parsers work on these bytes directly: every delimiter they look for is ASCII, and a UTF-8 continuation
/// byte can never be mistaken for one. Checking the encoding first turns the usual culprits — a spreadsheet
/// saved as UTF-16, a file in a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) — into one clear
/// problem instead of a page of garbled names.
public struct UTF8Source: Sendable {
    public let bytes: [UInt8]

    /// Checks and wraps a file's contents; the problem names the first offending byte's location.
    public init(data: Data, file: String) throws(InputProblem) {
        try self.init(bytes: [UInt8](data), file: file)
    }

    /// Checks and wraps bytes already read, without copying them.
    init(bytes: [UInt8], file: String) throws(InputProblem) {
        var bytes = bytes
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw InputProblem(file: file, location: SourceLocation(line: 1, column: 1), field: "encoding",
                               expected: "UTF-8", found: "UTF-16 (a UTF-16 byte order mark); save the file as UTF-8")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        if let nul = Self.firstNUL(in: bytes) {
            let location = Self.location(of: nul, in: bytes)
            let looksLikeUTF16 = Self.looksLikeUTF16(bytes)
            throw InputProblem(file: file, location: location, field: "encoding", expected: "UTF-8",
                               found: looksLikeUTF16 ? "UTF-16 (NUL bytes between characters); save the file as UTF-8"
                                   : "a NUL byte")
        }
        if let bad = Self.firstInvalidUTF8(in: bytes) {
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            throw InputProblem(file: file, location: Self.location(of: bad, in: bytes), field: "encoding",
                               expected: "UTF-8",
                               found: "byte 0x\(byte), which is not UTF-8 (a legacy encoding such as TCVN3, VNI or "
                                   + "Windows-1258?); save the file as UTF-8")
        }
        self.bytes = bytes
    }

    /// Decodes a byte range known to be valid UTF-8.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether a byte starts a code point (is not a UTF-8 continuation byte), i.e. advances the column.
    @inline(__always)
    static func startsCodePoint(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// The line and column of a byte offset, counting lines by LF (a CR before it is part of the line end).
    static func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var column = 1
        for index in 0..<offset {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if startsCodePoint(byte) {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// The offset of the first NUL byte, found by `memchr`.
    static func firstNUL(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Text in UTF-16 has a NUL in every other byte when it is mostly ASCII, as CSV headers are.
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(200)
        guard sample.count >= 4 else { return false }
        let evenNULs = stride(from: sample.startIndex, to: sample.endIndex, by: 2).filter { sample[$0] == 0 }.count
        let oddNULs = stride(from: sample.startIndex + 1, to: sample.endIndex, by: 2).filter { sample[$0] == 0 }.count
        let pairs = sample.count / 2
        return max(evenNULs, oddNULs) * 2 >= pairs
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), or nil.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0) }
    }

    private static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Eight bytes at a time: all ASCII (most of a CSV file) are skipped together, and otherwise the
            // ASCII bytes before the first other one (the lowest address is the lowest bits on a little-endian
            // CPU).
            if index + 8 <= count {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount / 8
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            guard secondRange.contains(bytes[index + 1]) else { return index }
            for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) {
                return index
            }
            index += length
        }
        return nil
    }
}
