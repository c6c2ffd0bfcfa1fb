import FolioArchive
import FolioWorkbook
import Foundation

/// The `c:chartSpace` part of a native chart: its look spelt out (colours, fonts, sizes) rather
/// than left to the deck's theme, so it looks like Folio's picture in any template, and its data
/// cached in the part (PowerPoint and LibreOffice draw from the caches, not from the workbook).
///
/// Element order follows the schema's sequences: PowerPoint offers to "repair" a part on any misorder.
/// The cached ranges point into `ChartSheet`'s layout: A1 empty, series names from B1, categories from A2.
struct ChartPart {
    let chart: NativeChart
    let language: String

    static let categoryAxisID = 111_111_111
    static let valueAxisID = 222_222_222

    var xml: String {
        "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<c:date1904 val=\"0\"/><c:lang val=\"\(language)\"/><c:roundedCorners val=\"0\"/>"
            + "<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>"
            + plot + legendKeys + categoryAxis + valueAxis
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
            + legend
            + "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
            + textProperties(size: chart.axisSize, color: chart.textColor)
            + "<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData>"
            + "</c:chartSpace>"
    }

    var isHorizontal: Bool { chart.kind == .clusteredBar || chart.kind == .stackedBar }

    // MARK: - Plot

    var plot: String {
        let series = chart.series.enumerated().map { self.series($0.element, index: $0.offset) }.joined()
        let axes = "<c:axId val=\"\(Self.categoryAxisID)\"/><c:axId val=\"\(Self.valueAxisID)\"/>"
        switch chart.kind {
        case .line:
            return "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>" + series
                + "<c:marker val=\"1\"/>" + axes + "</c:lineChart>"
        case .clusteredColumn, .clusteredBar, .stackedBar:
            let stacked = chart.kind == .stackedBar
            return "<c:barChart><c:barDir val=\"\(isHorizontal ? "bar" : "col")\"/>"
                + "<c:grouping val=\"\(stacked ? "stacked" : "clustered")\"/><c:varyColors val=\"0\"/>" + series
                + "<c:gapWidth val=\"\(stacked ? 50 : 60)\"/><c:overlap val=\"\(stacked ? 100 : -10)\"/>" + axes + "</c:barChart>"
        }
    }

    /// The legend keys as series of a line chart on the same axes: no line and no points, so they
    /// draw nothing and take no room among the bars, but each has its square in the legend.
    var legendKeys: String {
        guard !chart.legendKeys.isEmpty else { return "" }
        let series = chart.legendKeys.enumerated().map { offset, key in
            let index = chart.series.count + offset
            let empty = NativeChart.Series(name: key.name, values: [], color: key.color)
            return "<c:ser>" + head(empty, index: index)
                + "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"
                + "<c:marker><c:symbol val=\"square\"/><c:size val=\"8\"/><c:spPr>\(Self.fill(key.color))<a:ln><a:noFill/></a:ln></c:spPr></c:marker>"
                + "<c:dLbls><c:delete val=\"1\"/></c:dLbls>" + data(empty, index: index) + "<c:smooth val=\"0\"/></c:ser>"
        }.joined()
        return "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>" + series + "<c:marker val=\"1\"/>"
            + "<c:axId val=\"\(Self.categoryAxisID)\"/><c:axId val=\"\(Self.valueAxisID)\"/></c:lineChart>"
    }

    /// A series' index, order and name (its column's header).
    func head(_ series: NativeChart.Series, index: Int) -> String {
        let column = CellReference.letters(ofColumn: index + 2)
        return "<c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
            + "<c:tx><c:strRef><c:f>Sheet1!$\(column)$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
            + "<c:pt idx=\"0\"><c:v>\(XMLText.content(series.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
    }

    /// A series' categories (column A) and values (its column), cached.
    func data(_ series: NativeChart.Series, index: Int) -> String {
        let column = CellReference.letters(ofColumn: index + 2)
        let count = chart.categories.count
        return "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(count + 1)</c:f><c:strCache><c:ptCount val=\"\(count)\"/>"
            + chart.categories.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(XMLText.content($0.element))</c:v></c:pt>" }.joined()
            + "</c:strCache></c:strRef></c:cat>"
            + "<c:val><c:numRef><c:f>Sheet1!$\(column)$2:$\(column)$\(count + 1)</c:f><c:numCache>"
            + "<c:formatCode>General</c:formatCode><c:ptCount val=\"\(count)\"/>"
            + series.values.prefix(count).enumerated().compactMap { point in
                point.element.map { "<c:pt idx=\"\(point.offset)\"><c:v>\(Self.number($0))</c:v></c:pt>" }
            }.joined()
            + "</c:numCache></c:numRef></c:val>"
    }

    func series(_ series: NativeChart.Series, index: Int) -> String {
        let count = chart.categories.count
        let heading = head(series, index: index)
        let cells = data(series, index: index)
        if chart.kind == .line {
            let dash = series.dashed ? "<a:prstDash val=\"dash\"/>" : ""
            let line = "<c:spPr><a:ln w=\"28575\" cap=\"rnd\">\(Self.fill(series.color))\(dash)<a:round/></a:ln></c:spPr>"
            let marker = "<c:marker><c:symbol val=\"\(series.dashed ? "dash" : "circle")\"/><c:size val=\"\(series.dashed ? 9 : 7)\"/>"
                + "<c:spPr>\(Self.fill(series.color))<a:ln w=\"9525\">\(Self.fill("FFFFFF"))</a:ln></c:spPr></c:marker>"
            let points = series.pointColors.prefix(count).enumerated().compactMap { point -> String? in
                guard let color = point.element else { return nil }
                return "<c:dPt><c:idx val=\"\(point.offset)\"/><c:marker><c:symbol val=\"circle\"/><c:size val=\"7\"/>"
                    + "<c:spPr>\(Self.fill(color))<a:ln w=\"9525\">\(Self.fill("FFFFFF"))</a:ln></c:spPr></c:marker>"
                    + "<c:bubble3D val=\"0\"/></c:dPt>"
            }.joined()
            return "<c:ser>" + heading + line + marker + points
                + labels(series, position: series.dashed ? "b" : "t", color: chart.textColor)
                + cells + "<c:smooth val=\"0\"/></c:ser>"
        }
        let points = series.pointColors.prefix(count).enumerated().compactMap { point -> String? in
            guard let color = point.element else { return nil }
            return "<c:dPt><c:idx val=\"\(point.offset)\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/>"
                + "<c:spPr>\(Self.fill(color))<a:ln><a:noFill/></a:ln></c:spPr></c:dPt>"
        }.joined()
        let stacked = chart.kind == .stackedBar
        return "<c:ser>" + heading
            + "<c:spPr>\(Self.fill(series.color))<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val=\"0\"/>"
            + points
            + labels(series, position: stacked ? "ctr" : "outEnd",
                     color: stacked ? Self.labelColor(on: series.color) : chart.textColor)
            + cells + "</c:ser>"
    }

    func labels(_ series: NativeChart.Series, position: String, color: String) -> String {
        guard series.showsValues else {
            return "<c:dLbls><c:delete val=\"1\"/></c:dLbls>"
        }
        return "<c:dLbls><c:numFmt formatCode=\"\(XMLText.attribute(chart.labelNumberFormat ?? chart.numberFormat))\" sourceLinked=\"0\"/>"
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
            + textProperties(size: chart.labelSize, color: color, bold: true)
            + "<c:dLblPos val=\"\(position)\"/>"
            + "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
            + "<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
    }

    // MARK: - Axes

    /// Horizontal bars list the first category on top; right to left, the categories of columns and
    /// lines run from the right, and horizontal bars grow leftwards.
    var categoryAxis: String {
        let reversed = isHorizontal || chart.rightToLeft && !isHorizontal
        let position = isHorizontal ? (chart.rightToLeft ? "r" : "l") : "b"
        return "<c:catAx><c:axId val=\"\(Self.categoryAxisID)\"/>"
            + "<c:scaling><c:orientation val=\"\(reversed ? "maxMin" : "minMax")\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"\(position)\"/>"
            + "<c:numFmt formatCode=\"General\" sourceLinked=\"1\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
            + "<c:spPr><a:ln w=\"9525\">\(Self.fill(chart.axisColor))</a:ln></c:spPr>"
            + textProperties(size: chart.axisSize, color: chart.textColor, bold: true)
            + "<c:crossAx val=\"\(Self.valueAxisID)\"/><c:crosses val=\"autoZero\"/>"
            + "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
    }

    var valueAxis: String {
        let reversed = isHorizontal && chart.rightToLeft
        let maximum = chart.valueAxisMaximum.map { "<c:max val=\"\(Self.number($0))\"/>" } ?? ""
        let position = isHorizontal ? "b" : (chart.rightToLeft ? "r" : "l")
        // Horizontal bars list the first category on top, so the last one is at the bottom, where the
        // value axis belongs: it crosses at the maximum. Right-to-left columns start at the right, where
        // the value axis belongs too: at the first category.
        let crossesAtMaximum = isHorizontal
        let title = (chart.valueAxisTitle ?? "").isEmpty ? "" : axisTitle(chart.valueAxisTitle!, rotated: !isHorizontal)
        return "<c:valAx><c:axId val=\"\(Self.valueAxisID)\"/>"
            + "<c:scaling><c:orientation val=\"\(reversed ? "maxMin" : "minMax")\"/>\(maximum)<c:min val=\"0\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"\(position)\"/>"
            + "<c:majorGridlines><c:spPr><a:ln w=\"6350\">\(Self.fill(chart.gridColor))</a:ln></c:spPr></c:majorGridlines>"
            + title
            + "<c:numFmt formatCode=\"\(XMLText.attribute(chart.numberFormat))\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
            + "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"
            + textProperties(size: chart.axisSize, color: chart.mutedTextColor)
            + "<c:crossAx val=\"\(Self.categoryAxisID)\"/><c:crosses val=\"\(crossesAtMaximum ? "max" : "autoZero")\"/>"
            + "<c:crossBetween val=\"between\"/></c:valAx>"
    }

    func axisTitle(_ text: String, rotated: Bool) -> String {
        "<c:title><c:tx><c:rich><a:bodyPr\(rotated ? " rot=\"-5400000\" vert=\"horz\"" : "")/><a:lstStyle/>"
            + "<a:p>\(paragraphProperties(size: chart.axisSize, color: chart.mutedTextColor, bold: false))"
            + "<a:r><a:rPr lang=\"\(language)\" sz=\"\(Self.hundredths(chart.axisSize))\" b=\"0\">"
            + Self.fill(chart.mutedTextColor) + fonts + "</a:rPr><a:t>\(XMLText.content(text))</a:t></a:r></a:p>"
            + "</c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
    }

    var legend: String {
        guard chart.legendPosition != .none else { return "" }
        let position = ["top": "t", "bottom": "b", "left": "l", "right": "r"][chart.legendPosition.rawValue]!
        return "<c:legend><c:legendPos val=\"\(position)\"/><c:overlay val=\"0\"/>"
            + textProperties(size: chart.legendSize, color: chart.textColor) + "</c:legend>"
    }

    // MARK: - Text

    var fonts: String {
        let face = XMLText.attribute(chart.fontFamily)
        return "<a:latin typeface=\"\(face)\"/><a:ea typeface=\"\(face)\"/><a:cs typeface=\"\(face)\"/>"
    }

    func paragraphProperties(size: Double, color: String, bold: Bool) -> String {
        "<a:pPr\(chart.rightToLeft ? " rtl=\"1\"" : "")><a:defRPr sz=\"\(Self.hundredths(size))\" b=\"\(bold ? 1 : 0)\">"
            + Self.fill(color) + fonts + "</a:defRPr></a:pPr>"
    }

    func textProperties(size: Double, color: String, bold: Bool = false) -> String {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p>\(paragraphProperties(size: size, color: color, bold: bold))"
            + "<a:endParaRPr lang=\"\(language)\"/></a:p></c:txPr>"
    }

    static func fill(_ color: String) -> String { "<a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill>" }

    static func hundredths(_ points: Double) -> Int { max(100, min(40_000, Int((points * 100).rounded()))) }

    /// A number as the caches hold it: "." decimals, no grouping, the shortest form that reads back the same.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Near-black or white, whichever reads better on `fill` (the picture's rule for labels inside bars).
    static func labelColor(on fill: String) -> String {
        let digits = Array(fill.utf8)
        func channel(_ at: Int) -> Double {
            let value = Double(Int(String(decoding: digits[at..<at + 2], as: UTF8.self), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
        let dark = (luminance + 0.05) / (0.0056 + 0.05)   // against #111111
        let light = 1.05 / (luminance + 0.05)
        return dark >= light ? "111111" : "FFFFFF"
    }
}
