/// A chart PowerPoint draws itself (DrawingML), with its data in an embedded workbook: what a chart
/// slide holds by default, so the audience's organisation can restyle it or "Edit Data".
///
/// Plain values only (strings, numbers, six-digit colours): the mapping from a report and a style
/// sheet lives with the products, so this module knows nothing of Folio's charts.
public struct NativeChart: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Vertical bars side by side, one group per category.
        case clusteredColumn
        /// Horizontal bars side by side, first category on top.
        case clusteredBar
        /// Horizontal bars, the series stacked, first category on top.
        case stackedBar
        /// Lines through the points, with markers.
        case line
    }

    public enum LegendPosition: String, Sendable, Equatable {
        case top, bottom, left, right, none
    }

    /// One series: a column of the embedded sheet.
    public struct Series: Sendable, Equatable {
        /// The legend's label and the column header.
        public var name: String
        /// One value per category; nil leaves a gap (and an empty cell).
        public var values: [Double?]
        /// Fill of bars, stroke of lines: six hexadecimal digits.
        public var color: String
        /// A colour per point that overrides `color` (a result that met its target and one that fell
        /// short); nil entries keep the series colour.
        public var pointColors: [String?]
        /// A dashed line (a target); lines only.
        public var dashed: Bool
        /// Data labels on this series' points.
        public var showsValues: Bool

        public init(name: String, values: [Double?], color: String, pointColors: [String?] = [], dashed: Bool = false,
                    showsValues: Bool = true) {
            self.name = name
            self.values = values
            self.color = color
            self.pointColors = pointColors
            self.dashed = dashed
            self.showsValues = showsValues
        }
    }

    /// A legend entry for a colour some points use (a result below its target), drawn as a square.
    public struct LegendKey: Sendable, Equatable {
        public var name: String
        public var color: String

        public init(name: String, color: String) {
            self.name = name
            self.color = color
        }
    }

    public var kind: Kind
    /// Category labels, in reading order.
    public var categories: [String]
    public var series: [Series]
    /// Legend entries after the series' own: each is an empty column of the sheet.
    public var legendKeys: [LegendKey] = []
    /// Title of the value axis; nil or empty leaves it out.
    public var valueAxisTitle: String?
    /// Excel number format of data labels and value axis ("#,##0", "0%").
    public var numberFormat = "#,##0"
    /// Format of the data labels when it differs from the axis' (an empty zero section hides zeros).
    public var labelNumberFormat: String?
    /// Largest value of the axis; nil lets the application choose.
    public var valueAxisMaximum: Double?
    public var legendPosition = LegendPosition.bottom
    /// Typeface of every text of the chart.
    public var fontFamily = "Noto Sans"
    /// Sizes in points: data labels, axis labels, legend and axis title.
    public var labelSize = 11.0
    public var axisSize = 11.0
    public var legendSize = 11.0
    /// Colours, six hexadecimal digits: text, muted text (ticks, axis title), grid lines and axis lines.
    public var textColor = "1F2328"
    public var mutedTextColor = "5A6270"
    public var gridColor = "E3E6EA"
    public var axisColor = "9AA1AB"
    /// Text reads right to left and the category axis runs from the right (Arabic).
    public var rightToLeft = false

    public init(kind: Kind, categories: [String], series: [Series], valueAxisTitle: String? = nil,
                numberFormat: String = "#,##0") {
        self.kind = kind
        self.categories = categories
        self.series = series
        self.valueAxisTitle = valueAxisTitle
        self.numberFormat = numberFormat
    }
}
