/// Edit distance for "did you mean" hints on country names, with an adjacent swap counting as one
/// edit ("Ethiopai" → "Ethiopia"), the commonest slip of the keyboard.
enum EditDistance {
    /// Short names tolerate one slip, longer ones a few: country names are short and many are
    /// alike (Mali, Malta, Bali), so two slips in a five-letter word suggest nothing useful.
    static func allowed(forLength length: Int) -> Int {
        length <= 5 ? 1 : length <= 10 ? 2 : 3
    }

    /// Exact up to `limit`; `limit + 1` for anything further. Rows stop early once every cell
    /// exceeds the limit, so far-off candidates cost a row or two.
    static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), limit + 1) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return min(previous[b.count], limit + 1)
    }
}
