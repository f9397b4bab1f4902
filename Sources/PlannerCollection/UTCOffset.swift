import PlannerCore

/// The survey's offset from UTC, `+07:00` in Viet Nam (no daylight saving), used to turn a time a server
/// wrote in UTC into the day the visit happened in the province.
///
/// A fixed offset rather than a time-zone name: the survey calendar has no time zone (`CalendarDate`), and a
/// fieldwork window of a few weeks in one province has one offset; where daylight saving changes it inside the
/// window, import the weeks on each side of the change separately.
public struct UTCOffset: Hashable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (-14 * 60...14 * 60).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `+07:00`, `-03:30`, `+7` or `Z`.
    public init?(_ text: some StringProtocol) {
        let text = String(text)
        if text == "Z" || text == "+00:00" || text == "-00:00" {
            self.init(minutes: 0)
            return
        }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int(parts[0]), parts[0].count <= 2
        else { return nil }
        var minutes = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), value < 60 else { return nil }
            minutes = value
        }
        self.init(minutes: (sign == "-" ? -1 : 1) * (hours * 60 + minutes))
    }

    public var description: String {
        let magnitude = abs(minutes)
        let hours = magnitude / 60, rest = magnitude % 60
        return "\(minutes < 0 ? "-" : "+")\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }

    /// The survey's local time of a UTC time.
    public func local(fromUTC time: LocalTimestamp) -> LocalTimestamp { time.adding(minutes: minutes) }
}

/// A day and a time of day to the second, with no time zone: ordering the events of one survey.
public struct LocalTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CalendarDate
    /// Seconds since midnight, 0..<86 400.
    public let secondOfDay: Int

    public init(date: CalendarDate, secondOfDay: Int) {
        let days = secondOfDay >= 0 ? secondOfDay / 86_400 : -((-secondOfDay + 86_399) / 86_400)
        self.date = date.adding(days: days)
        self.secondOfDay = secondOfDay - days * 86_400
    }

    public init?(date: CalendarDate, hour: Int, minute: Int, second: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        self.init(date: date, secondOfDay: hour * 3600 + minute * 60 + min(second, 59))
    }

    public func adding(minutes: Int) -> LocalTimestamp { LocalTimestamp(date: date, secondOfDay: secondOfDay + minutes * 60) }

    public static func < (lhs: LocalTimestamp, rhs: LocalTimestamp) -> Bool {
        (lhs.date, lhs.secondOfDay) < (rhs.date, rhs.secondOfDay)
    }

    public var description: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(date) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    }
}
