import Foundation
import XCTest
import FolioModel

/// Inputs found while fuzzing the loaders (Fuzz/, Scripts/fuzz), kept so that what was fixed stays fixed.
final class FuzzRegressionTests: XCTestCase {
    /// 64-character names that differ only in their last digits: every unknown one is compared with
    /// every candidate, and each comparison used to fill a full 64×64 edit-distance table.
    private static func similarName(_ prefix: String, _ i: Int) -> String {
        prefix + String(repeating: "a", count: 58 - prefix.count) + String(format: "%06d", i)
    }

    /// Each unknown id is compared with up to 200 candidates for a "did you mean", and each comparison
    /// filled a full 64×64 table: 1000 unknown ids (the diagnostic cap) against 200 known ones took
    /// about 2 s in a release build (CPU amplification for the HTTP service from 100 KB of CSV), now
    /// 0.4 s. Here 500 rows: about 29 s before and 4.7 s after in a debug build.
    func testManyUnknownLongIndicatorIDsAreCheckedQuickly() {
        var indicators = "outcome,outcome_title,indicator,description,target\n"
        for i in 0..<200 { indicators += "1,T,\(Self.similarName("ind-", i)),D,1\n" }
        var countries = "indicator,region,country\n"
        for i in 0..<500 { countries += "\(Self.similarName("ind-", 1000 + i)),Africa,X\n" }
        let result = checkCSV(["indicators.csv": indicators, "countries.csv": countries, "report.yaml": "title: T\n"])
        XCTAssertEqual(result.errors.count, 500)
        let first = result.diagnostics.first?.description ?? ""
        XCTAssertTrue(first.hasPrefix("countries.csv:2:1: indicator: no indicator \"ind-aaa"), first)
        XCTAssertTrue(first.contains("; did you mean \"ind-aaa"), first)
    }

    /// The banded distance gives the same suggestions as the full table it replaced.
    func testSuggestionsMatchTheFullEditDistance() {
        var generator = SplitMix64(seed: 4)
        let alphabet = Array("abcd")
        func word() -> String {
            String((0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for _ in 0..<3000 {
            let target = word()
            let candidates = (0..<Int.random(in: 1...8, using: &generator)).map { _ in word() }
            XCTAssertEqual(Suggestion.closest(to: target, among: candidates), Self.closestByFullTable(target, candidates),
                           "\(target) among \(candidates)")
        }
        XCTAssertEqual(Suggestion.closest(to: "titel", among: ["title", "subtitle"]), "title")
        XCTAssertEqual(Suggestion.closest(to: "Afrika", among: Report.defaultRegions), "Africa")
    }

    /// `Suggestion.closest` as it was before the band: the full Damerau (adjacent swap) table.
    private static func closestByFullTable(_ word: String, _ candidates: [String]) -> String? {
        let a = Array(word.lowercased().unicodeScalars)
        guard !a.isEmpty, a.count <= 64, candidates.count <= 200 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let b = Array(candidate.lowercased().unicodeScalars)
            let allowed = b.count <= 4 ? 1 : b.count <= 10 ? 2 : 3
            guard b.count <= 64, abs(a.count - b.count) <= allowed else { continue }
            var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            if !b.isEmpty {
                for i in 1...a.count {
                    for j in 1...b.count {
                        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                    }
                }
            }
            let distance = d[a.count][b.count]
            if distance <= allowed, distance < a.count, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }
}

/// A small seeded generator, so the comparison runs on the same words every time.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
