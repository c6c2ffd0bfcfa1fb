/// Everything visual that is not data: page, type, colours, spacing.
///
/// One value feeds the briefing and the charts, so a chart in the PDF and the same chart as a PNG
/// look alike. Part 3 loads styles from `Styles/*.yaml`; until then `Style.standard` is the look.
public struct Style: Sendable, Equatable {
    /// Name and one-line description, as `folio styles` lists them.
    public var name: String = "default"
    public var summary: String = "A4 briefing and 16:9 charts, Okabe–Ito colours, Noto Sans"

    public var pageSize: Size
    public var margins: Insets

    public var fontFamily: String
    public var textColor: Color
    public var mutedTextColor: Color
    public var ruleColor: Color
    public var accentColor: Color

    // Type sizes in points for the briefing.
    public var titleSize: Double
    public var subtitleSize: Double
    public var headingSize: Double
    public var subheadingSize: Double
    public var bodySize: Double
    public var bodyLeading: Double
    public var tableSize: Double
    public var tableLeading: Double
    public var footerSize: Double

    public var tableHeaderFill: Color
    public var tableHeaderText: Color
    public var tableStripeFill: Color
    public var cellPadding: Insets

    /// Chart colours. Region colours are taken in report order, so a region keeps its colour everywhere.
    public var targetColor: Color
    public var resultMetColor: Color
    public var resultShortColor: Color
    public var regionPalette: [Color]
    public var gridColor: Color
    public var axisColor: Color
    public var chartBackground: Color?

    /// Height of a chart inside the briefing, in points; its width is the text width.
    public var briefingChartHeight: Double
    /// Type scale of charts inside the briefing: print sizes, not slide sizes.
    public var briefingChartTypeScale: Double = 0.74
    /// Multiplies the type of standalone charts (slides want larger type than the size alone gives).
    public var chartTypeScale: Double = 1
    /// Default size of standalone charts, in pixels.
    public var chartWidth: Double = 1600
    public var chartHeight: Double = 900
    /// Bars carry fill patterns as well as colours, so they stay apart when printed in grey.
    public var barPatterns: Bool = false
    /// The line under every world map (`map: {disclaimer: …}`); empty takes the catalogue's
    /// `chart.map.disclaimer`, the UN's wording in the edition's language.
    public var mapDisclaimer: String = ""
    /// Folders of catalogues the sheet adds (`catalogues: words/`), absolute, in `extends` order:
    /// an organisation's own terms, or a language, laid over the bundled catalogues.
    public var catalogueFolders: [String] = []
    /// The organisation's PowerPoint (.pptx or .potx) decks are built on (`template: org.potx`), absolute.
    public var deckTemplate: String?

    // MARK: - The organisation's look in the briefing

    /// The organisation's logo (`logo:`), on the cover and in the running header; nil for none.
    public var logo: Logo?
    /// Which sections the briefing has, in which order (`sections:`).
    public var sections: BriefingSections = .standard
    /// The running header of body pages and the footer of every page but the cover.
    public var header: RunningLine = .standardHeader
    public var footer: RunningLine = .standardFooter
    /// The cover's own colours (`cover:`); each unset one is the page's.
    public var cover = CoverColors()

    public static let standard = Style(
        pageSize: .a4,
        margins: Insets(top: 56, left: 56, bottom: 62, right: 56),
        fontFamily: "Noto Sans",
        textColor: Color(hex: "#1F2328")!,
        mutedTextColor: Color(hex: "#5A6270")!,
        ruleColor: Color(hex: "#C5CBD3")!,
        accentColor: Color(hex: "#1D4E89")!,
        titleSize: 21, subtitleSize: 13, headingSize: 14.5, subheadingSize: 11,
        bodySize: 9.5, bodyLeading: 13.6, tableSize: 7.6, tableLeading: 9.8, footerSize: 7.5,
        tableHeaderFill: Color(hex: "#1D4E89")!,
        tableHeaderText: .white,
        tableStripeFill: Color(hex: "#F3F5F8")!,
        cellPadding: Insets(top: 4, left: 4, bottom: 5, right: 4),
        // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
        targetColor: Color(hex: "#B9C0CA")!,
        resultMetColor: Color(hex: "#0072B2")!,
        resultShortColor: Color(hex: "#D55E00")!,
        regionPalette: ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#F0E442", "#D55E00", "#999999"]
            .map { Color(hex: $0)! },
        gridColor: Color(hex: "#E3E6EA")!,
        axisColor: Color(hex: "#8A929E")!,
        chartBackground: .white,
        briefingChartHeight: 250
    )

    public var font: FontSpec { FontSpec(family: fontFamily, size: bodySize) }

    /// Colour of the region at `index` in the report's region order; cycles if there are more regions than colours.
    public func regionColor(at index: Int) -> Color {
        regionPalette[index % regionPalette.count]
    }

    /// Width of the text block on a page.
    public var contentWidth: Double { pageSize.width - margins.left - margins.right }
    /// Height available for flowing content on a page (the footer sits in the bottom margin).
    public var contentHeight: Double { pageSize.height - margins.top - margins.bottom }
}
