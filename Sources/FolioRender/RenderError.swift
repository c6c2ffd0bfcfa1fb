/// Failures of the Cairo/Pango stage, with what a user can act on.
public enum RenderError: Error, CustomStringConvertible, Equatable {
    /// Cairo refused to create or finish a surface (out of memory, size out of range).
    case cairo(String)
    /// The bundled fonts could not be found or loaded.
    case fonts(String)
    /// An image larger than the pixel cap.
    case imageTooLarge(width: Int, height: Int, limit: Int)
    /// A document longer than the page limit; `count` is the page at which laying it out stopped.
    case tooManyPages(count: Int, limit: Int)
    /// The file a document was being written into could not be written (disk full, I/O error).
    case output(String)

    public var description: String {
        switch self {
        case .cairo(let message): return "drawing failed: \(message)"
        case .fonts(let message): return "fonts: \(message)"
        case .imageTooLarge(let width, let height, let limit):
            return "image of \(width)×\(height) px is larger than the limit of \(limit / 1_000_000) megapixels"
        case .tooManyPages(_, let limit):
            return "the document runs past the limit of \(limit) pages (see --max-pages)"
        case .output(let reason): return "could not write the document: \(reason)"
        }
    }
}
