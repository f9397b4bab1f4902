/// What happened at a visit, as the post office records it in `progress.csv`.
public enum VisitStatus: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case completed
    case refused
    case notAtHome = "not_at_home"
    case notFound = "not_found"
    case closed
    case postponed

    /// The unit is lost for good: it releases a reserve unit at once.
    public var endsInNonresponse: Bool { self == .refused || self == .notFound || self == .closed }

    /// The unit may answer another day: it gets another visit, up to `max_attempts`.
    public var asksForAnotherVisit: Bool { self == .notAtHome || self == .postponed }

    public static func < (lhs: VisitStatus, rhs: VisitStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
