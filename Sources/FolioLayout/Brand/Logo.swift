/// The organisation's logo as a style sheet places it: large on the cover, small in the running
/// header of every other page.
///
/// Sizes are in points (1/72 inch), like every other length in a style sheet; the other side of the
/// picture follows its aspect ratio.
public struct Logo: Sendable, Equatable {
    /// Where the logo sits across the page.
    public enum Position: String, Sendable, CaseIterable {
        /// The side where lines begin: left in a left-to-right edition, right in Arabic (the page is
        /// mirrored, and the logo with it).
        case start
        /// The side where lines end.
        case end
        /// The left edge in every language.
        case left
        /// The right edge in every language.
        case right

        /// Whether the logo sits on the left of the page as laid out before a right-to-left edition
        /// mirrors it: a pinned side is laid out on the other side there so the mirror puts it back.
        func isLeft(mirroredLater: Bool) -> Bool {
            switch self {
            case .start: return true
            case .end: return false
            case .left: return !mirroredLater
            case .right: return mirroredLater
            }
        }
    }

    public var image: EmbeddedImage
    /// The file as the style sheet names it, and where, for errors found after reading (a corrupt picture).
    public var file: String
    public var source: Source
    /// Width on the cover, in points; a logo taller than the room above the title is made smaller.
    public var coverWidth: Double = 120
    public var position: Position = .start
    /// Whether the running header carries the logo too.
    public var inHeader: Bool = true
    /// Height in the running header, in points.
    public var headerHeight: Double = 16

    /// The style sheet, the position of the value naming the file and its key (`logo` or `logo.file`).
    public struct Source: Sendable, Equatable {
        public var sheet: String
        public var line: Int
        public var column: Int
        public var path: String
        public init(sheet: String, line: Int, column: Int, path: String = "logo.file") {
            self.sheet = sheet; self.line = line; self.column = column; self.path = path
        }
    }

    public init(image: EmbeddedImage, file: String, source: Source) {
        self.image = image; self.file = file; self.source = source
    }
}
