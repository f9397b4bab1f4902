import Foundation

/// A ZIP archive whose entries are stored, not compressed, with a fixed time stamp: the same entries always give
/// the same bytes, so a plan's spreadsheets can be rendered again by `planner verify` and compared byte for byte.
///
/// Only what an Office Open XML package needs: no compression, no ZIP64 (an entry or archive over 4 GiB is a
/// programming error here), UTF-8 names. Deflate is left out on purpose: its bytes depend on the zlib build,
/// and the files are small.
public enum StoredZIPArchive {
    public struct Entry: Sendable {
        public var path: String
        public var data: Data
        public init(_ path: String, _ data: Data) {
            self.path = path
            self.data = data
        }
    }

    /// 1 January 1980 00:00, the earliest time MS-DOS dates hold: a constant, so that no clock enters the bytes.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Bit 11: names are UTF-8.
    private static let utf8Names: UInt16 = 1 << 11

    public static func data(_ entries: [Entry]) -> Data {
        var archive = Data()
        var directory = Data()
        for entry in entries {
            let name = Data(entry.path.utf8)
            let checksum = CRC32.checksum(entry.data)
            precondition(entry.data.count < Int(UInt32.max) && name.count < Int(UInt16.max), "entry too large for ZIP")
            let offset = UInt32(archive.count)
            archive.append(littleEndian: UInt32(0x0403_4b50))
            archive.append(littleEndian: UInt16(20))                 // version needed: 2.0
            archive.append(littleEndian: utf8Names)
            archive.append(littleEndian: UInt16(0))                  // stored
            archive.append(littleEndian: dosTime)
            archive.append(littleEndian: dosDate)
            archive.append(littleEndian: checksum)
            archive.append(littleEndian: UInt32(entry.data.count))   // compressed size
            archive.append(littleEndian: UInt32(entry.data.count))   // uncompressed size
            archive.append(littleEndian: UInt16(name.count))
            archive.append(littleEndian: UInt16(0))                  // extra field length
            archive.append(name)
            archive.append(entry.data)

            directory.append(littleEndian: UInt32(0x0201_4b50))
            directory.append(littleEndian: UInt16(20))               // made by: MS-DOS, 2.0
            directory.append(littleEndian: UInt16(20))
            directory.append(littleEndian: utf8Names)
            directory.append(littleEndian: UInt16(0))
            directory.append(littleEndian: dosTime)
            directory.append(littleEndian: dosDate)
            directory.append(littleEndian: checksum)
            directory.append(littleEndian: UInt32(entry.data.count))
            directory.append(littleEndian: UInt32(entry.data.count))
            directory.append(littleEndian: UInt16(name.count))
            directory.append(littleEndian: UInt16(0))                // extra field length
            directory.append(littleEndian: UInt16(0))                // comment length
            directory.append(littleEndian: UInt16(0))                // disk number
            directory.append(littleEndian: UInt16(0))                // internal attributes
            directory.append(littleEndian: UInt32(0))                // external attributes
            directory.append(littleEndian: offset)
            directory.append(name)
        }
        precondition(entries.count < Int(UInt16.max), "too many entries for ZIP")
        let directoryOffset = UInt32(archive.count)
        archive.append(directory)
        archive.append(littleEndian: UInt32(0x0605_4b50))
        archive.append(littleEndian: UInt16(0))                      // this disk
        archive.append(littleEndian: UInt16(0))                      // disk with the directory
        archive.append(littleEndian: UInt16(entries.count))
        archive.append(littleEndian: UInt16(entries.count))
        archive.append(littleEndian: UInt32(directory.count))
        archive.append(littleEndian: directoryOffset)
        archive.append(littleEndian: UInt16(0))                      // comment length
        return archive
    }
}

/// CRC-32 (IEEE 802.3, the polynomial ZIP uses), table-driven.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    public static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

private extension Data {
    mutating func append(littleEndian value: some FixedWidthInteger) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
