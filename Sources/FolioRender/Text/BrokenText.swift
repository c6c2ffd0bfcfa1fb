import CCairo
import FolioLayout

/// A paragraph as `PangoTextMeasurer` broke it: its lines, and where each was shaped, so the same
/// text at the same width is neither broken nor shaped again.
struct BrokenText {
    struct Key: Hashable {
        var text: String
        var font: FontSpec
        var width: Double
    }

    struct Line {
        var text: String
        /// Where the line was shaped; nil when it is not kept for the painter (a line with a soft
        /// hyphen, or one measured while shaped lines were not kept).
        var shape: Shape?
    }

    /// Line `index` of a Pango layout, kept alive while a line refers to it.
    final class Shape {
        let layout: OpaquePointer
        let index: Int32
        init(layout: OpaquePointer, index: Int32) {
            self.layout = layout
            self.index = index
            g_object_ref(UnsafeMutableRawPointer(layout))
        }
        deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
    }

    var lines: [Line]
    /// Measured while shaped lines were kept: its lines carry their shapes.
    var isShaped: Bool

    /// Text bytes a measurer keeps broken before it starts again: a few hundred pages of distinct
    /// text, whose layouts hold some megabytes of glyphs.
    static let budget = 1 << 18
}
