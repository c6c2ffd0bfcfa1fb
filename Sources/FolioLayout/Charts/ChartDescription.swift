import FolioModel

/// Alternative text for charts, written from the data, so a screen reader gives what the bars show.
extension ChartKind {
    public func alternativeText(outcome: Outcome, report: Report) -> String {
        let indicators = outcome.indicators
        switch self {
        case .targets:
            let parts = indicators.map { indicator -> String in
                let share = indicator.shareOfTarget.map { ", \(NumberText.percent($0)) of target" } ?? ", no target set"
                return "indicator \(indicator.id), target \(indicator.targetText), result \(NumberText.grouped(indicator.achieved))\(share)"
            }
            return "Bar chart of targets and results for Outcome \(outcome.id): " + parts.joined(separator: "; ") + "."
        case .regions:
            let parts = indicators.map { indicator -> String in
                let regions = report.regions.compactMap { region -> String? in
                    let count = indicator.entries(in: region).count
                    return count > 0 ? "\(region) \(count)" : nil
                }
                return "indicator \(indicator.id), \(indicator.listedCount) listed"
                    + (regions.isEmpty ? "" : " (" + regions.joined(separator: ", ") + ")")
            }
            return "Stacked bar chart of results by region for Outcome \(outcome.id): " + parts.joined(separator: "; ") + "."
        }
    }
}
