import PlannerCore

/// A fast reading of a household listing that has nothing to report, used before the checked reading.
///
/// The checked reading (`DatasetReader.Reading.readHouseholds`) locates every field by line and column and
/// builds a string for each, so that any problem can be reported where it is; for a valid listing of a million
/// households that bookkeeping is most of the work and none of it is used. This scanner reads the same bytes
/// without it, and accepts a record only when the checked reading would accept it without a problem and with
/// the same values: every field present and not too long, no doubled quotes, nothing to trim, an ID and an address
/// that `InputText` accepts, a known commune,
/// both coordinates or neither, plain decimals in range and in the bounding box, and IDs in strictly
/// ascending order (so none repeats). At the first record it is not sure of, it gives up (returns nil), and the
/// checked reading reads the whole file again and reports what is wrong, exactly as before.
struct ListingScanner {
    let bytes: [UInt8]
    let start: Int
    /// Positions in the header of household_id, commune_code, address, lat, lon.
    let positions: (id: Int, commune: Int, address: Int, latitude: Int, longitude: Int)
    let fieldCount: Int
    let maximumFieldLength: Int
    /// nil when communes.csv could not be read (references are then not checked).
    let knownCommunes: [CommuneCode: DistrictCode?]?
    let boundingBox: BoundingBox?

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The households, or nil when any record needs the checked reading.
    func scan(reservingCapacity capacity: Int) -> ListedHouseholds? {
        bytes.withUnsafeBufferPointer { buffer in scan(buffer, capacity: capacity) }
    }

    private func scan(_ buffer: UnsafeBufferPointer<UInt8>, capacity: Int) -> ListedHouseholds? {
        // The listing keeps the file's bytes and the ranges of each household's fields: no strings are built.
        var households = ListedHouseholds.Builder(text: bytes, capacity: capacity)
        var fields = [Range<Int>](repeating: 0..<0, count: fieldCount)
        var lastCommune: (bytes: Range<Int>, slot: Int32)?
        var index = start
        let end = buffer.count
        while index < end {
            // A blank line is skipped by the checked reading; leave such files to it.
            if buffer[index] == Self.lineFeed || buffer[index] == Self.carriageReturn { return nil }
            for field in 0..<fieldCount {
                if index < end && buffer[index] == Self.quote {
                    guard let close = firstQuote(in: buffer, from: index + 1) else { return nil }
                    // A doubled quote needs unescaping: leave it to the checked reading.
                    if close + 1 < end && buffer[close + 1] == Self.quote { return nil }
                    fields[field] = index + 1..<close
                    index = close + 1
                } else {
                    let begin = index
                    while index < end {
                        let byte = buffer[index]
                        if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        index += 1
                    }
                    fields[field] = begin..<index
                }
                guard !isOverlong(buffer[fields[field]]) else { return nil }
                let isLast = field == fieldCount - 1
                if index == end {
                    guard isLast else { return nil }
                } else if buffer[index] == Self.comma {
                    guard !isLast else { return nil }
                    index += 1
                } else if buffer[index] == Self.lineFeed || buffer[index] == Self.carriageReturn {
                    guard isLast else { return nil }
                    if buffer[index] == Self.carriageReturn, index + 1 < end, buffer[index + 1] == Self.lineFeed {
                        index += 1
                    }
                    index += 1
                } else {
                    return nil  // text after a closing quote
                }
            }
            guard appendHousehold(from: fields, in: buffer, to: &households, lastCommune: &lastCommune),
                  households.isStrictlyAscending else { return nil }
        }
        return households.build()
    }

    /// Checks one record's fields and appends the household; false when the record needs the checked reading.
    private func appendHousehold(from fields: [Range<Int>], in buffer: UnsafeBufferPointer<UInt8>,
                                 to households: inout ListedHouseholds.Builder,
                                 lastCommune: inout (bytes: Range<Int>, slot: Int32)?) -> Bool {
        let idBytes = buffer[fields[positions.id]]
        let communeBytes = buffer[fields[positions.commune]]
        let addressBytes = buffer[fields[positions.address]]
        guard !idBytes.isEmpty, !communeBytes.isEmpty, isTrimmed(idBytes), isTrimmed(communeBytes),
              isTrimmed(addressBytes), InputText.isIdentifier(idBytes), InputText.hasNoControl(addressBytes),
              addressBytes.count <= InputText.maximumFreeTextCharacters
                || addressBytes.lazy.filter(UTF8Source.startsCodePoint).count <= InputText.maximumFreeTextCharacters
        else { return false }

        let communeSlot: Int32
        if let last = lastCommune, buffer[last.bytes].elementsEqual(communeBytes) {
            communeSlot = last.slot
        } else {
            let commune = CommuneCode(String(decoding: communeBytes, as: UTF8.self))
            if let knownCommunes, knownCommunes[commune] == nil { return false }
            communeSlot = households.slot(of: commune)
            lastCommune = (fields[positions.commune], communeSlot)
        }

        let latitudeBytes = buffer[fields[positions.latitude]]
        let longitudeBytes = buffer[fields[positions.longitude]]
        let location: GeoPoint?
        if latitudeBytes.isEmpty && longitudeBytes.isEmpty {
            location = nil
        } else {
            guard let latitude = CSVRowReader.shortDecimal(latitudeBytes),
                  let longitude = CSVRowReader.shortDecimal(longitudeBytes),
                  (-90...90).contains(latitude), (-180...180).contains(longitude) else { return false }
            let point = GeoPoint(latitude: latitude, longitude: longitude)
            if let boundingBox, !boundingBox.contains(point) { return false }
            location = point
        }
        households.append(id: fields[positions.id], address: fields[positions.address], communeSlot: communeSlot,
                          location: location)
        return true
    }

    /// The closing quote of a quoted field, or nil when the file ends first.
    private func firstQuote(in buffer: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        var index = offset
        while index < buffer.count {
            if buffer[index] == Self.quote { return index }
            index += 1
        }
        return nil
    }

    /// Longer than the reader allows, in characters (code points); bytes are counted first, as they are never
    /// fewer.
    private func isOverlong(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard field.count > maximumFieldLength else { return false }
        return field.lazy.filter(UTF8Source.startsCodePoint).count > maximumFieldLength
    }

    /// Neither end is a space, tab or line break, so trimming would change nothing.
    private func isTrimmed(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let isSpace = { (byte: UInt8?) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        return !isSpace(field.first) && !isSpace(field.last)
    }
}
