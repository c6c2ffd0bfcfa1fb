import FolioLanguage
import FolioModel

/// One indicator's panel of the progress chart: where its periods stand, its marks and its labels.
///
/// Labels are placed, never nudged after the fact: the first and last values sit beside their
/// points, outside the line's span, so nothing of the line can run through them; the plot is
/// narrowed by their widths. Period names under the axis are thinned to every second, third…
/// period (always keeping the first and the last) until none touch. The baseline's label takes
/// the first free place among the line's right end, its left end, above or below the line.
struct ProgressPanel {
    var indicator: Indicator
    var report: Report
    /// The plotting area: x spans the panel, y the value axis from `scale`'s 0 (bottom) to its maximum (top).
    var plot: Rect
    var scale: AxisScale
    var look: ChartLook
    var measurer: TextMeasurer

    var markerRadius: Double { 3.6 * look.scale }
    var tickHalfLength: Double { 8 * look.scale }
    var tickThickness: Double { 3.2 * look.scale }

    func y(_ value: Double) -> Double {
        plot.maxY - scale.position(of: value, length: plot.height)
    }

    /// Periods that have a result: up to the report's current one.
    var resultCount: Int { indicator.currentPeriodIndex + 1 }

    var firstLabel: String? { resultCount > 1 ? label(indicator.periods[0].achieved, font: look.labelFont) : nil }
    var lastLabel: String { label(indicator.periods[resultCount - 1].achieved, font: look.valueFont) }

    /// A value as written beside its point: in full, or in the short form of the axis ("2.3B") when
    /// the full one would take more than a quarter of the panel and squeeze the line.
    func label(_ value: Int, font: FontSpec) -> String {
        let full = look.edition.number(value)
        return measurer.width(of: full, font: font) > plot.width / 4 ? look.edition.tick(Double(value)) : full
    }

    /// Horizontal position of each period: evenly spread between room kept for the first and last labels.
    var xs: [Double] {
        let beside = max(markerRadius, tickHalfLength) + look.gap / 2
        let leftRoom = firstLabel.map { measurer.width(of: $0, font: look.labelFont) + beside } ?? tickHalfLength
        let rightRoom = measurer.width(of: lastLabel, font: look.valueFont) + beside
        let count = indicator.periods.count
        let start = plot.minX + leftRoom, end = max(start, plot.maxX - rightRoom)
        if count == 1 { return [(start + end) / 2] }
        return (0..<count).map { start + (end - start) * Double($0) / Double(count - 1) }
    }

    func items() -> [FrameItem] {
        let style = look.style
        let xs = self.xs
        var items: [FrameItem] = []
        var placed: [Rect] = []

        // Marks first (targets behind the line, points on top), then the labels that avoid them.
        for (index, period) in indicator.periods.enumerated() {
            let ty = y(Double(period.target))
            items.append(.line(from: Point(x: xs[index] - tickHalfLength, y: ty), to: Point(x: xs[index] + tickHalfLength, y: ty),
                               stroke: Stroke(color: style.targetColor, width: tickThickness)))
            placed.append(Rect(x: xs[index] - tickHalfLength, y: ty - tickThickness / 2, width: 2 * tickHalfLength, height: tickThickness))
        }
        let results = (0..<resultCount).map { Point(x: xs[$0], y: y(Double(indicator.periods[$0].achieved))) }
        for (from, to) in zip(results, results.dropFirst()) {
            items.append(.line(from: from, to: to, stroke: Stroke(color: style.mutedTextColor, width: 1.8 * look.scale, cap: .round)))
        }
        for (index, point) in results.enumerated() {
            let met = indicator.periods[index].meetsTarget
            items += look.point(point, diameter: 2 * markerRadius, color: met ? style.resultMetColor : style.resultShortColor,
                                hollow: !met, halo: 1.2 * look.scale)
            placed.append(Rect(x: point.x - markerRadius, y: point.y - markerRadius, width: 2 * markerRadius, height: 2 * markerRadius))
        }

        var texts: [Rect] = []
        func put(_ text: String, font: FontSpec, color: Color, x: Double, middle: Double) {
            let metrics = measurer.metrics(of: font)
            let baseline = min(max(middle + (metrics.ascent - metrics.descent) / 2, plot.minY - look.leading(look.labelFont) / 2 + metrics.ascent),
                               plot.maxY - metrics.descent)
            let item = TextItem(text, font: font, color: color, origin: Point(x: x, y: baseline))
            texts.append(item.bounds(measurer: measurer))
            items.append(.text(item))
        }
        let beside = max(markerRadius, tickHalfLength) + look.gap / 2
        if let firstLabel {
            put(firstLabel, font: look.labelFont, color: style.textColor,
                x: results[0].x - beside - measurer.width(of: firstLabel, font: look.labelFont), middle: results[0].y)
        }
        put(lastLabel, font: look.valueFont, color: style.textColor, x: results[resultCount - 1].x + beside, middle: results[resultCount - 1].y)

        if let baseline = indicator.baseline {
            let by = y(Double(baseline.value))
            items.insert(.line(from: Point(x: plot.minX, y: by), to: Point(x: plot.maxX, y: by),
                               stroke: Stroke(color: style.mutedTextColor, width: look.hairline * 1.3,
                                              dash: [4 * look.scale, 3 * look.scale])), at: 0)
            if let label = baselineLabel(baseline, y: by, avoiding: placed + texts, crossing: Array(zip(results, results.dropFirst()))) {
                texts.append(label.bounds(measurer: measurer))
                items.append(.text(label))
            }
        }
        items += periodLabels(xs: xs, avoiding: texts)
        return items
    }

    /// "Baseline 2017: 4" at the first free place by the dashed line, or nothing when the panel has none.
    /// A place the results' line crosses is taken only when every place is crossed.
    func baselineLabel(_ baseline: Baseline, y by: Double, avoiding obstacles: [Rect], crossing segments: [(Point, Point)]) -> TextItem? {
        let font = look.smallFont
        let metrics = measurer.metrics(of: font)
        let edition = look.edition
        let value = label(baseline.value, font: font)
        let text = fitting([edition.text("chart.progress.baseline", ["year": String(baseline.year), "value": value]), value],
                           font: font, width: plot.width, measurer: measurer)
        let width = measurer.width(of: text, font: font)
        let above = by - look.gap / 3 - metrics.descent
        let below = by + look.gap / 3 + metrics.ascent
        let area = Rect(x: plot.minX, y: plot.minY - look.leading(look.labelFont) / 2, width: plot.width,
                        height: plot.height + look.leading(look.labelFont) / 2)
        let free = [(plot.maxX - width, above), (plot.maxX - width, below), (plot.minX, above), (plot.minX, below)].compactMap { x, y in
            let item = TextItem(text, font: font, color: look.style.mutedTextColor, origin: Point(x: x, y: y))
            let box = item.bounds(measurer: measurer)
            return area.contains(box) && !obstacles.contains(where: { $0.intersects(box) }) ? item : nil
        }
        return free.first { item in
            let box = item.bounds(measurer: measurer)
            return !segments.contains { box.meets(from: $0.0, to: $0.1) }
        } ?? free.first
    }

    /// Period names under the axis, centred on their periods and kept inside the panel; every
    /// `step`-th one, the smallest step at which none touch. The current period's is bold.
    func periodLabels(xs: [Double], avoiding obstacles: [Rect]) -> [FrameItem] {
        let names = indicator.periods.map { period -> String in
            look.edition.isolated(period.label ?? (indicator.periods.count == 1 ? report.period ?? "" : ""))
        }
        let font = look.smallFont
        let metrics = measurer.metrics(of: font)
        let baseline = plot.maxY + look.gap / 2 + metrics.ascent
        func box(_ index: Int) -> Rect {
            let width = measurer.width(of: names[index], font: index == indicator.currentPeriodIndex ? font.bold : font)
            let x = min(max(xs[index] - width / 2, plot.minX), plot.maxX - width)
            return Rect(x: x, y: baseline - metrics.ascent, width: width, height: metrics.ascent + metrics.descent)
        }
        let last = names.count - 1
        var chosen: [Int] = []
        for step in 1...max(1, names.count) {
            var indices = Array(stride(from: 0, through: last, by: step))
            if indices.last != last { indices.append(last) }
            let boxes = indices.map(box)
            let apart = zip(boxes, boxes.dropFirst()).allSatisfy { $0.maxX + look.gap <= $1.minX }
            if apart || indices.count <= 1 { chosen = indices; break }
            // Not even the first and last fit side by side: the current period's name is the one to keep.
            if step == names.count { chosen = [indicator.currentPeriodIndex] }
        }
        return chosen.filter { !names[$0].isEmpty }.compactMap { index in
            let current = index == indicator.currentPeriodIndex
            let rect = box(index)
            guard !obstacles.contains(where: { $0.intersects(rect) }) else { return nil }
            return .text(TextItem(names[index], font: current ? font.bold : font,
                                  color: current ? look.style.textColor : look.style.mutedTextColor,
                                  origin: Point(x: rect.minX, y: baseline)))
        }
    }
}

extension Rect {
    /// True when the segment from `a` to `b` passes through the rectangle (Liang–Barsky clipping).
    func meets(from a: Point, to b: Point) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var enter = 0.0, leave = 1.0
        for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { enter = max(enter, t) } else { leave = min(leave, t) }
                if enter > leave { return false }
            }
        }
        return true
    }
}
