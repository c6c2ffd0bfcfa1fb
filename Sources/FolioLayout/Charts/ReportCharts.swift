import FolioLanguage
import FolioModel

/// One chart of a report, ready to be laid out at any size: what `folio charts`, the slide deck
/// and (later) the service export.
public struct ChartSpec: Sendable {
    public enum Kind: String, Sendable {
        case targets, regions, progress, map, overview
    }

    public var kind: Kind
    /// The outcome charted; nil for report-wide charts.
    public var outcome: Outcome?
    /// For the overview, which part (1-based) of how many, and its rows.
    public var part: Int?
    public var parts: Int?
    var rows: [OverviewChart.Row] = []
    var scale: AxisScale?
    /// A title for slides and manifests: "Outcome 4: targets and results".
    public var title: String
    /// What the chart shows, written from the data.
    public var alternativeText: String
    /// For a map, which indicator it shows and which country it puts forward.
    public var map = MapOptions()

    /// A chart of one outcome (targets, regions or progress).
    public init(kind: Kind, outcome: Outcome, title: String, alternativeText: String) {
        self.kind = kind
        self.outcome = outcome
        self.title = title
        self.alternativeText = alternativeText
    }

    init(kind: Kind, outcome: Outcome?, part: Int?, parts: Int?, rows: [OverviewChart.Row], scale: AxisScale?,
         title: String, alternativeText: String) {
        self.kind = kind; self.outcome = outcome; self.part = part; self.parts = parts
        self.rows = rows; self.scale = scale; self.title = title; self.alternativeText = alternativeText
    }

    /// The chart drawn into exactly `size`.
    public func layout(report: Report, size: Size, style: Style, measurer: TextMeasurer, edition: Edition = .english) -> Frame {
        switch kind {
        case .targets, .regions, .progress, .map:
            return ChartKind(rawValue: kind.rawValue)!.layout(outcome: outcome!, report: report, size: size, style: style,
                                                              measurer: measurer, edition: edition, map: map)
        case .overview:
            var chart = OverviewChart(rows: rows, title: overviewTitle(edition), scale: scale ?? OverviewChart.scale(for: rows))
            chart.notes = ChartNotes(report: report, rows: rows, edition: edition)
            let typeScale = ChartKind.defaultTypeScale(for: size) * style.chartTypeScale
            return chart.layout(width: size.width, typeScale: typeScale, style: style, measurer: measurer,
                                source: edition.sourceLine(report), filling: size.height, edition: edition)
        }
    }

    /// The notes printed under this chart, for formats that print them beside it (a slide's text
    /// and speaker notes).
    public func notes(report: Report, edition: Edition = .english) -> ChartNotes {
        if let outcome { return ChartNotes(report: report, outcome: outcome, edition: edition) }
        return ChartNotes(report: report, rows: rows, edition: edition)
    }

    func overviewTitle(_ edition: Edition) -> String {
        guard let parts, parts > 1 else { return edition.text("chart.overview.title") }
        return edition.text("chart.overview.title_part", ["part": edition.number(part ?? 1), "parts": edition.number(parts)])
    }
}

extension ChartKind {
    /// The same chart as one of a report's planned charts.
    public var specKind: ChartSpec.Kind {
        switch self {
        case .targets: return .targets
        case .regions: return .regions
        case .progress: return .progress
        case .map: return .map
        }
    }
}

public enum ReportCharts {
    /// Every chart of the report: per outcome with indicators its targets and regions charts (and
    /// its progress chart when an indicator has a history, and its map when the style's sections
    /// ask for maps, see `ChartKind.kinds(for:style:)`), then
    /// the overview of all indicators, cut into as many parts as `size` needs to keep type legible.
    public static func all(in report: Report, size: Size, style: Style, measurer: TextMeasurer,
                           edition: Edition = .english) -> [ChartSpec] {
        var specs: [ChartSpec] = []
        for outcome in report.outcomes where !outcome.indicators.isEmpty {
            for kind in ChartKind.kinds(for: outcome, style: style) {
                specs.append(ChartSpec(kind: kind.specKind, outcome: outcome,
                                       title: edition.text("chart.spec." + kind.rawValue, ["id": outcome.id]),
                                       alternativeText: kind.alternativeText(outcome: outcome, report: report, edition: edition)))
            }
        }
        let rows = OverviewChart.rows(of: report)
        guard !rows.isEmpty else { return specs }
        let typeScale = ChartKind.defaultTypeScale(for: size) * style.chartTypeScale
        let perPart = OverviewChart.rowsFitting(height: size.height, width: size.width, typeScale: typeScale, style: style,
                                                measurer: measurer, source: edition.sourceLine(report),
                                                notes: ChartNotes(report: report, rows: rows, edition: edition), edition: edition)
        let scale = OverviewChart.scale(for: rows)
        let chunks = stride(from: 0, to: rows.count, by: perPart).map { Array(rows[$0..<min(rows.count, $0 + perPart)]) }
        for (index, chunk) in chunks.enumerated() {
            var chart = OverviewChart(rows: chunk, title: "", scale: scale)
            chart.notes = ChartNotes(report: report, rows: chunk, edition: edition)
            var spec = ChartSpec(kind: .overview, outcome: nil, part: index + 1, parts: chunks.count, rows: chunk, scale: scale,
                                 title: "", alternativeText: chart.alternativeText(edition: edition))
            spec.title = spec.overviewTitle(edition)
            specs.append(spec)
        }
        return specs
    }
}
