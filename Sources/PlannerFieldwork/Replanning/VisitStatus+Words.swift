import Foundation
import PlannerCore

extension VisitStatus {
    /// The outcome in Vietnamese, as a post office writes it on paper or in a spreadsheet.
    public var vietnameseWord: String {
        switch self {
        case .completed: "hoàn thành"
        case .refused: "từ chối"
        case .notAtHome: "không gặp"
        case .notFound: "không tìm thấy"
        case .closed: "đóng cửa"
        case .postponed: "hoãn"
        }
    }

    /// Reads a status as people type it: the code (`not_at_home`), the same words with spaces or hyphens, or the
    /// Vietnamese word — any case, with or without diacritics (`Hoàn thành`, `hoan thanh`, `KHONG GAP`).
    ///
    /// The six words stay distinct once diacritics are dropped (`hoan thanh` and `hoan` differ by a word), so
    /// folding never makes one outcome read as another.
    public init?(word: some StringProtocol) {
        let key = Self.folded(word)
        guard let status = Self.allCases.first(where: { Self.spellings(of: $0).contains(key) }) else { return nil }
        self = status
    }

    /// The accepted status closest to a typo, when it is close enough to be what was meant (at most a third of
    /// its letters, and at least one, differ); nil otherwise.
    public static func suggestion(for word: some StringProtocol) -> VisitStatus? {
        let key = folded(word)
        guard !key.isEmpty else { return nil }
        var best: (status: VisitStatus, distance: Int)?
        for status in allCases {
            for spelling in spellings(of: status) {
                let distance = EditDistance.between(key, spelling)
                if distance <= max(1, spelling.count / 3), distance < (best?.distance ?? .max) {
                    best = (status, distance)
                }
            }
        }
        return best?.status
    }

    /// The folded forms of a status: its code with spaces, and its Vietnamese word without diacritics.
    private static func spellings(of status: VisitStatus) -> [String] {
        [folded(status.rawValue), folded(status.vietnameseWord)]
    }

    /// Lower case, no diacritics (đ as d), runs of spaces, underscores and hyphens as one space.
    static func folded(_ text: some StringProtocol) -> String {
        let decomposed = String(text).lowercased().replacingOccurrences(of: "đ", with: "d")
            .decomposedStringWithCanonicalMapping
        var result = ""
        var pendingSpace = false
        for scalar in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar == " " || scalar == "_" || scalar == "-" || scalar == "\t" || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
