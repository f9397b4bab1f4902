/// The hours of an enumerator-day: when it starts and must end, the lunch break, and when enterprises receive
/// visitors.
///
/// Times are minutes after midnight. The defaults are an assumption, not a published rule for this survey:
/// a 07:30 start and 17:00 end with a one-hour lunch taken between 11:00 and 13:30 follow the usual day of
/// Vietnamese state offices (morning until about 11:30, afternoon from about 13:00–13:30), and enterprises are
/// visited only between 08:00 and 16:30, inside their own office hours. A survey sets its own in survey.toml.
public struct WorkingDay: Hashable, Sendable, Codable {
    /// When every enumerator leaves its base.
    public var startMinutes: Int
    /// When every enumerator must be back at its base.
    public var endMinutes: Int
    /// The lunch break is taken inside [breakEarliestStartMinutes, breakLatestEndMinutes] ...
    public var breakEarliestStartMinutes: Int
    public var breakLatestEndMinutes: Int
    /// ... and lasts this long. A day that is back at its base by the latest break start needs no break.
    public var breakMinutes: Int
    /// Enterprise visits (and the zone management board) start no earlier and end no later than these.
    public var officeOpensMinutes: Int
    public var officeClosesMinutes: Int

    public init(startMinutes: Int = 7 * 60 + 30, endMinutes: Int = 17 * 60,
                breakEarliestStartMinutes: Int = 11 * 60, breakLatestEndMinutes: Int = 13 * 60 + 30,
                breakMinutes: Int = 60, officeOpensMinutes: Int = 8 * 60, officeClosesMinutes: Int = 16 * 60 + 30) {
        self.startMinutes = startMinutes
        self.endMinutes = endMinutes
        self.breakEarliestStartMinutes = breakEarliestStartMinutes
        self.breakLatestEndMinutes = breakLatestEndMinutes
        self.breakMinutes = breakMinutes
        self.officeOpensMinutes = officeOpensMinutes
        self.officeClosesMinutes = officeClosesMinutes
    }

    /// The latest minute at which the break can start.
    public var breakLatestStartMinutes: Int { breakLatestEndMinutes - breakMinutes }

    /// The most working minutes any day can hold: the whole day less the break, or a morning that ends by the
    /// latest break start, whichever is longer. Used as a relaxation when pricing day patterns.
    public var longestWorkMinutes: Int {
        max(endMinutes - startMinutes - breakMinutes, breakLatestStartMinutes - startMinutes)
    }

    /// `minutes` as `HH:MM`.
    public static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }

    /// Reads `HH:MM` (00:00–24:00) as minutes after midnight; nil for anything else.
    public static func minutes(ofClock text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hours = Int(parts[0]), let rest = Int(parts[1]), rest < 60 else { return nil }
        let total = hours * 60 + rest
        return total <= 24 * 60 ? total : nil
    }
}
