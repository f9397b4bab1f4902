import Foundation

/// Finds English words in a Vietnamese document: the words of `Golden/english-words.txt` that occur in its
/// visible text (tags, styles and scripts removed, entities decoded; SVG titles count, since browsers show them).
///
/// A word is a run of letters, Vietnamese letters included, so "Trăng" is one word and never matches "tr".
/// Tokens holding `.`, `-`, `_` or `/` are file names or IDs (`design-report.md`, `EN-G1`) and are skipped.
enum EnglishWords {
    static let list: Set<String> = {
        let url = Bundle.module.url(forResource: "english-words", withExtension: "txt", subdirectory: "Golden")!
        let text = String(decoding: try! Data(contentsOf: url), as: UTF8.self)
        return Set(text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
    }()

    /// The listed English words found, sorted, each once.
    static func found(inHTML html: String) -> [String] {
        found(inText: visibleText(html))
    }

    static func found(inText text: String) -> [String] {
        var words: Set<String> = []
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            if chunk.contains(where: { ".-_/".contains($0) }) { continue }
            for word in chunk.split(whereSeparator: { !$0.isLetter }) where list.contains(word.lowercased()) {
                words.insert(word.lowercased())
            }
        }
        return words.sorted()
    }

    static func visibleText(_ html: String) -> String {
        var text = html
        for element in ["style", "script"] {
            while let start = text.range(of: "<\(element)"), let end = text.range(of: "</\(element)>", range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        var plain = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; plain.append(" ") } else if character == ">" { inTag = false } else if !inTag {
                plain.append(character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            plain = plain.replacingOccurrences(of: entity, with: character)
        }
        return plain
    }
}
