import CCairo
#if canImport(Glibc)
import Glibc
#endif

/// The four librsvg functions Folio calls, loaded when the first SVG picture is decoded.
///
/// Linking librsvg would load it, and GIO, gdk-pixbuf, libxml2 and a dozen more libraries, in
/// every process: about 4 ms of each command's start-up, for a feature only styles with an SVG
/// logo use. The declarations follow `<librsvg/rsvg.h>` (librsvg 2.52+, Debian 12 has 2.54).
struct Librsvg: @unchecked Sendable {
    /// librsvg's `RsvgRectangle` is four doubles, x, y, width and height, as Cairo's rectangle is.
    typealias Rectangle = cairo_rectangle_t

    typealias Handle = OpaquePointer
    typealias ErrorOut = UnsafeMutablePointer<UnsafeMutablePointer<GError>?>
    typealias NewFromData = @convention(c) (UnsafePointer<UInt8>?, gsize, ErrorOut?) -> Handle?
    typealias IntrinsicSizeInPixels = @convention(c) (Handle, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> gboolean
    /// The four `RsvgLength` results Folio does not ask for are passed as nil.
    typealias IntrinsicDimensions = @convention(c) (Handle, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?,
                                                    UnsafeMutableRawPointer?, UnsafeMutablePointer<gboolean>?,
                                                    UnsafeMutablePointer<Rectangle>?) -> Void
    typealias RenderDocument = @convention(c) (Handle, OpaquePointer?, UnsafePointer<Rectangle>?, ErrorOut?) -> gboolean

    let newFromData: NewFromData
    let intrinsicSizeInPixels: IntrinsicSizeInPixels
    let intrinsicDimensions: IntrinsicDimensions
    let renderDocument: RenderDocument

    /// librsvg, or why it cannot be used; loaded once per process.
    static let shared: Result<Librsvg, DecodedImage.Failure> = load()

    private static func load() -> Result<Librsvg, DecodedImage.Failure> {
        let name = "librsvg-2.so.2"
        guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? name
            return .failure(.init(message: "SVG pictures need librsvg (Debian: librsvg2-2): \(reason)"))
        }
        func symbol<T>(_ symbol: String, as type: T.Type) -> T? {
            dlsym(library, symbol).map { unsafeBitCast($0, to: type) }
        }
        guard let newFromData = symbol("rsvg_handle_new_from_data", as: NewFromData.self),
              let sizeInPixels = symbol("rsvg_handle_get_intrinsic_size_in_pixels", as: IntrinsicSizeInPixels.self),
              let dimensions = symbol("rsvg_handle_get_intrinsic_dimensions", as: IntrinsicDimensions.self),
              let render = symbol("rsvg_handle_render_document", as: RenderDocument.self)
        else {
            return .failure(.init(message: "SVG pictures need librsvg 2.52 or later (\(name) lacks a function Folio uses)"))
        }
        return .success(Librsvg(newFromData: newFromData, intrinsicSizeInPixels: sizeInPixels,
                                intrinsicDimensions: dimensions, renderDocument: render))
    }
}
