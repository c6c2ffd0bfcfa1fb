import FolioLanguage
import FolioModel

/// The notes printed under a chart: an indicator's notes marked with a footnote marker at its
/// label ("Indicator 4.1*" above, "* Provisional figures." below), then the outcome's and the
/// report's notes unmarked. The same lines end the chart's alternative text and a slide's speaker
/// notes, so every reader of the chart gets them.
public struct ChartNotes: Sendable, Equatable {
    /// Footnote marker by indicator id, for the indicators of the chart that have notes.
    public var markers: [String: String]
    /// The lines, in the edition's words, in the order they are printed.
    public var lines: [String]

    /// - Parameters:
    ///   - indicators: the indicators the chart shows, in the order it shows them: markers are
    ///     given in that order.
    ///   - outcome: the outcome charted, whose notes follow the indicators'; nil for report-wide charts.
    public init(report: Report, outcome: Outcome?, indicators: [Indicator], edition: Edition) {
        let symbols = edition.text("chart.note_markers").split(separator: " ").map(String.init)
        var markers: [String: String] = [:]
        var lines: [String] = []
        for indicator in indicators where !indicator.notes.isEmpty && markers[indicator.id] == nil {
            let marker = Self.marker(markers.count, symbols: symbols.isEmpty ? ["*"] : symbols)
            markers[indicator.id] = marker
            lines += indicator.notes.map { edition.text("chart.note_marked", ["marker": marker, "note": $0]) }
        }
        lines += ((outcome?.notes ?? []) + report.notes).map { edition.text("chart.note", ["note": $0]) }
        self.markers = markers
        self.lines = lines
    }

    /// The notes of one outcome's charts.
    public init(report: Report, outcome: Outcome, edition: Edition) {
        self.init(report: report, outcome: outcome, indicators: outcome.indicators, edition: edition)
    }

    /// The n-th marker: the symbols in turn, then doubled (**, ††…) as typesetters do.
    static func marker(_ index: Int, symbols: [String]) -> String {
        String(repeating: symbols[index % symbols.count], count: index / symbols.count + 1)
    }

    /// `label` followed by the indicator's marker, if it has one.
    public func marked(_ label: String, indicator id: String) -> String {
        markers[id].map { label + $0 } ?? label
    }

    public var isEmpty: Bool { lines.isEmpty }

    /// No notes at all.
    public static let none = ChartNotes(markers: [:], lines: [])

    private init(markers: [String: String], lines: [String]) {
        self.markers = markers
        self.lines = lines
    }

    /// The notes of an overview chart: its rows' indicators (across outcomes) and the report's.
    public init(report: Report, rows: [OverviewChart.Row], edition: Edition) {
        self.init(report: report, outcome: nil, indicators: rows.map(\.indicator), edition: edition)
    }

    /// The lines after a chart's alternative text, or "" when there are none.
    public func alternativeTextSuffix(_ edition: Edition) -> String {
        lines.isEmpty ? "" : edition.text("alt.notes", ["notes": lines.joined(separator: " ")])
    }
}
