import PlannerCore

/// Typed access to the fields of one CSV record, adding a located problem for every value that does not
/// parse or is out of range, and returning nil for it so that the other fields are still checked.
struct CSVRowReader {
    let file: String
    let record: CSVTable.Record
    let columns: CSVColumns

    func field(_ column: String) -> CSVField {
        record.fields[columns.position(of: column)]
    }

    func problem(_ column: String, expected: String, found: String, _ problems: inout ProblemLog) {
        problems.add(file: file, at: field(column).location, field: column, expected: expected, found: found)
    }

    /// The trimmed text; a problem when empty unless `optional`.
    func text(_ column: String, optional: Bool = false, _ problems: inout ProblemLog) -> String? {
        let text = field(column).trimmed
        if text.isEmpty {
            if !optional { problem(column, expected: "a value", found: "an empty field", &problems) }
            return nil
        }
        return text
    }

    /// Whether an identifier follows `InputText`'s rule (it becomes a file name, part of a GLPK variable name and
    /// a login); a problem at its field when it does not.
    ///
    /// Plan folders also fold names to safe ASCII, but an ID that would escape a folder, overflow a solver's name
    /// or drive a terminal is refused here, at the line that holds it, rather than silently renamed.
    func identifierIsSafe(_ column: String, _ problems: inout ProblemLog) -> Bool {
        let text = field(column).trimmed
        let safe = InputText.isIdentifier(text)
        if !safe {
            let found = text.utf8.count > InputText.maximumIdentifierBytes
                ? "\(text.utf8.count) bytes: \(InputProblem.quoted(text))" : InputProblem.quoted(text)
            problem(column, expected: InputText.identifierRule, found: found, &problems)
        }
        return safe
    }

    /// The trimmed text of a name or free text: no control character, at most `limit` characters; a problem
    /// (and nil) otherwise, or when empty unless `optional`.
    func label(_ column: String, optional: Bool = false, limit: Int = InputText.maximumNameCharacters,
               _ problems: inout ProblemLog) -> String? {
        guard let text = text(column, optional: optional, &problems) else { return nil }
        if let expected = InputText.textProblem(text, limit: limit) {
            problem(column, expected: expected,
                    found: "\(text.unicodeScalars.count) characters: \(InputProblem.quoted(text))", &problems)
            return nil
        }
        return text
    }

    func integer(_ column: String, expected: String, where isValid: (Int) -> Bool,
                 _ problems: inout ProblemLog) -> Int? {
        guard let text = text(column, &problems) else { return nil }
        guard let value = Int(text), isValid(value) else {
            problem(column, expected: expected, found: InputProblem.quoted(text), &problems)
            return nil
        }
        return value
    }

    /// The largest count of households or employees accepted: far above any commune or enterprise, and far
    /// enough below `Int.max` that sums over a whole frame cannot overflow.
    static let maximumCount = 100_000_000

    /// A count of households or employees: an integer in 0…`maximumCount`.
    func count(_ column: String, _ problems: inout ProblemLog) -> Int? {
        guard let value = integer(column, expected: "a count ≥ 0", where: { $0 >= 0 }, &problems) else { return nil }
        guard value <= Self.maximumCount else {
            problem(column, expected: "a count of at most \(Self.maximumCount)", found: InputProblem.quoted(field(column).trimmed),
                    &problems)
            return nil
        }
        return value
    }

    /// A decimal number with a point, or with a comma in a file that `acceptsDecimalComma`; NaN and infinities
    /// are never valid.
    func number(_ column: String, optional: Bool = false, expected: String, where isValid: (Double) -> Bool,
                _ problems: inout ProblemLog) -> Double? {
        guard let text = text(column, optional: optional, &problems) else { return nil }
        // One comma and no point: "9,593316" as Excel writes 9.593316 in a Vietnamese locale. A point with it
        // ("1.234,5") is a digit grouping, which no coordinate, minute or count of this dataset needs: refused.
        let decimalComma = columns.acceptsDecimalComma && !text.contains(".")
            && text.utf8.filter { $0 == UInt8(ascii: ",") }.count == 1
        let number = decimalComma ? text.replacingOccurrences(of: ",", with: ".") : text
        guard let value = Self.decimal(number), isValid(value) else {
            problem(column, expected: expected, found: InputProblem.quoted(text), &problems)
            return nil
        }
        return value
    }

    /// Plain decimal notation only: Swift's `Double(_:)` also takes "nan", "inf" and hexadecimal floats.
    static func decimal(_ text: String) -> Double? {
        if let value = shortDecimal(text) { return value }
        // Byte by byte: ASCII digits, signs, point and exponent, which is what the Characters allowed before
        // (an ASCII Character that is a number is a digit; a byte outside this set cannot belong to one).
        let allowed = text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x65 || byte == 0x45
        }
        guard allowed, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// `[-]digits[.digits]` with at most 15 digits in all, as the nearest Double, without `strtod`.
    ///
    /// Clinger's fast path (1990): the digits as an integer m < 10¹⁵ < 2⁵³ and 10^k (k ≤ 15 < 22) are both
    /// exact Doubles, so the one division m / 10^k is correctly rounded — the same Double `strtod` returns.
    /// Anything else (an exponent, a plus sign, more digits) returns nil and is left to `Double(_:)`.
    private static func shortDecimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { shortDecimal($0[...]) }
    }

    /// `shortDecimal` on the bytes of a field.
    static func shortDecimal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var mantissa = 0
        var digits = 0
        // 10^(fraction digits), built by multiplications that are exact (every power up to 10^22 is a Double),
        // as it is counted: no table, so no global's lazy-initialisation check per call.
        var divisor = 1.0
        var seenPoint = false
        let isNegative = bytes.first == 0x2D
        for byte in bytes.dropFirst(isNegative ? 1 : 0) {
            switch byte {
            case 0x30...0x39:
                mantissa = mantissa &* 10 &+ Int(byte &- 0x30)
                digits += 1
                if seenPoint { divisor *= 10 }
            case 0x2E where !seenPoint:
                seenPoint = true
            default:
                return nil
            }
            if digits > 15 { return nil }
        }
        guard digits > 0 else { return nil }
        let magnitude = Double(mantissa) / divisor
        return isNegative ? -magnitude : magnitude
    }

    func date(_ column: String, optional: Bool = false, _ problems: inout ProblemLog) -> CalendarDate? {
        guard let text = text(column, optional: optional, &problems) else { return nil }
        guard let date = CalendarDate(iso8601: text) else {
            problem(column, expected: "a date YYYY-MM-DD", found: InputProblem.quoted(text), &problems)
            return nil
        }
        return date
    }

    /// A value that must be one of a fixed set of spellings.
    func choice<Value>(_ column: String, from spellings: [(String, Value)], _ problems: inout ProblemLog) -> Value? {
        guard let text = text(column, &problems) else { return nil }
        let folded = text.lowercased()
        guard let match = spellings.first(where: { $0.0.lowercased() == folded }) else {
            problem(column, expected: "one of \(spellings.map(\.0).joined(separator: ", "))",
                    found: InputProblem.quoted(text), &problems)
            return nil
        }
        return match.1
    }

    enum Coordinates {
        /// Both fields empty, where that is allowed.
        case missing
        case invalid
        case point(GeoPoint)
    }

    /// A latitude/longitude pair, checked for range, for a swap and against the survey's bounding box.
    func coordinates(latitude latColumn: String = "lat", longitude lonColumn: String = "lon", optional: Bool = false,
                     boundingBox: BoundingBox?, _ problems: inout ProblemLog) -> Coordinates {
        let latText = field(latColumn).trimmed
        let lonText = field(lonColumn).trimmed
        if optional && latText.isEmpty && lonText.isEmpty { return .missing }
        if optional && (latText.isEmpty != lonText.isEmpty) {
            let empty = latText.isEmpty ? latColumn : lonColumn
            problem(empty, expected: "both lat and lon, or neither", found: "an empty field", &problems)
            return .invalid
        }
        let latitude = number(latColumn, expected: "a latitude in decimal degrees", where: { _ in true }, &problems)
        let longitude = number(lonColumn, expected: "a longitude in decimal degrees", where: { _ in true }, &problems)
        guard let latitude, let longitude else { return .invalid }

        let swappedFits = (-90...90).contains(longitude) && (-180...180).contains(latitude)
        let swapHint = " (lat and lon swapped?)"
        guard (-90...90).contains(latitude) else {
            problem(latColumn, expected: "a latitude in [-90, 90]",
                    found: latText + (swappedFits ? swapHint : ""), &problems)
            return .invalid
        }
        guard (-180...180).contains(longitude) else {
            problem(lonColumn, expected: "a longitude in [-180, 180]", found: lonText, &problems)
            return .invalid
        }
        let point = GeoPoint(latitude: latitude, longitude: longitude)
        if let box = boundingBox, !box.contains(point) {
            let swapped = GeoPoint(latitude: longitude, longitude: latitude)
            let column = box.latitudes.contains(latitude) && !box.contains(swapped) ? lonColumn : latColumn
            let hint = box.contains(swapped) ? swapHint : ""
            problem(column, expected: "a point inside survey.toml's bounding_box (lat \(box.latitudes.lowerBound)…"
                        + "\(box.latitudes.upperBound), lon \(box.longitudes.lowerBound)…\(box.longitudes.upperBound))",
                    found: "lat \(latText), lon \(lonText)\(hint)", &problems)
            return .invalid
        }
        return .point(point)
    }
}
