import Foundation

/// Turns identifiers and names from the inputs into file names that are safe in a plan folder on any system.
///
/// A name is ASCII letters, digits, `-`, `_` and `.`, never starts with `.`, so it can be no path separator,
/// no `..` and no hidden file; Vietnamese letters are folded to their base letter (đ → d, ệ → e).
enum FileNames {
    /// The longest name part made from a name or an ID, in bytes (all ASCII): with a prefix and an extension it
    /// stays well below the 255 bytes a file name may have on common file systems, whatever the input.
    static let maximumComponentBytes = 100

    /// Folds diacritics and keeps only safe ASCII; other characters become `replacement`.
    static func component(_ text: String, replacement: Character = "_") -> String {
        let folded = fold(text)
        var result = ""
        for scalar in folded.unicodeScalars {
            let isSafe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                                            || scalar == "-" || scalar == "_" || scalar == ".")
            result.append(isSafe ? Character(scalar) : replacement)
        }
        while result.hasPrefix(".") { result.removeFirst() }
        result = String(result.prefix(maximumComponentBytes))
        return result.isEmpty ? String(replacement) : result
    }

    /// A lower-case, hyphenated slug: `Bưu điện tỉnh Sóc Trăng` → `buu-dien-tinh-soc-trang`.
    static func slug(_ text: String) -> String {
        let words = fold(text).lowercased().unicodeScalars.split { scalar in
            !(scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)))
        }
        var slug = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
        slug = String(slug.prefix(maximumComponentBytes))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "unnamed" : slug
    }

    /// Base letters without combining marks; đ and Đ, which are not composed, map explicitly.
    static func fold(_ text: String) -> String {
        let decomposed = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .decomposedStringWithCanonicalMapping
        var result = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            result.append(scalar)
        }
        return String(result)
    }

    /// One distinct safe name per key, deterministic: keys in sorted order, a repeated name gets `-2`, `-3`, ….
    static func unique(_ keys: [String], name: (String) -> String) -> [String: String] {
        var taken: Set<String> = []
        var names: [String: String] = [:]
        for key in Set(keys).sorted() {
            let base = name(key)
            var candidate = base
            var suffix = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(candidate.lowercased())
            names[key] = candidate
        }
        return names
    }
}
