/// A CSV file built directly as UTF-8 bytes, LF line ends, for generated files of a million rows.
///
/// Going through `[[String]]` and `CSVWriter` would build five million strings to throw away; this appends
/// each field's bytes once. Quoting follows RFC 4180 as `CSVReader` reads it.
import PlannerCore

struct CSVBytes {
    private(set) var bytes: [UInt8] = []

    init(header: [String], reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        for (index, name) in header.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(name)
        }
        endRecord()
    }

    mutating func appendSeparator() {
        bytes.append(UInt8(ascii: ","))
    }

    mutating func endRecord() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends text, quoted when it holds a comma, a quote, a line break or surrounding spaces or tabs.
    mutating func appendField(_ text: String) {
        bytes.append(contentsOf: Self.quotedIfNeeded(text).utf8)
    }

    /// Appends bytes already known to need no quoting.
    mutating func appendRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func appendInteger(_ value: Int, minimumDigits: Int = 1) {
        precondition(value >= 0, "appendInteger takes counts")
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        for _ in digits.count..<max(digits.count, minimumDigits) { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: digits.reversed())
    }

    /// Appends a number with exactly six decimals, rounded half away from zero (micro-degrees: about 0.1 m).
    mutating func appendSixDecimals(_ value: Double) {
        let micros = Int((abs(value) * 1_000_000).rounded())
        if value < 0 && micros > 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(micros / 1_000_000)
        bytes.append(UInt8(ascii: "."))
        appendInteger(micros % 1_000_000, minimumDigits: 6)
    }

    static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            || [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(text.utf8.first ?? 0)
            || [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(text.utf8.last ?? 0)
        guard needsQuotes else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Appends fields separated by commas (no leading or trailing comma).
    mutating func appendFields(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { appendSeparator() }
            appendField(field)
        }
    }

    /// Appends `,lat,lon` with six decimals.
    mutating func appendPoint(_ point: GeoPoint) {
        appendSeparator()
        appendSixDecimals(point.latitude)
        appendSeparator()
        appendSixDecimals(point.longitude)
    }
}
