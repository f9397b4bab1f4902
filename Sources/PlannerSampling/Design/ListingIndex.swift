import PlannerCore

/// Where each commune's households are in a dataset's listing, in household ID order, without copying them.
///
/// A listing of a million households grouped into per-commune arrays would be copied once per grouping; here
/// the listing is shared and each commune is a slice of one array of positions. The positions come from one
/// stable counting sort by the listing's commune slots, so a listing already in ID order (as `Dataset` keeps
/// it) gives every commune's households in ID order without a comparison; a commune whose households are not
/// is sorted by ID (stably, as before).
struct ListingIndex: Sendable {
    /// A commune's households: positions into the shared listing.
    struct Households: Sendable {
        let listing: ListedHouseholds
        let positions: ArraySlice<Int>

        var count: Int { positions.count }

        /// The ID of the household at `index` (0-based) in the commune's ID order.
        func id(at index: Int) -> HouseholdID { listing.id(at: positions[positions.startIndex + index]) }
    }

    private let listing: ListedHouseholds
    private let positions: [Int]
    private let ranges: [CommuneCode: Range<Int>]

    init(_ listing: ListedHouseholds) {
        self.listing = listing
        let slotCount = listing.communeCodes.count
        var starts = Array(repeating: 0, count: slotCount + 1)
        for position in listing.indices { starts[listing.communeSlot(at: position) + 1] += 1 }
        for slot in 0..<slotCount { starts[slot + 1] += starts[slot] }
        var next = starts
        var positions = Array(repeating: 0, count: listing.count)
        for position in listing.indices {
            let slot = listing.communeSlot(at: position)
            positions[next[slot]] = position
            next[slot] += 1
        }
        var ranges: [CommuneCode: Range<Int>] = [:]
        for (slot, code) in listing.communeCodes.enumerated() {
            let range = starts[slot]..<starts[slot + 1]
            ranges[code] = range
            // A listing in ID order (as `Dataset` keeps it) has every commune's positions in ID order already.
            let isInIDOrder = listing.isInIDOrder || zip(positions[range].dropFirst(), positions[range]).allSatisfy { later, earlier in
                !listing.idPrecedes(later, earlier)
            }
            if !isInIDOrder {
                let sorted = positions[range].enumerated().sorted { a, b in
                    if listing.idPrecedes(a.element, b.element) { return true }
                    if listing.idPrecedes(b.element, a.element) { return false }
                    return a.offset < b.offset
                }.map(\.element)
                positions.replaceSubrange(range, with: sorted)
            }
        }
        self.positions = positions
        self.ranges = ranges
    }

    /// The households of a commune, in ID order; none when the listing has none.
    func households(of commune: CommuneCode) -> Households {
        Households(listing: listing, positions: positions[ranges[commune] ?? 0..<0])
    }
}
