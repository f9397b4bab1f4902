/// The IDs a file has named so far, so that a repeated one is reported with the line of the first.
///
/// A file sorted by ID, as a generated household listing is, never needs a hash table: while every ID is
/// greater than the one before, none can repeat, so the IDs are only appended in order. The first ID out of
/// order builds the table from them, and from then on every ID is looked up. Either way the answer is the
/// same as a dictionary's.
struct IDRegister<ID: Hashable & Comparable> {
    private var ascending: [(id: ID, location: SourceLocation)] = []
    private var firstLocations: [ID: SourceLocation] = [:]
    private var isAscending = true

    init(reservingCapacity capacity: Int = 0) {
        ascending.reserveCapacity(capacity)
    }

    /// Registers `id` at `location`; returns where it was first seen when it was seen before (and then keeps
    /// the first location).
    mutating func register(_ id: ID, at location: SourceLocation) -> SourceLocation? {
        if isAscending {
            if ascending.last.map({ $0.id < id }) ?? true {
                ascending.append((id, location))
                return nil
            }
            isAscending = false
            firstLocations = Dictionary(ascending.map { ($0.id, $0.location) }, uniquingKeysWith: { first, _ in first })
            ascending = []
        }
        if let first = firstLocations[id] { return first }
        firstLocations[id] = location
        return nil
    }
}
