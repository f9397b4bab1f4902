/// Readable, unique names for the model's variables and rows (`y_EN01_31498_h`), as exported files show them.
///
/// The LP and MPS formats want names without spaces, and `MIPModel.validate()` takes only the characters both
/// formats read back; every character outside `[A-Za-z0-9_.]` becomes `_` (so copy `31498-2` of a commune is
/// `31498_2`), and a name that would repeat one already given gets a `~2`, `~3`, … suffix so names stay unique.
struct ModelNames {
    private var used = Set<String>()

    static func sanitized(_ text: String) -> String {
        // Byte-wise: names are made for every column of models with a million columns, so this runs often.
        if text.utf8.allSatisfy(isAllowed) { return text }
        return String(text.map { character in
            character.utf8.count == 1 && isAllowed(character.utf8.first!) ? character : "_"
        })
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// `prefix_part1_part2…`, made unique.
    mutating func make(_ prefix: String, _ parts: String...) -> String { make(prefix, parts) }

    /// The same, for parts gathered in an array (a re-plan's keep rows name every site and kind of a day).
    mutating func make(_ prefix: String, _ parts: [String]) -> String {
        let base = ([prefix] + parts.map(Self.sanitized)).joined(separator: "_")
        var candidate = base
        var suffix = 2
        while !used.insert(candidate).inserted {
            candidate = "\(base)~\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
