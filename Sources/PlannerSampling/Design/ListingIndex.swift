import PlannerCore

/// Where each commune's households are in a dataset's listing, in household ID order, without copying them.
///
/// A listing of a million households grouped into per-commune arrays would be copied once per grouping; here
/// the listing is shared and each commune is a slice of one array of positions. The positions come from one
/// stable counting sort by commune, so a listing already in ID order (as `Dataset` keeps it) gives every
/// commune's households in ID order; a commune whose households are not is sorted by ID (stably, as before).
struct ListingIndex: Sendable {
    /// A commune's households: positions into the shared listing.
    struct Households: Sendable {
        let listing: [Household]
        let positions: ArraySlice<Int>

        var count: Int { positions.count }

        /// The household at `index` (0-based) in the commune's ID order.
        subscript(index: Int) -> Household { listing[positions[positions.startIndex + index]] }
    }

    private let listing: [Household]
    private let positions: [Int]
    private let ranges: [CommuneCode: Range<Int>]

    init(_ listing: [Household]) {
        self.listing = listing
        var slotByCode: [CommuneCode: Int] = [:]
        var codes: [CommuneCode] = []
        var slots: [Int] = []
        slots.reserveCapacity(listing.count)
        var last: (code: CommuneCode, slot: Int)?
        for household in listing {
            if let last, last.code == household.communeCode {
                slots.append(last.slot)
                continue
            }
            let slot = slotByCode[household.communeCode] ?? {
                codes.append(household.communeCode)
                slotByCode[household.communeCode] = codes.count - 1
                return codes.count - 1
            }()
            slots.append(slot)
            last = (household.communeCode, slot)
        }
        var starts = Array(repeating: 0, count: codes.count + 1)
        for slot in slots { starts[slot + 1] += 1 }
        for slot in codes.indices { starts[slot + 1] += starts[slot] }
        var next = starts
        var positions = Array(repeating: 0, count: listing.count)
        for (position, slot) in slots.enumerated() {
            positions[next[slot]] = position
            next[slot] += 1
        }
        var ranges: [CommuneCode: Range<Int>] = [:]
        for (slot, code) in codes.enumerated() {
            let range = starts[slot]..<starts[slot + 1]
            ranges[code] = range
            let isInIDOrder = zip(positions[range].dropFirst(), positions[range]).allSatisfy { later, earlier in
                !(listing[later].id < listing[earlier].id)
            }
            if !isInIDOrder {
                let sorted = positions[range].enumerated().sorted { a, b in
                    let (left, right) = (listing[a.element].id, listing[b.element].id)
                    return left != right ? left < right : a.offset < b.offset
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
