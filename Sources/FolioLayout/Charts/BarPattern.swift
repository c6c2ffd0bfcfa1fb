/// Fill patterns that keep bars apart where colour cannot (greyscale print, colour-blind readers).
///
/// Patterns are plain line segments clipped to the bar here in the layout, so every output format
/// draws them the same way and no painter needs pattern support.
public enum BarPattern: Int, Sendable, CaseIterable {
    case solid, diagonal, horizontal, backDiagonal, vertical, cross

    /// The pattern for the n-th series of a chart.
    public static func forSeries(_ index: Int) -> BarPattern {
        allCases[index % allCases.count]
    }

    /// A bar: its fill, then the pattern's lines in a colour that shows on the fill.
    static func bar(_ rect: Rect, fill: Color, pattern: BarPattern, spacing: Double, lineWidth: Double) -> [FrameItem] {
        var items: [FrameItem] = [.rect(rect, fill: fill, stroke: nil)]
        guard pattern != .solid, rect.width > 0, rect.height > 0 else { return items }
        let ink = fill.legibleText(dark: Color(red: 0.1, green: 0.1, blue: 0.1), light: .white)
        let stroke = Stroke(color: ink, width: lineWidth)
        let segments: [(Point, Point)]
        switch pattern {
        case .solid: segments = []
        case .horizontal:
            segments = stride(from: rect.minY + spacing / 2, to: rect.maxY, by: spacing).map {
                (Point(x: rect.minX, y: $0), Point(x: rect.maxX, y: $0))
            }
        case .vertical:
            segments = stride(from: rect.minX + spacing / 2, to: rect.maxX, by: spacing).map {
                (Point(x: $0, y: rect.minY), Point(x: $0, y: rect.maxY))
            }
        case .diagonal: segments = diagonals(rect, spacing: spacing, rising: true)
        case .backDiagonal: segments = diagonals(rect, spacing: spacing, rising: false)
        case .cross: segments = diagonals(rect, spacing: spacing * 1.4, rising: true) + diagonals(rect, spacing: spacing * 1.4, rising: false)
        }
        items += segments.map { .line(from: $0.0, to: $0.1, stroke: stroke) }
        return items
    }

    /// 45° lines clipped to the rectangle. Anchored to the page origin, so neighbouring bars' hatching lines up.
    private static func diagonals(_ rect: Rect, spacing: Double, rising: Bool) -> [(Point, Point)] {
        // Rising lines: x + y = c; falling: x - y = c. Step c over the rectangle's range.
        let (low, high) = rising ? (rect.minX + rect.minY, rect.maxX + rect.maxY) : (rect.minX - rect.maxY, rect.maxX - rect.minY)
        var result: [(Point, Point)] = []
        var c = (low / spacing).rounded(.up) * spacing
        while c < high {
            var points: [Point] = []
            if rising {
                // y = c - x on the rectangle's edges.
                for x in [rect.minX, rect.maxX] { let y = c - x; if y >= rect.minY && y <= rect.maxY { points.append(Point(x: x, y: y)) } }
                for y in [rect.minY, rect.maxY] { let x = c - y; if x > rect.minX && x < rect.maxX { points.append(Point(x: x, y: y)) } }
            } else {
                // y = x - c.
                for x in [rect.minX, rect.maxX] { let y = x - c; if y >= rect.minY && y <= rect.maxY { points.append(Point(x: x, y: y)) } }
                for y in [rect.minY, rect.maxY] { let x = c + y; if x > rect.minX && x < rect.maxX { points.append(Point(x: x, y: y)) } }
            }
            if points.count >= 2 { result.append((points[0], points[1])) }
            c += spacing
        }
        return result
    }
}
