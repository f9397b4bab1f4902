/// Checks, before ZIPFoundation opens an archive held in memory, that every position its directories lead the
/// reader to lies inside the archive's bytes.
///
/// ZIPFoundation 0.9.20 reads an in-memory archive through a file cookie whose read stops the process when a
/// seek went past the end (`Range requires lowerBound <= upperBound` in `Archive.MemoryFile.readData`), and turns
/// 64-bit sizes and offsets into `off_t` and `Int64` with conversions that trap above `Int64.max`. A truncated
/// download or a damaged export must be a problem, not a crash, so the positions it follows are checked here
/// first, with its own rules: the end of central directory record is the last signature found scanning back
/// from 22 bytes before the end; a ZIP64 record counts when its locator and record signatures stand just before
/// it; a central directory entry's ZIP64 field holds, in order, the sizes and offset whose 32-bit fields are
/// `0xFFFFFFFF` (and the disk, when that is `0xFFFF`), and counts only when its length matches; a data descriptor
/// follows the data when flag bit 3 is set. Positions are checked whichever of the 32- and 64-bit values
/// ZIPFoundation ends up using, so the check is never laxer than the reader.
enum ZipDirectoryCheck {
    /// Sizes beyond a terabyte are refused: no export is that large, and sums of a few such values cannot
    /// overflow.
    static let largestSize: UInt64 = 1 << 40

    /// Why the archive cannot be opened safely, or nil when every position is inside it (or when ZIPFoundation
    /// will refuse the archive itself, without seeking: no end record, an entry that cannot be read).
    static func damage(in bytes: [UInt8]) -> String? {
        let count = UInt64(bytes.count)
        func u16(_ at: UInt64) -> UInt64? {
            at + 2 <= count ? UInt64(bytes[Int(at)]) | UInt64(bytes[Int(at) + 1]) << 8 : nil
        }
        func u32(_ at: UInt64) -> UInt64? {
            guard let low = u16(at), let high = u16(at + 2) else { return nil }
            return low | high << 16
        }
        func u64(_ at: UInt64) -> UInt64? {
            guard let low = u32(at), let high = u32(at + 4) else { return nil }
            return low | high << 32
        }
        guard count >= 22,
              let end = stride(from: count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else { return nil }

        var directoryStarts: [UInt64] = []
        if let start = u32(end + 16) { directoryStarts.append(start) }
        if end > 20 + 56, u32(end - 20) == 0x0706_4B50, u32(end - 76) == 0x0606_4B50 {
            guard let start = u64(end - 76 + 48), let entries = u64(end - 76 + 32), let size = u64(end - 76 + 40),
                  entries < largestSize, size < largestSize
            else { return "its ZIP64 end record holds impossible counts" }
            directoryStarts.append(start)
        }
        for start in directoryStarts {
            guard start <= count else { return "its directory starts at byte \(start), past its end (\(count) bytes)" }
            var position = start
            // An entry that cannot be read ends ZIPFoundation's walk as it ends this one.
            while let signature = u32(position), signature == 0x0201_4B50, position + 46 <= count {
                let version = u16(position + 6)!, flags = u16(position + 8)!, method = u16(position + 10)!
                var compressed = u32(position + 20)!, uncompressed = u32(position + 24)!
                let nameLength = u16(position + 28)!, extraLength = u16(position + 30)!, commentLength = u16(position + 32)!
                let disk = u16(position + 34)!
                var offsets = [u32(position + 42)!]
                var isZIP64 = version & 0xFF >= 45
                let extraStart = position + 46 + nameLength
                let next = extraStart + extraLength + commentLength
                guard next <= count else { break }
                if let zip64 = zip64Values(in: bytes, from: extraStart, length: extraLength,
                                           marked: [uncompressed, compressed, offsets[0]].map { $0 == 0xFFFF_FFFF },
                                           diskMarked: disk == 0xFFFF) {
                    guard zip64.allSatisfy({ $0 == nil || $0! < largestSize }) else {
                        return "an entry's ZIP64 sizes are impossible"
                    }
                    isZIP64 = true
                    uncompressed = max(uncompressed, zip64[0] ?? 0)
                    compressed = max(compressed, zip64[1] ?? 0)
                    if let offset = zip64[2] { offsets.append(offset) }
                }
                for offset in offsets {
                    guard offset <= count else { return "an entry's header is at byte \(offset), past its end (\(count) bytes)" }
                    // A local header that cannot be read ends ZIPFoundation's walk; one that can be gives where the
                    // data starts, inside the archive since the header was read whole.
                    guard offset + 30 <= count, u32(offset) == 0x0403_4B50,
                          let localName = u16(offset + 26), let localExtra = u16(offset + 28),
                          offset + 30 + localName + localExtra <= count
                    else { continue }
                    guard flags & 0b1000 != 0 else { continue }
                    let descriptor = offset + 30 + localName + localExtra + (method != 0 ? compressed : uncompressed)
                    guard descriptor <= count else {
                        return "an entry's data descriptor is at byte \(descriptor), past its end (\(count) bytes)"
                    }
                    // A ZIP64 descriptor, with or without its signature, gives the sizes the data is read with.
                    guard isZIP64 else { continue }
                    let sizesAt = descriptor + (u32(descriptor) == 0x0807_4B50 ? 8 : 4)
                    for at in [sizesAt, sizesAt + 8] {
                        if let size = u64(at), size >= largestSize, descriptor + 24 <= count {
                            return "an entry's data descriptor gives impossible sizes"
                        }
                    }
                }
                position = next
            }
        }
        return nil
    }

    /// The 64-bit uncompressed size, compressed size and offset of a ZIP64 field (nil for those not marked),
    /// when the first ZIP64 field of the extra block has exactly the length the marks call for.
    private static func zip64Values(in bytes: [UInt8], from start: UInt64, length: UInt64, marked: [Bool],
                                    diskMarked: Bool) -> [UInt64?]? {
        var offset: UInt64 = 0
        func u16(_ at: UInt64) -> UInt64 { UInt64(bytes[Int(at)]) | UInt64(bytes[Int(at) + 1]) << 8 }
        func u64(_ at: UInt64) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[Int(at) + $1]) << (8 * UInt64($1)) }
        }
        while length >= 4, offset < length - 4 {
            let id = u16(start + offset), size = u16(start + offset + 2)
            let next = offset + 4 + size
            guard next <= length else { return nil }
            if id == 0x0001 {
                let needed = UInt64(marked.filter { $0 }.count * 8 + (diskMarked ? 4 : 0))
                guard needed == size else { return nil }
                var at = start + offset + 4
                return marked.map { isMarked in
                    guard isMarked else { return nil }
                    defer { at += 8 }
                    return u64(at)
                }
            }
            offset = next
        }
        return nil
    }
}
