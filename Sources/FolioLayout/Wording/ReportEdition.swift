import FolioLanguage
import FolioModel

/// A report made ready for one language: its catalogue and formats, and the report itself with
/// the edition's tag (for the PDF's /Lang) and the region names the catalogue translates.
///
/// The CLI, the build and the service all make editions here, so the same data and language give
/// the same document whichever way it was asked for.
public struct ReportEdition: Sendable {
    public var report: Report
    public var edition: Edition
    /// Texts the data lacks in the edition's language, each at its place in the data file.
    public var diagnostics: [Diagnostic]
    /// What the user should know: catalogue keys taken from English, then `diagnostics`.
    public var warnings: [String]
    /// The edition's name of each country as the data spells it ("Ethiopia" → "Éthiopie"), so a
    /// user may ask for a country briefing by either name.
    public var countryNames: [String: String] = [:]

    /// The edition's name of a country asked for by its name in the edition or in the data, any case.
    public func country(named wanted: String) -> String? {
        let names = BriefingLayout.countries(in: report)
        if let found = names.first(where: { $0.caseInsensitiveCompare(wanted) == .orderedSame }) { return found }
        return countryNames.first { $0.key.caseInsensitiveCompare(wanted) == .orderedSame }?.value
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// - Parameter language: the edition's BCP 47 tag; nil takes the data's `language:`.
    public static func make(_ report: Report, language: String?, catalogues: CatalogueLibrary) throws -> ReportEdition {
        let tag = language ?? report.language
        guard LanguageTag.isValid(tag) else {
            throw Failure(description: "language \"\(tag)\" is not a BCP 47 tag (like fr or es-419)")
        }
        let edition = catalogues.edition(tag)
        let countries = CountryTable.bundled
        let made = report.edition(language: tag, regionNames: edition.defaultRegionNames(for: report)) { entry, language in
            countries?.translatedName(of: entry.name, code: entry.code, dataLanguage: report.language, to: language)
        }
        var result = ReportEdition(report: made.report.keepingDefaultUnits(of: report), edition: edition,
                                   diagnostics: made.diagnostics, warnings: edition.warnings + made.diagnostics.map(\.description))
        result.countryNames = Self.countryNames(from: report, to: result.report)
        return result
    }

    /// Pairs each entry of the data with the same entry of the edition: both reports have the same
    /// outcomes, indicators, periods, regions (in order) and entries, only their texts differ.
    static func countryNames(from data: Report, to edition: Report) -> [String: String] {
        var names: [String: String] = [:]
        for (outcome, translated) in zip(data.outcomes, edition.outcomes) {
            for (indicator, other) in zip(outcome.indicators, translated.indicators) {
                for (period, otherPeriod) in zip(indicator.periods, other.periods) {
                    for (region, otherRegion) in zip(data.regions, edition.regions) {
                        for (entry, otherEntry) in zip(period.entries(in: region), otherPeriod.entries(in: otherRegion)) {
                            names[entry.name] = otherEntry.name
                        }
                    }
                }
            }
        }
        return names
    }
}

extension Edition {
    /// The edition's names of the ILO's default regions ("Africa" → "Afrique"), for reports that
    /// use them; regions a report names itself are not in the catalogue and keep their names.
    func defaultRegionNames(for report: Report) -> [String: String] {
        var names: [String: String] = [:]
        for region in report.regions where Report.defaultRegions.contains(region) {
            let key = "region." + region.lowercased().map { $0.isLetter ? String($0) : "_" }.joined()
            let name = text(key)
            if name != key { names[region] = name }
        }
        return names
    }
}

extension Report {
    /// Indicators counting member States keep the default unit whatever the data's translation:
    /// the catalogue words it, with the language's plural forms and grammar ("1 État Membre",
    /// "Nombre d’États Membres"), which a translated noun phrase alone cannot give.
    func keepingDefaultUnits(of original: Report) -> Report {
        var copy = self
        for (outcome, source) in zip(copy.outcomes.indices, original.outcomes) {
            for (indicator, sourceIndicator) in zip(copy.outcomes[outcome].indicators.indices, source.indicators)
            where sourceIndicator.unit == Indicator.defaultUnit {
                copy.outcomes[outcome].indicators[indicator].unit = Indicator.defaultUnit
            }
        }
        return copy
    }
}
