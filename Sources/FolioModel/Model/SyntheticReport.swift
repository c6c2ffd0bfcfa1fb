/// A made-up report of any size, the same every time: for benchmarks and for tests of long documents.
public enum SyntheticReport {
    /// - Parameters:
    ///   - outcomes: number of outcomes, each with `indicatorsPerOutcome` indicators, narrative and outputs.
    ///   - countries: size of the pool of country names the indicators draw from.
    public static func make(outcomes: Int, indicatorsPerOutcome: Int = 4, countries: Int = 150) -> Report {
        var random = SplitMix(seed: 2014)
        let names = countryNames(countries)
        let regions = Report.defaultRegions
        let outcomeList = (1...max(1, outcomes)).map { number -> Outcome in
            let indicators = (1...max(1, indicatorsPerOutcome)).map { index -> Indicator in
                var byRegion: [String: [CountryEntry]] = [:]
                let count = random.next(upTo: 24) + 1
                var used = Set<Int>()
                for _ in 0..<count {
                    let pick = random.next(upTo: names.count)
                    guard used.insert(pick).inserted else { continue }
                    byRegion[regions[pick % regions.count], default: []].append(
                        CountryEntry(name: names[pick], isTerritory: pick % 97 == 13))
                }
                let listed = byRegion.values.reduce(0) { $0 + $1.count }
                return Indicator(id: "\(number).\(index)", description: sentence(&random, words: 14 + random.next(upTo: 16)),
                                 target: random.next(upTo: 20), result: listed, countries: byRegion)
            }
            let narrative = (1...2).map { _ in
                NarrativeSection(heading: sentence(&random, words: 6 + random.next(upTo: 5)).dropLast() + "",
                                 paragraphs: (0..<(2 + random.next(upTo: 3))).map { _ in sentence(&random, words: 40 + random.next(upTo: 90)) })
            }
            let outputs = [OutputCategory(category: "Knowledge generation and management",
                                          items: (0..<3).map { _ in sentence(&random, words: 30 + random.next(upTo: 30)) })]
            return Outcome(id: String(number), title: sentence(&random, words: 10 + random.next(upTo: 8)),
                           indicators: indicators, narrative: narrative, outputs: outputs)
        }
        return Report(title: "Synthetic programme implementation 2014–15", subtitle: "\(outcomes) outcomes",
                      organization: "Folio benchmark office", period: "2014–15", outcomes: outcomeList)
    }

    /// Real tricky names first (accents, apostrophes, commas), then made-up pronounceable ones.
    static func countryNames(_ count: Int) -> [String] {
        let tricky = ["Côte d’Ivoire", "São Tomé and Príncipe", "Lao People’s Democratic Republic", "Türkiye",
                      "Occupied Palestinian Territory", "Bolivia (Plurinational State of)", "Viet Nam", "China"]
        let first = ["Al", "Bor", "Cam", "Dor", "El", "Fen", "Gal", "Hol", "Ist", "Jor", "Kal", "Lum", "Mor", "Nar",
                     "Or", "Pal", "Quin", "Ros", "Sal", "Tor"]
        let second = ["avia", "eria", "ia", "onia", "istan", "ador", "esia", "and"]
        var names = Array(tricky.prefix(count))
        var index = 0
        while names.count < count {
            let name = first[index % first.count] + second[(index / first.count) % second.count]
            let round = index / (first.count * second.count)
            names.append(round == 0 ? name : "\(name) \(round + 1)")
            index += 1
        }
        return names
    }

    static let vocabulary = ("social protection floors coverage informal economy workers benefits governance actuarial "
        + "valuation maternity schemes dialogue tripartite legislation policy reform constituents capacity standards "
        + "employment injury insurance pension health universal extension assessment national strategy").split(separator: " ")

    static func sentence(_ random: inout SplitMix, words: Int) -> String {
        let text = (0..<words).map { _ in String(vocabulary[random.next(upTo: vocabulary.count)]) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}

/// A tiny deterministic random generator (SplitMix64), so synthetic data is identical on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}
