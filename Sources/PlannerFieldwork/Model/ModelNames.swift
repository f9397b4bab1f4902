/// Readable, unique names for the model's variables and rows (`y_EN01_31498_h`), as exported files show them.
///
/// The LP and MPS formats want names without spaces, and `MIPModel.validate()` takes only the characters both
/// formats read back; every character outside `[A-Za-z0-9_.]` becomes `_` (so copy `31498-2` of a commune is
/// `31498_2`), and a name that would repeat one already given gets a `~2`, `~3`, … suffix so names stay unique.
struct ModelNames {
    private var used = Set<String>()

    static func sanitized(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
        return String(text.map { allowed.contains($0) ? $0 : "_" })
    }

    /// `prefix_part1_part2…`, made unique.
    mutating func make(_ prefix: String, _ parts: String...) -> String {
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
