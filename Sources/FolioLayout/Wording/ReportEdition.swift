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
    /// What the user should know: catalogue keys taken from English, texts the data lacks.
    public var warnings: [String]

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
        var resolved = report
        resolved.language = tag
        resolved.renameRegions(edition.defaultRegionNames(for: report))
        return ReportEdition(report: resolved, edition: edition, warnings: edition.warnings)
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
    /// Renames regions in the region list and in every indicator's countries.
    mutating func renameRegions(_ names: [String: String]) {
        guard !names.isEmpty else { return }
        regions = regions.map { names[$0] ?? $0 }
        for outcome in outcomes.indices {
            for indicator in outcomes[outcome].indicators.indices {
                let countries = outcomes[outcome].indicators[indicator].countries
                outcomes[outcome].indicators[indicator].countries = Dictionary(
                    countries.map { (names[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }
}
