import CCairo
import FolioLayout

/// Puts the edges of rectangles and of level or upright lines on whole pixels when drawing an image.
///
/// A grid line 1 px wide that falls between two rows is drawn by antialiasing as two pale grey rows,
/// and a bar's side as a column of blended colour: the chart looks soft, and every such row and column
/// is more for the PNG to store. Snapped, a grid line is one crisp row and a bar has clean sides, as
/// in matplotlib's raster output. Vector output (PDF, SVG) is never snapped: its pixels are the
/// reader's.
struct PixelGrid {
    private let cairo: OpaquePointer

    init(cairo: OpaquePointer) {
        self.cairo = cairo
    }

    /// `rect` with each edge on a pixel boundary, or for a stroke an odd number of pixels wide on a
    /// pixel's middle, so that the stroke covers whole pixels too; and the stroke's width made a
    /// whole number of pixels. A rectangle that would vanish keeps one pixel.
    func snapped(_ rect: Rect, strokeWidth: Double?) -> (rect: Rect, strokeWidth: Double?) {
        guard isAxisAligned else { return (rect, strokeWidth) }
        let pixels = strokeWidth.map(self.pixels)
        let offset = pixels.map { $0.truncatingRemainder(dividingBy: 2) == 1 ? 0.5 : 0 } ?? 0
        let (left, top) = device(rect.minX, rect.minY)
        let (right, bottom) = device(rect.maxX, rect.maxY)
        let (x0, x1) = Self.edges(left, right, offset: offset)
        let (y0, y1) = Self.edges(top, bottom, offset: offset)
        let (minX, minY) = user(x0, y0)
        let (maxX, maxY) = user(x1, y1)
        return (Rect(x: min(minX, maxX), y: min(minY, maxY), width: abs(maxX - minX), height: abs(maxY - minY)),
                pixels.map(userLength))
    }

    /// A level or upright line with butt ends, moved so it covers whole pixels, and the width (in
    /// user units) that makes it a whole number of pixels thick; `nil` for any other line.
    func snapped(from: Point, to: Point, stroke: Stroke) -> (from: Point, to: Point, width: Double)? {
        guard stroke.cap == .butt, (from.x == to.x) != (from.y == to.y), isAxisAligned else { return nil }
        let (ax, ay) = device(from.x, from.y)
        let (bx, by) = device(to.x, to.y)
        let pixels = pixels(stroke.width)
        // An odd number of pixels is centred on a pixel's middle, an even number on a boundary.
        func centre(_ value: Double) -> Double {
            pixels.truncatingRemainder(dividingBy: 2) == 1 ? value.rounded(.down) + 0.5 : value.rounded()
        }
        let level = ay == by
        let a = level ? (ax.rounded(), centre(ay)) : (centre(ax), ay.rounded())
        let b = level ? (bx.rounded(), centre(by)) : (centre(bx), by.rounded())
        let start = user(a.0, a.1), end = user(b.0, b.1)
        return (Point(x: start.0, y: start.1), Point(x: end.0, y: end.1), userLength(pixels))
    }

    /// Whether user space is only scaled and moved, not turned: pixel edges are then level and upright in it too.
    private var isAxisAligned: Bool {
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cairo, &matrix)
        return matrix.xy == 0 && matrix.yx == 0
    }

    /// A width in user units as a whole number of pixels, at least one.
    private func pixels(_ width: Double) -> Double {
        var dx = width, dy = 0.0
        cairo_user_to_device_distance(cairo, &dx, &dy)
        return max(1, (dx * dx + dy * dy).squareRoot().rounded())
    }

    private func userLength(_ pixels: Double) -> Double {
        var dx = pixels, dy = 0.0
        cairo_device_to_user_distance(cairo, &dx, &dy)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Both edges rounded to whole pixels (plus `offset`), kept one pixel apart when they were apart at all.
    private static func edges(_ a: Double, _ b: Double, offset: Double) -> (Double, Double) {
        let low = min(a, b), high = max(a, b)
        let first = (low - offset).rounded() + offset
        var second = (high - offset).rounded() + offset
        if second == first, high > low { second = first + 1 }
        return a <= b ? (first, second) : (second, first)
    }

    private func device(_ x: Double, _ y: Double) -> (Double, Double) {
        var x = x, y = y
        cairo_user_to_device(cairo, &x, &y)
        return (x, y)
    }

    private func user(_ x: Double, _ y: Double) -> (Double, Double) {
        var x = x, y = y
        cairo_device_to_user(cairo, &x, &y)
        return (x, y)
    }
}
