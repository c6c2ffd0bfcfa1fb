import FolioLanguage
import FolioModel

/// Alternative text for charts, written from the data, so a screen reader gives what the bars show.
extension ChartKind {
    public func alternativeText(outcome: Outcome, report: Report, edition: Edition = .english) -> String {
        let indicators = outcome.indicators
        let separator = edition.text("alt.separator")
        switch self {
        case .targets:
            let parts = indicators.map { indicator -> String in
                let share = indicator.shareOfTarget.map { edition.text("alt.targets_share", ["percent": edition.percent($0)]) }
                    ?? edition.text("alt.targets_no_share")
                return edition.text("alt.targets_item", ["id": indicator.id, "target": edition.targetText(indicator),
                                                         "result": edition.number(indicator.achieved), "share": share])
            }
            return edition.text("alt.targets", ["id": outcome.id, "items": parts.joined(separator: separator)])
        case .regions:
            let parts = indicators.map { indicator -> String in
                let regions = report.regions.compactMap { region -> String? in
                    let count = indicator.entries(in: region).count
                    return count > 0 ? edition.text("alt.regions_region", ["region": region, "count": edition.number(count)]) : nil
                }
                let listed = edition.number(indicator.listedCount)
                return regions.isEmpty
                    ? edition.text("alt.regions_item", ["id": indicator.id, "listed": listed])
                    : edition.text("alt.regions_item_by_region", ["id": indicator.id, "listed": listed,
                                                                  "regions": regions.joined(separator: edition.text("separator.list"))])
            }
            return edition.text("alt.regions", ["id": outcome.id, "items": parts.joined(separator: separator)])
        }
    }
}
