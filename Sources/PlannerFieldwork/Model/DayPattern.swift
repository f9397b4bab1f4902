/// A multi-site (or mixed-work) enumerator-day the model can choose as one column: the route base → sites →
/// base and the visits it makes of each demand.
///
/// One-site, one-kind days are the model's `TripOption` columns; patterns add what those cannot express:
/// two sites in one day, or households and enterprises of one site in one day. Every pattern fits one working
/// day (`DayTimeline`) in `siteOrder`, with its visits.
public struct DayPattern: Sendable, Hashable {
    public struct Visits: Sendable, Hashable {
        public var demand: Int
        public var visits: Int
    }

    public var workerIndex: Int
    /// Visits per demand, by demand index; every site of `siteOrder` has at least one.
    public var visits: [Visits]
    /// Sites in visiting order (the shortest order that fits).
    public var siteOrder: [Int]
    /// Road minutes of the route base → sites → base.
    public var travelMinutes: Double
}

/// Identical day patterns counted together, in the order first seen: the pattern columns of a plan's days (the
/// one-site plan merged, a plan pooled, a pooled plan dealt to the members).
struct DayPatternTally {
    private(set) var patterns: [DayPattern] = []
    private(set) var counts: [Int] = []
    private var indexOf: [DayPattern: Int] = [:]

    mutating func add(_ pattern: DayPattern, count: Int = 1) {
        if let index = indexOf[pattern] {
            counts[index] += count
        } else {
            indexOf[pattern] = patterns.count
            patterns.append(pattern)
            counts.append(count)
        }
    }
}
