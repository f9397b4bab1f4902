import PlannerCore

/// The order of the visits inside one site: a short closed walk from the site's point through the units.
///
/// Travel inside a site is charged at `withinCommuneMoveMinutes` per move whatever the order, so the order
/// only shortens the walk on the ground. Units without coordinates stand at the site's point, together, in
/// label order (numbers compared as numbers: register line 9 before 10).
enum VisitSequence {
    static func order(_ units: [FieldworkUnit], entry: GeoPoint) -> [FieldworkUnit] {
        let located = units.filter { $0.location != nil }.sorted { $0.id < $1.id }
        let unlocated = units.filter { $0.location == nil }.sorted(by: labelOrder)
        // Node i < located.count is a located unit; the last node, if any, is the unlocated block.
        var points = located.map { $0.location! }
        if !unlocated.isEmpty { points.append(entry) }
        let tour = TourOrdering.bestOrder(count: points.count) { from, to in
            (from.map { points[$0] } ?? entry).distanceKilometres(to: to.map { points[$0] } ?? entry)
        }
        return tour.flatMap { $0 < located.count ? [located[$0]] : unlocated }
    }

    /// Numeric labels first, by value; then the others, by text; then by ID.
    static func labelOrder(_ lhs: FieldworkUnit, _ rhs: FieldworkUnit) -> Bool {
        let left = Int(lhs.label), right = Int(rhs.label)
        switch (left, right) {
        case let (left?, right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.label != rhs.label ? lhs.label < rhs.label : lhs.id < rhs.id
        }
    }
}
