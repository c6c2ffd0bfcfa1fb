/// "did you mean" hints for misspelt keys and region names.
public enum Suggestion {
    /// Beyond this, computing distances costs more than the hint is worth (keys can be megabytes long).
    private static let maxLength = 64
    private static let maxCandidates = 200

    /// The candidate closest to `word`, ignoring case, when it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty, target.count <= maxLength, candidates.count <= maxCandidates else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard other.count <= maxLength, abs(other.count - target.count) <= allowedDistance(other.count) else { continue }
            let d = distance(target, other)
            if d <= allowedDistance(other.count), d < target.count, d < (best?.distance ?? .max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// Short names tolerate one slip; longer ones a few.
    private static func allowedDistance(_ length: Int) -> Int {
        length <= 4 ? 1 : length <= 10 ? 2 : 3
    }

    /// Edit distance counting an adjacent swap as one edit ("titel" → "title"), the most common typo.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
