import FolioLanguage
import FolioModel

/// Alternative text for charts, written from the data, so a screen reader gives what the bars show.
extension ChartKind {
    /// The chart described from the data, then its notes (`ChartNotes`).
    public func alternativeText(outcome: Outcome, report: Report, edition: Edition = .english,
                                map: MapOptions = MapOptions()) -> String {
        if self == .map {
            return MapChart(outcome: outcome, report: report, options: map, world: WorldMap.bundled, table: CountryTable.bundled)
                .alternativeText(edition: edition)
        }
        return description(outcome: outcome, report: report, edition: edition)
            + ChartNotes(report: report, outcome: outcome, edition: edition).alternativeTextSuffix(edition)
    }

    private func description(outcome: Outcome, report: Report, edition: Edition) -> String {
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
        case .progress:
            let parts = indicators.map { ChartKind.progressSentence($0, report: report, edition: edition) }
            return edition.text("alt.progress", ["id": outcome.id, "items": parts.joined(separator: separator)])
        case .map:
            return ""
        }
    }

    /// One indicator's trend in words, from its first period to the report's current one: "indicator
    /// 4.1 (baseline 4 in 2017) rose from 5 in 2018–19 to 12 member States in 2022–23, above its target of 10".
    /// Rose, fell or stayed compares the two results; the target is the current period's.
    static func progressSentence(_ indicator: Indicator, report: Report, edition: Edition) -> String {
        let first = indicator.periods[0], last = indicator.current
        let baseline = indicator.baseline.map {
            edition.text("alt.progress_baseline", ["value": edition.number($0.value), "year": String($0.year)])
        } ?? ""
        var values = ["id": indicator.id, "baseline": baseline, "to": edition.count(last.achieved, unit: indicator.unit)]
        let trend: String
        if indicator.currentPeriodIndex == 0 {
            if let period = last.label ?? report.period {
                values["period"] = period
                trend = edition.text("alt.progress_single", values)
            } else {
                trend = edition.text("alt.progress_single_no_period", values)
            }
        } else {
            values["from"] = edition.number(first.achieved)
            values["first"] = first.label ?? ""
            values["last"] = last.label ?? ""
            let key = last.achieved > first.achieved ? "alt.progress_rose"
                : last.achieved < first.achieved ? "alt.progress_fell" : "alt.progress_stayed"
            trend = edition.text(key, values)
        }
        let target = ["target": edition.number(last.target)]
        let comparison = last.target == 0 ? edition.text("alt.progress_no_target")
            : last.achieved > last.target ? edition.text("alt.progress_above", target)
            : last.achieved == last.target ? edition.text("alt.progress_met", target)
            : edition.text("alt.progress_below", target)
        return trend + comparison
    }
}
