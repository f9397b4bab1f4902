/// Levenshtein distance: the fewest insertions, deletions and substitutions of characters that turn one text
/// into the other, for "did you mean" suggestions.
public enum EditDistance {
    /// O(|a|·|b|) time, O(|b|) memory.
    public static func between(_ a: some StringProtocol, _ b: some StringProtocol) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
