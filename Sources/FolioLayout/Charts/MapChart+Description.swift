import FolioLanguage
import FolioModel

extension MapChart {
    /// The map in words: regions with their counts, then every country listed, then what could
    /// not be placed, so a screen reader gets all the map shows.
    func alternativeText(edition: Edition) -> String {
        let listing = listing()
        let regions = report.regions.enumerated().compactMap { index, region -> String? in
            let count = listing.count(inRegion: index)
            return count > 0 ? edition.text("alt.regions_region", ["region": region, "count": edition.number(count)]) : nil
        }
        let subject = options.indicator.map { edition.text("alt.map_indicator", ["id": $0]) }
            ?? edition.text("alt.map_outcome", ["id": outcome.id])
        var text = listing.entries.isEmpty
            ? edition.text("alt.map_empty", ["subject": subject])
            : edition.text("alt.map", ["subject": subject, "regions": regions.joined(separator: edition.text("separator.list")),
                                       "countries": listing.entries.map(\.name).joined(separator: edition.text("separator.list"))])
        if !listing.unplaced.isEmpty {
            text += " " + edition.count("chart.map.unplaced", listing.unplaced.count)
        }
        return text + ChartNotes(report: report, outcome: outcome, indicators: [], edition: edition).alternativeTextSuffix(edition)
    }
}
