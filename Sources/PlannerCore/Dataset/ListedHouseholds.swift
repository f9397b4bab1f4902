#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A household listing (`households.csv`) kept as UTF-8 bytes and one small fixed-size entry per household.
///
/// A listing can hold a million households, and a sample uses a few thousand of them. As `[Household]` every
/// household costs two heap strings to build, compare, copy and free; here the reader keeps the file's bytes
/// and records where each ID and address is, so that only the households a plan names become strings.
/// It is still a collection of `Household` values (built on access), so code that reads a small listing, and
/// tests, use it like an array; large-listing paths use the positional accessors (`id(at:)`,
/// `communeSlot(at:)`, `position(of:)`) instead.
///
/// IDs order and compare as `HouseholdID` does (by `String`): byte by byte when every ID is ASCII, as listings
/// are, which gives the same order; through `String` otherwise.
public struct ListedHouseholds: Sendable {
    /// Where one household's fields are: byte ranges of `text`, a commune slot and the location.
    struct Entry: Sendable {
        var idStart: Int
        var addressStart: Int
        var idLength: Int32
        var addressLength: Int32
        var communeSlot: Int32
        var hasLocation: Bool
        var latitude: Double
        var longitude: Double
    }

    private let text: [UInt8]
    private let entries: [Entry]
    /// The listing's distinct communes, indexed by slot.
    public let communeCodes: [CommuneCode]
    private let idsAreASCII: Bool
    /// Whether the IDs are in ascending order (ties allowed), known from building without a second pass.
    public let isInIDOrder: Bool
    /// Whether the IDs are strictly ascending, so that none repeats.
    public let isStrictlyAscending: Bool

    /// A listing of the given households, in the given order.
    public init(_ households: [Household]) {
        var builder = Builder(text: [], capacity: households.count)
        for household in households {
            builder.appendCopying(household)
        }
        self = builder.build()
    }

    private init(text: [UInt8], entries: [Entry], communeCodes: [CommuneCode], idsAreASCII: Bool,
                 isInIDOrder: Bool, isStrictlyAscending: Bool) {
        self.text = text
        self.entries = entries
        self.communeCodes = communeCodes
        self.idsAreASCII = idsAreASCII
        self.isInIDOrder = isInIDOrder
        self.isStrictlyAscending = isStrictlyAscending
    }

    /// The same households in ID order; stable, as `sorted(by:)` on the IDs of a `[Household]` is.
    public func sortedByID() -> ListedHouseholds {
        guard !isInIDOrder else { return self }
        let sorted = entries.sorted { idPrecedes($0, $1) }
        return ListedHouseholds(text: text, entries: sorted, communeCodes: communeCodes, idsAreASCII: idsAreASCII,
                                isInIDOrder: true,
                                isStrictlyAscending: zip(sorted.dropFirst(), sorted).allSatisfy { idPrecedes($1, $0) })
    }

    // MARK: Fields by position

    public func id(at position: Int) -> HouseholdID {
        HouseholdID(string(entries[position].idStart, entries[position].idLength))
    }

    public func address(at position: Int) -> String {
        string(entries[position].addressStart, entries[position].addressLength)
    }

    /// The household's commune as an index into `communeCodes`.
    public func communeSlot(at position: Int) -> Int {
        Int(entries[position].communeSlot)
    }

    public func communeCode(at position: Int) -> CommuneCode {
        communeCodes[communeSlot(at: position)]
    }

    public func location(at position: Int) -> GeoPoint? {
        let entry = entries[position]
        return entry.hasLocation ? GeoPoint(latitude: entry.latitude, longitude: entry.longitude) : nil
    }

    /// Whether the ID at `first` sorts before the ID at `second`.
    public func idPrecedes(_ first: Int, _ second: Int) -> Bool {
        idPrecedes(entries[first], entries[second])
    }

    /// The position of the household with this ID, by binary search when the listing is in ID order (as
    /// `Dataset` keeps it) and by a scan otherwise; nil when it is not listed.
    ///
    /// In ID order an ID the search does not find is not listed: reports look up every unit of a plan, enterprises
    /// and register lines included, and a scan after a failed search cost a pass over the whole listing for each
    /// (minutes of rendering for a 5M-household listing).
    public func position(of id: HouseholdID) -> Int? {
        var key = id.rawValue
        return key.withUTF8 { key in
            let keyIsASCII = ListedHouseholds.isASCII(key, 0, key.count)
            // The sign of the comparison of the ID at `position` with `id`.
            func order(at position: Int) -> Int {
                let entry = entries[position]
                guard idsAreASCII && keyIsASCII else {
                    let listed = self.id(at: position)
                    return listed < id ? -1 : (listed == id ? 0 : 1)
                }
                return text.withUnsafeBufferPointer { buffer in
                    let common = Swift.min(Int(entry.idLength), key.count)
                    if common > 0 {
                        let sign = memcmp(buffer.baseAddress! + entry.idStart, key.baseAddress!, common)
                        if sign != 0 { return Int(sign) }
                    }
                    return Int(entry.idLength) - key.count
                }
            }
            if isInIDOrder {
                var low = 0
                var high = entries.count
                while low < high {
                    let middle = (low + high) / 2
                    if order(at: middle) < 0 { low = middle + 1 } else { high = middle }
                }
                return low < entries.count && order(at: low) == 0 ? low : nil
            }
            return entries.indices.first { order(at: $0) == 0 }
        }
    }

    // MARK: Comparing and decoding bytes

    private func string(_ start: Int, _ length: Int32) -> String {
        text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + Int(length)]), as: UTF8.self)
        }
    }

    private func idPrecedes(_ first: Entry, _ second: Entry) -> Bool {
        guard idsAreASCII else {
            return HouseholdID(string(first.idStart, first.idLength)) < HouseholdID(string(second.idStart, second.idLength))
        }
        return text.withUnsafeBufferPointer { buffer in
            Self.compareBytes(buffer, first.idStart, Int(first.idLength), second.idStart, Int(second.idLength)) < 0
        }
    }

    /// The sign of the lexicographic comparison of two byte ranges of `buffer`.
    static func compareBytes(_ buffer: UnsafeBufferPointer<UInt8>, _ firstStart: Int, _ firstLength: Int,
                             _ secondStart: Int, _ secondLength: Int) -> Int {
        let common = Swift.min(firstLength, secondLength)
        if common > 0 {
            let order = memcmp(buffer.baseAddress! + firstStart, buffer.baseAddress! + secondStart, common)
            if order != 0 { return Int(order) }
        }
        return firstLength - secondLength
    }

    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        var combined: UInt8 = 0
        for index in start..<start + length { combined |= buffer[index] }
        return combined < 0x80
    }
}

extension ListedHouseholds: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    /// The household at `position`, its strings built now.
    public subscript(position: Int) -> Household {
        Household(id: id(at: position), communeCode: communeCode(at: position), address: address(at: position),
                  location: location(at: position))
    }
}

extension ListedHouseholds: Equatable {
    /// The same households in the same order, however they are stored.
    public static func == (lhs: ListedHouseholds, rhs: ListedHouseholds) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

extension ListedHouseholds {
    /// Builds a listing from byte ranges of a file already in memory, as a reader finds them.
    ///
    /// The caller guarantees that each range is valid UTF-8 and is exactly the field's value (nothing to trim
    /// or unescape); the builder keeps the bytes and the ranges, and tracks the ID order as it goes.
    public struct Builder: Sendable {
        private var text: [UInt8]
        private var entries: [Entry] = []
        private var communeCodes: [CommuneCode] = []
        private var slotsByCode: [CommuneCode: Int32] = [:]
        private var idsAreASCII = true
        private var isInIDOrder = true
        /// Whether every ID so far was greater than the one before it.
        public private(set) var isStrictlyAscending = true

        /// A builder over `text` (the file's bytes, shared, not copied).
        public init(text: [UInt8], capacity: Int) {
            self.text = text
            entries.reserveCapacity(capacity)
        }

        /// The slot of a commune code, given a new slot on its first appearance.
        public mutating func slot(of code: CommuneCode) -> Int32 {
            if let slot = slotsByCode[code] { return slot }
            let slot = Int32(communeCodes.count)
            communeCodes.append(code)
            slotsByCode[code] = slot
            return slot
        }

        /// Appends a household whose ID and address are the bytes of `id` and `address` in `text`.
        public mutating func append(id: Range<Int>, address: Range<Int>, communeSlot: Int32, location: GeoPoint?) {
            let entry = Entry(idStart: id.lowerBound, addressStart: address.lowerBound, idLength: Int32(id.count),
                              addressLength: Int32(address.count), communeSlot: communeSlot,
                              hasLocation: location != nil, latitude: location?.latitude ?? 0,
                              longitude: location?.longitude ?? 0)
            let isASCII = text.withUnsafeBufferPointer { ListedHouseholds.isASCII($0, id.lowerBound, id.count) }
            if let previous = entries.last {
                let order: Int
                if idsAreASCII && isASCII {
                    order = text.withUnsafeBufferPointer { buffer in
                        ListedHouseholds.compareBytes(buffer, previous.idStart, Int(previous.idLength), id.lowerBound,
                                                      id.count)
                    }
                } else {
                    let (earlier, later) = (idString(previous.idStart, Int(previous.idLength)),
                                            idString(id.lowerBound, id.count))
                    order = earlier < later ? -1 : (earlier == later ? 0 : 1)
                }
                if order >= 0 { isStrictlyAscending = false }
                if order > 0 { isInIDOrder = false }
            }
            idsAreASCII = idsAreASCII && isASCII
            entries.append(entry)
        }

        /// Appends a household given as strings, copying its ID and address into the text.
        mutating func appendCopying(_ household: Household) {
            let idStart = text.count
            text.append(contentsOf: household.id.rawValue.utf8)
            let addressStart = text.count
            text.append(contentsOf: household.address.utf8)
            append(id: idStart..<addressStart, address: addressStart..<text.count,
                   communeSlot: slot(of: household.communeCode), location: household.location)
        }

        private func idString(_ start: Int, _ length: Int) -> HouseholdID {
            HouseholdID(String(decoding: text[start..<start + length], as: UTF8.self))
        }

        public func build() -> ListedHouseholds {
            ListedHouseholds(text: text, entries: entries, communeCodes: communeCodes, idsAreASCII: idsAreASCII,
                             isInIDOrder: isInIDOrder, isStrictlyAscending: isStrictlyAscending)
        }
    }
}
