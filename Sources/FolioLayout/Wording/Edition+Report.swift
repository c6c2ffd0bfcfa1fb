import FolioLanguage
import FolioModel

/// The words and numbers layout writes about a report, in the edition's language: every phrase
/// comes from the catalogue, every number from CLDR's rules for the language.
extension Edition {
    /// English from the bundled catalogue: what layouts use when the caller names no edition.
    public static let english: Edition = {
        if let edition = try? CatalogueLibrary.bundled(languages: ["en"]).edition("en") { return edition }
        let empty = Catalogue(language: "en", messages: [:])
        return Edition(language: "en", catalogue: empty, english: empty,
                       warnings: ["cannot find the bundled catalogues; set FOLIO_ASSETS to the bundle's Assets folder"])
    }()

    /// "1,234", "1 234".
    public func number(_ value: Int) -> String { formats.integer(value) }

    /// A share of a target (1.0 = 100 %), rounded half away from zero to a whole percentage: "110%", "110 %".
    public func percent(_ share: Double) -> String {
        guard share.isFinite else { return text("no_share") }
        return formats.percent(wholePercent: Int((share * 100).rounded()))
    }

    /// Axis ticks: whole numbers grouped, millions and more in the language's short form ("2.5M", "2,5 M").
    public func tick(_ value: Double) -> String {
        if abs(value) >= 1e6 { return formats.compact(value) }
        if value == value.rounded() && abs(value) < 1e15 { return number(Int(value)) }
        return formats.decimal(value, maxFractionDigits: 1)
    }

    /// "10 member States", "1 État Membre"; a unit the data names itself is printed as written,
    /// with English's singular ("1 country") where the edition is English; no unit, the number alone.
    public func count(_ n: Int, unit: String) -> String {
        if unit.allSatisfy(\.isWhitespace) { return number(n) }
        if unit == Indicator.defaultUnit { return count("count.member_states", n) }
        if language == "en" || language.hasPrefix("en-") {
            return count("count.units", n, ["unit": n == 1 ? Indicator.englishSingular(unit) : unit])
        }
        return count("count.units", n, ["unit": unit])
    }

    /// The target as the report prints it: "10 member States".
    public func targetText(_ indicator: Indicator) -> String { count(indicator.target, unit: indicator.unit) }

    /// The result as the report prints it: "11 member States", "24 member States and 1 territory".
    public func resultText(_ indicator: Indicator) -> String {
        let territories = min(indicator.territoryCount, indicator.achieved)
        let members = count(indicator.achieved - territories, unit: indicator.unit)
        guard territories > 0 else { return members }
        return text("count.members_and_territories", ["members": members, "territories": count("count.territories", territories)])
    }

    /// "Outcome 4: More people have access …"
    public func heading(_ outcome: Outcome) -> String {
        text("outcome.heading", ["id": outcome.id, "title": outcome.title])
    }

    /// The line under every chart: "Source: ILO, Programme implementation 2014–15".
    /// "Source: …" under every chart: the report's `source:` when it has one, else its organisation and title.
    public func sourceLine(_ report: Report) -> String {
        if let source = report.source { return text("chart.source", ["source": source]) }
        return text("chart.source", ["source": [report.organization, report.title].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: text("separator.list"))])
    }
}
