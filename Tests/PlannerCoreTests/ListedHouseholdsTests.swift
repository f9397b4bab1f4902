import PlannerCore
import Testing

/// `ListedHouseholds` behaves as the `[Household]` it replaces: same households, same ID order, same lookups.
@Suite struct ListedHouseholdsTests {
    private static func household(_ id: String, _ commune: String, _ address: String = "",
                                  _ location: GeoPoint? = nil) -> Household {
        Household(id: HouseholdID(id), communeCode: CommuneCode(commune), address: address, location: location)
    }

    /// IDs that need care: a prefix of another, non-ASCII (a precomposed and a decomposed "é", which `String`
    /// treats as equal), and ties.
    private static let awkward: [Household] = [
        household("H10", "B", "10 Lê Lợi, Phường 5", GeoPoint(latitude: 9.6, longitude: 105.9)),
        household("H1", "A", "1 \"Quoted\", street"),
        household("H2", "A", ""),
        household("H10", "C", "duplicate ID, later"),
        household("H1\u{E9}", "B", "precomposed"),
        household("H1e\u{301}", "B", "decomposed"),
        household("H0", "A", "zero", GeoPoint(latitude: -1.5, longitude: 0)),
    ]

    @Test func isACollectionOfTheSameHouseholds() {
        let listing = ListedHouseholds(Self.awkward)
        #expect(Array(listing) == Self.awkward)
        #expect(listing == ListedHouseholds(Self.awkward))
        #expect(listing != ListedHouseholds(Array(Self.awkward.dropLast())))
        for (position, household) in Self.awkward.enumerated() {
            #expect(listing.id(at: position) == household.id)
            #expect(listing.address(at: position) == household.address)
            #expect(listing.communeCode(at: position) == household.communeCode)
            #expect(listing.location(at: position) == household.location)
            #expect(listing.communeCodes[listing.communeSlot(at: position)] == household.communeCode)
        }
        #expect(listing.communeCodes == ["B", "A", "C"])
    }

    @Test(arguments: [false, true])
    func sortsAsAnArrayOfHouseholdsSortsByID(asciiOnly: Bool) {
        let households = asciiOnly ? Self.awkward.filter { $0.id.rawValue.utf8.allSatisfy { $0 < 0x80 } } : Self.awkward
        let listing = ListedHouseholds(households)
        #expect(!listing.isInIDOrder)
        let sorted = listing.sortedByID()
        #expect(Array(sorted) == households.sorted { $0.id < $1.id })
        #expect(sorted.isInIDOrder)
        #expect(!sorted.isStrictlyAscending)  // H10 twice
        for first in listing.indices {
            for second in listing.indices {
                #expect(listing.idPrecedes(first, second) == (households[first].id < households[second].id))
            }
        }
    }

    @Test func knowsItsOrderWithoutBeingAsked() {
        let ascending = ListedHouseholds([Self.household("A1", "X"), Self.household("A2", "X"), Self.household("B", "Y")])
        #expect(ascending.isInIDOrder && ascending.isStrictlyAscending)
        #expect(ascending.sortedByID() == ascending)
        let tied = ListedHouseholds([Self.household("A1", "X"), Self.household("A1", "Y")])
        #expect(tied.isInIDOrder && !tied.isStrictlyAscending)
    }

    @Test func findsEveryIDAsALinearSearchWould() {
        let sorted = ListedHouseholds(Self.awkward).sortedByID()
        for household in Self.awkward {
            let expected = Array(sorted).firstIndex { $0.id == household.id }
            #expect(sorted.position(of: household.id) == expected)
        }
        #expect(sorted.position(of: "H") == nil)
        #expect(sorted.position(of: "H100") == nil)
        #expect(sorted.position(of: "Z") == nil)
        let unsorted = ListedHouseholds(Self.awkward)
        #expect(unsorted.position(of: "H2") == 2)
    }

    @Test func aBuilderKeepsTheRangesOfBytesItIsGiven() {
        let text = Array("id,commune\nHH-2,Phường 5,x\nHH-1,Xã An Hiệp,y\n".utf8)
        var builder = ListedHouseholds.Builder(text: text, capacity: 2)
        let first = builder.slot(of: "31498")
        builder.append(id: 11..<15, address: 16..<27, communeSlot: first, location: nil)
        #expect(builder.isStrictlyAscending)
        builder.append(id: 30..<34, address: 35..<48, communeSlot: builder.slot(of: "31507"),
                       location: GeoPoint(latitude: 9.5, longitude: 106))
        #expect(!builder.isStrictlyAscending)
        let listing = builder.build()
        #expect(Array(listing) == [
            Self.household("HH-2", "31498", "Phường 5"),
            Self.household("HH-1", "31507", "Xã An Hiệp", GeoPoint(latitude: 9.5, longitude: 106)),
        ])
        #expect(!listing.isInIDOrder)
        #expect(listing.sortedByID().map(\.id) == ["HH-1", "HH-2"])
    }
}
