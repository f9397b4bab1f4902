/// What kind of unit an enumerator may interview.
public enum Skill: String, CaseIterable, Sendable, Codable, Comparable {
    case household
    case enterprise

    public static func < (lhs: Skill, rhs: Skill) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A member of the post-office staff who conducts interviews.
public struct Enumerator: Hashable, Sendable {
    public var id: EnumeratorID
    public var name: String
    public var postOffice: PostOfficeID
    public var districtCode: DistrictCode
    /// The enumerator's base (the post office), where each working day starts and ends.
    public var location: GeoPoint
    public var skills: Set<Skill>
    /// Minutes of fieldwork (interviews plus travel) the enumerator can give on one working day.
    public var dailyMinutes: Int

    public init(id: EnumeratorID, name: String, postOffice: PostOfficeID, districtCode: DistrictCode,
                location: GeoPoint, skills: Set<Skill>, dailyMinutes: Int) {
        self.id = id
        self.name = name
        self.postOffice = postOffice
        self.districtCode = districtCode
        self.location = location
        self.skills = skills
        self.dailyMinutes = dailyMinutes
    }
}

/// A span of days on which an enumerator cannot do fieldwork (leave, training, illness).
public struct Unavailability: Hashable, Sendable, Codable {
    public var enumeratorID: EnumeratorID
    public var from: CalendarDate
    /// The last unavailable day, inclusive; nil means to the end of the survey.
    public var to: CalendarDate?
    public var reason: String

    public init(enumeratorID: EnumeratorID, from: CalendarDate, to: CalendarDate?, reason: String) {
        self.enumeratorID = enumeratorID
        self.from = from
        self.to = to
        self.reason = reason
    }

    public func covers(_ date: CalendarDate) -> Bool {
        from <= date && (to.map { date <= $0 } ?? true)
    }
}

/// A travel time that overrides the one computed from coordinates (`travel.csv`).
public struct TravelOverride: Hashable, Sendable, Codable {
    public var from: CommuneCode
    public var to: CommuneCode
    public var minutes: Double

    public init(from: CommuneCode, to: CommuneCode, minutes: Double) {
        self.from = from
        self.to = to
        self.minutes = minutes
    }
}
