import PlannerCore

/// A date of `progress.csv` as post offices type or Excel saves it: `2023-10-03`, `03/10/2023` or `3/10/2023`.
///
/// Slashed dates are day/month/year, the Vietnamese order, and only that: `03/10/2023` is 3 October, never
/// 10 March. The one doubt left — a file saved by Excel in a US locale, month first — is not guessed away but
/// hinted at: `monthFirstReading` gives the other reading so that the error can say the file looks month-first.
enum ProgressDate {
    /// The date the text means, or nil when it is no date of the accepted forms. A time of day Excel may add
    /// (`03/10/2023 00:00`) is ignored: progress has days, not hours.
    static func parse(_ text: String) -> CalendarDate? {
        let day = dayPart(text)
        if let iso = CalendarDate(iso8601: day) { return iso }
        guard let parts = slashedParts(day) else { return nil }
        if parts[0].count == 4 { return CalendarDate(year: parts[0].value, month: parts[1].value, day: parts[2].value) }
        guard parts[2].count == 4 else { return nil }
        return CalendarDate(year: parts[2].value, month: parts[1].value, day: parts[0].value)
    }

    /// The month/day/year reading of a slashed date, for the hint only; nil when the text is not one.
    static func monthFirstReading(_ text: String) -> CalendarDate? {
        guard let parts = slashedParts(dayPart(text)), parts[2].count == 4 else { return nil }
        return CalendarDate(year: parts[2].value, month: parts[0].value, day: parts[1].value)
    }

    /// The text before a time of day (`03/10/2023 0:00:00`).
    private static func dayPart(_ text: String) -> Substring {
        let pieces = text.split(separator: " ", maxSplits: 1)
        guard pieces.count == 2, pieces[1].contains(":"),
              pieces[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }) else { return Substring(text) }
        return pieces[0]
    }

    /// Three runs of 1–4 ASCII digits between slashes (or dots, as some locales write).
    private static func slashedParts(_ text: Substring) -> [(value: Int, count: Int)]? {
        let separator: Character = text.contains("/") ? "/" : "."
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return parts.map { (Int($0)!, $0.count) }
    }
}
