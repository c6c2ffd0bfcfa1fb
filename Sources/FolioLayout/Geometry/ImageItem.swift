/// A picture that Folio does not draw itself (an organisation's logo), handed to the painter as it
/// was read: the file's bytes, what kind of file they are, and the size they describe.
///
/// Layout never decodes pictures: it only needs their proportions, which the style loader measures
/// once (`StyleLibrary`, with Cairo and librsvg) and stores in `naturalSize`. Keeping the bytes, not
/// a decoded bitmap, keeps frames plain values; painters decode each picture once per document.
public struct EmbeddedImage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Drawn as pixels (Cairo's PNG reader); the PDF embeds the bitmap.
        case png
        /// Drawn as vectors (librsvg onto the same Cairo context): sharp at any size, no bitmap.
        case svg
    }

    public var kind: Kind
    public var bytes: [UInt8]
    /// Width and height the file describes (pixels for PNG, CSS pixels for SVG); only the ratio matters.
    public var naturalSize: Size

    public init(kind: Kind, bytes: [UInt8], naturalSize: Size) {
        self.kind = kind; self.bytes = bytes; self.naturalSize = naturalSize
    }

    /// The bytes decide: the same file is the same picture (painters cache by it).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(bytes)
    }

    /// Height over width; 1 for a picture that describes no size.
    public var aspectRatio: Double {
        naturalSize.width > 0 && naturalSize.height > 0 ? naturalSize.height / naturalSize.width : 1
    }
}

/// A picture stretched to fill `rect` (callers keep the picture's aspect ratio when they choose `rect`).
public struct ImageItem: Sendable, Equatable {
    public var image: EmbeddedImage
    public var rect: Rect

    public init(image: EmbeddedImage, rect: Rect) {
        self.image = image; self.rect = rect
    }
}
