import PlannerCore

/// The date-times of a SurveyCTO export: `Oct 3, 2023 10:15:22 AM` as the server console writes them
/// (`%b %e, %Y %I:%M:%S %p`), or ISO 8601 (`2023-10-03T10:15:22`, `2023-10-03 10:15:22`, with an optional
/// `Z` or offset, which is honoured) as tools that re-save the file write them.
enum SurveyCTODateTime {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The time as written, and the offset it carries when it carries one.
    static func parse(_ text: String) -> (time: LocalTimestamp, offset: UTCOffset?)? {
        if let iso = iso8601(text) { return iso }
        return console(text).map { ($0, nil) }
    }

    private static func console(_ text: String) -> LocalTimestamp? {
        // "Oct 3, 2023 10:15:22 AM"
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 5, words[1].hasSuffix(","),
              let month = months.firstIndex(of: String(words[0].prefix(3)).lowercased()),
              let day = Int(words[1].dropLast()), let year = Int(words[2]),
              let date = CalendarDate(year: year, month: month + 1, day: day)
        else { return nil }
        let clock = words[3].split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
        let meridiem = words[4].uppercased()
        guard clock.count == 3, (1...12).contains(clock[0]), meridiem == "AM" || meridiem == "PM" else { return nil }
        let hour = clock[0] % 12 + (meridiem == "PM" ? 12 : 0)
        return LocalTimestamp(date: date, hour: hour, minute: clock[1], second: clock[2])
    }

    private static func iso8601(_ text: String) -> (time: LocalTimestamp, offset: UTCOffset?)? {
        guard text.count >= 16 else { return nil }
        let dateText = text.prefix(10)
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == " ", let date = CalendarDate(iso8601: dateText) else { return nil }
        var rest = Substring(text.dropFirst(11))
        var offset: UTCOffset?
        if rest.hasSuffix("Z") {
            offset = UTCOffset(minutes: 0)
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let parsed = UTCOffset(rest[sign...]) else { return nil }
            offset = parsed
            rest = rest[..<sign]
        }
        if let dot = rest.firstIndex(of: ".") { rest = rest[..<dot] }
        guard let time = SurveySolutionsExport.timeOfDay(String(rest), on: date) else { return nil }
        return (time, offset)
    }
}
