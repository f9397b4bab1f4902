import Foundation
import PlannerFormats
import ZIPFoundation

/// The files of a zip archive held in memory, every position and size checked against the archive's bytes
/// before it is followed (APPNOTE.TXT: end of central directory record, ZIP64 end record and extended
/// information, central directory, local headers).
///
/// Why not ZIPFoundation's `Archive` for reading: on a damaged export (`FuzzSurveySolutions`) its in-memory
/// reader stops the process when a directory points past the end (`Range requires lowerBound <= upperBound` in
/// `Archive.MemoryFile.readData`), and on Linux its inflate loop reads on past an entry's data and, when the
/// deflate stream has not ended by the end of the archive, asks for empty chunks for ever. Only its inflate
/// (`Data.decompress`) and CRC-32 are used here, fed the entry's own compressed bytes, in full chunks (its loop
/// tells zlib a chunk is always full: the bytes past the entry are zeros, which no deflate stream in progress
/// accepts for long), and stopped when those bytes are used up or the output passes the entry's size.
struct ExportArchive {
    struct Entry {
        /// As stored (UTF-8, which ASCII names of an export are either way).
        var path: String
        var method: UInt64
        var crc32: UInt64
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var dataOffset: Int
        var isEncrypted: Bool
        /// A Unix symbolic link (its data is the link's target): not a file of the export.
        var isSymbolicLink: Bool
        var isDirectory: Bool { path.hasSuffix("/") }
    }

    enum Failure: Error {
        /// No end of central directory record: not a zip at all.
        case notAZip
        /// The archive's structure points outside it or is cut short.
        case damaged(String)
    }

    /// Why one entry's contents cannot be had.
    struct Unreadable: Error {
        var reason: String
    }

    private let bytes: [UInt8]
    let entries: [Entry]

    init(_ data: Data) throws(Failure) {
        let bytes = [UInt8](data)
        let size = UInt64(bytes.count)
        func u16(_ at: UInt64) -> UInt64? {
            at <= size && at + 2 <= size ? UInt64(bytes[Int(at)]) | UInt64(bytes[Int(at) + 1]) << 8 : nil
        }
        func u32(_ at: UInt64) -> UInt64? {
            guard let low = u16(at), let high = u16(at + 2) else { return nil }
            return low | high << 16
        }
        func u64(_ at: UInt64) -> UInt64? {
            guard let low = u32(at), let high = u32(at + 4) else { return nil }
            return low | high << 32
        }
        guard size >= 22, let end = stride(from: size - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else { throw .notAZip }
        var count = u16(end + 10)!
        var directory = u32(end + 16)!
        // A ZIP64 end record, found through its locator just before the end record, replaces both.
        if end >= 20, u32(end - 20) == 0x0706_4B50, let record = u64(end - 20 + 8), record <= size,
           u32(record) == 0x0606_4B50, let records = u64(record + 32), let start = u64(record + 48) {
            count = records
            directory = start
        }
        guard directory <= size else {
            throw .damaged("its directory starts at byte \(directory), past its end (\(size) bytes)")
        }
        guard count <= size / 46 else { throw .damaged("its directory claims \(count) entries, more than \(size) bytes hold") }

        var entries: [Entry] = []
        var position = directory
        for index in 0..<count {
            guard u32(position) == 0x0201_4B50, position + 46 <= size else {
                throw .damaged("its directory is cut short after \(index) of \(count) entries")
            }
            let madeBy = u16(position + 4)!, flags = u16(position + 8)!, method = u16(position + 10)!
            let crc32 = u32(position + 16)!
            var compressed = u32(position + 20)!, uncompressed = u32(position + 24)!
            let nameLength = u16(position + 28)!, extraLength = u16(position + 30)!, commentLength = u16(position + 32)!
            let external = u32(position + 38)!
            var offset = u32(position + 42)!
            let nameStart = position + 46, extraStart = nameStart + nameLength, extraEnd = extraStart + extraLength
            let next = extraEnd + commentLength
            guard next <= size else { throw .damaged("its directory is cut short after \(index) of \(count) entries") }
            let path = String(decoding: bytes[Int(nameStart)..<Int(extraStart)], as: UTF8.self)
            // ZIP64 extended information: the 64-bit values of the fields whose 32-bit value is 0xFFFFFFFF, in order.
            var field = extraStart
            while let id = u16(field), let length = u16(field + 2), field + 4 + length <= extraEnd {
                if id == 0x0001 {
                    var slot = field + 4
                    let fieldEnd = field + 4 + length
                    func wide(_ value: UInt64) -> UInt64 {
                        guard value == 0xFFFF_FFFF, slot + 8 <= fieldEnd, let wide = u64(slot) else { return value }
                        slot += 8
                        return wide
                    }
                    uncompressed = wide(uncompressed)
                    compressed = wide(compressed)
                    offset = wide(offset)
                    break
                }
                field += 4 + length
            }
            let name = InputProblem.quoted(path)
            guard offset <= size, offset + 30 <= size, u32(offset) == 0x0403_4B50,
                  let localName = u16(offset + 26), let localExtra = u16(offset + 28)
            else { throw .damaged("the header of \(name) is not where its directory says (byte \(offset))") }
            let dataOffset = offset + 30 + localName + localExtra
            guard compressed <= size, dataOffset + compressed <= size else {
                throw .damaged("the data of \(name) runs past its end")
            }
            let isUnix = madeBy >> 8 == 3
            entries.append(Entry(
                path: path, method: method, crc32: crc32, compressedSize: compressed, uncompressedSize: uncompressed,
                dataOffset: Int(dataOffset), isEncrypted: flags & 1 != 0,
                isSymbolicLink: isUnix && (external >> 16) & 0o170000 == 0o120000))
            position = next
        }
        self.bytes = bytes
        self.entries = entries
    }

    /// An entry's bytes, decompressed and checked against its CRC-32 and size.
    func contents(of entry: Entry) throws(Unreadable) -> Data {
        guard !entry.isEncrypted else { throw Unreadable(reason: "an encrypted entry (an export with a password)") }
        let stored = bytes[entry.dataOffset..<entry.dataOffset + Int(entry.compressedSize)]
        var output = Data()
        switch entry.method {
        case 0:
            output = Data(stored)
        case 8:
            struct StreamCutShort: Error {}
            struct TooLong: Error {}
            // Whether zeros past the entry's bytes were handed out: output beyond the size then comes from them.
            var padded = false
            do {
                _ = try Data.decompress(
                    size: Int64(entry.compressedSize), bufferSize: 32 << 10, skipCRC32: true,
                    provider: { position, length in
                        guard position < Int64(stored.count) else { throw StreamCutShort() }
                        let from = stored.startIndex + Int(position)
                        let to = min(from + length, stored.endIndex)
                        var chunk = Data(stored[from..<to])
                        if chunk.count < length {
                            padded = true
                            chunk.append(Data(count: length - chunk.count))
                        }
                        return chunk
                    },
                    consumer: { chunk in
                        guard UInt64(output.count + chunk.count) <= entry.uncompressedSize else { throw TooLong() }
                        output.append(chunk)
                    })
            } catch is StreamCutShort {
                throw Unreadable(reason: "deflate data that ends before its stream does (a damaged archive)")
            } catch is TooLong where padded {
                throw Unreadable(reason: "deflate data that ends before its stream does (a damaged archive)")
            } catch is TooLong {
                throw Unreadable(reason: "deflate data longer than the \(entry.uncompressedSize) bytes its directory gives")
            } catch {
                throw Unreadable(reason: "deflate data that does not decompress (a damaged archive)")
            }
        default:
            throw Unreadable(reason: "compression method \(entry.method) (only stored and deflate are read)")
        }
        guard UInt64(output.count) == entry.uncompressedSize else {
            throw Unreadable(reason: "\(output.count) bytes where its directory gives \(entry.uncompressedSize)")
        }
        guard UInt64(output.crc32(checksum: 0)) == entry.crc32 else {
            throw Unreadable(reason: "contents whose CRC-32 does not match its directory (a damaged archive)")
        }
        return output
    }
}
