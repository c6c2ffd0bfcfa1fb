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
            let allowed = allowedDistance(other.count)
            guard other.count <= maxLength, abs(other.count - target.count) <= allowed else { continue }
            let d = distance(target, other, limit: allowed)
            if d <= allowed, d < target.count, d < (best?.distance ?? .max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// Short names tolerate one slip; longer ones a few.
    private static func allowedDistance(_ length: Int) -> Int {
        length <= 4 ? 1 : length <= 10 ? 2 : 3
    }

    /// Edit distance counting an adjacent swap as one edit ("titel" → "title"), the most common typo;
    /// exact up to `limit`, and some value above `limit` beyond it.
    ///
    /// Only the band of cells within `limit` of the diagonal is computed (a path leaving it already
    /// costs more than `limit`): a full table made a file of 1000 unknown 64-character region names or
    /// indicator ids, against 200 similar candidates, take about 2 s to check in a release build.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let far = Int.max / 2 // stands for every cell outside the band
        var previous2 = [Int](repeating: far, count: b.count + 1)
        var previous = (0...b.count).map { $0 <= limit ? $0 : far }
        var current = [Int](repeating: far, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = i <= limit ? i : far
            if low > 1 { current[low - 1] = far }
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            // The next row reads this one a cell further right than its band.
            if high < b.count { current[high + 1] = far }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return min(previous[b.count], limit + 1)
    }
}
