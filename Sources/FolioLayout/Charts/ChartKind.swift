import FolioLanguage
import FolioModel

/// The charts Folio draws for an outcome.
public enum ChartKind: String, Sendable, CaseIterable {
    /// Targets versus results, one group of bars per indicator.
    case targets
    /// Entries per region, one stacked bar per indicator.
    case regions
    /// Results across periods, one panel per indicator, with targets and the baseline.
    case progress
    /// A world map of the countries listed, coloured by region (`MapChart`).
    case map

    /// Lays the chart out for one outcome of a report.
    /// - Parameters:
    ///   - size: chart size in its own units (pixels for images, points in a PDF).
    ///   - typeScale: multiplies type and spacing; `nil` derives it from the size (1 at 800×450).
    ///   - map: which indicator a map shows and which country it puts forward; other kinds ignore it.
    public func layout(outcome: Outcome, report: Report, size: Size, typeScale: Double? = nil, style: Style,
                       measurer: TextMeasurer, edition: Edition = .english, map: MapOptions = MapOptions()) -> Frame {
        let look = ChartLook(style: style, scale: typeScale ?? ChartKind.defaultTypeScale(for: size) * style.chartTypeScale,
                             edition: edition)
        switch self {
        case .targets:
            return TargetsChart(outcome: outcome, report: report).layout(size: size, look: look, measurer: measurer)
        case .regions:
            return RegionsChart(outcome: outcome, report: report).layout(size: size, look: look, measurer: measurer)
        case .progress:
            return ProgressChart(outcome: outcome, report: report).layout(size: size, look: look, measurer: measurer)
        case .map:
            return MapChart(outcome: outcome, report: report, options: map, world: WorldMap.bundled, table: CountryTable.bundled)
                .layout(size: size, look: look, measurer: measurer)
        }
    }

    /// The charts an outcome gets in briefings, chart sets and decks: targets and regions always,
    /// progress only when some indicator has a history (several periods or a baseline), so
    /// one-period reports keep exactly the charts they had.
    public static func kinds(for outcome: Outcome) -> [ChartKind] {
        outcome.indicators.contains(where: \.hasHistory) ? [.targets, .regions, .progress] : [.targets, .regions]
    }

    /// The same, with a world map after the regions chart when the style's sections list `map`
    /// (chart sets, decks and the service's chart list follow the briefing).
    public static func kinds(for outcome: Outcome, style: Style) -> [ChartKind] {
        var kinds = kinds(for: outcome)
        if style.sections.shows(.map), let regions = kinds.firstIndex(of: .regions) { kinds.insert(.map, at: regions + 1) }
        return kinds
    }

    /// The height this chart takes in a briefing whose charts are `base` high: a progress chart of
    /// five to eight indicators stands in two rows of panels and gets 1.6 times the height, so each
    /// panel keeps the height of a one-row panel's plot.
    public func briefingHeight(base: Double, outcome: Outcome) -> Double {
        self == .progress && outcome.indicators.count > 4 ? base * 1.6 : base
    }

    /// The same, for a chart `width` wide: a map is as high as its width needs (the world is
    /// about 2.3 times as wide as high, plus title, legend and disclaimer), and never lower than `base`.
    public func briefingHeight(base: Double, outcome: Outcome, width: Double) -> Double {
        self == .map ? max(base, (width * 0.66).rounded()) : briefingHeight(base: base, outcome: outcome)
    }

    /// 1 for an 800×450 chart; charts of other sizes scale their type with the smaller ratio.
    public static func defaultTypeScale(for size: Size) -> Double {
        max(0.25, min(size.width / 800, size.height / 450))
    }
}
