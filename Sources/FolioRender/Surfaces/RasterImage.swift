import CCairo

/// Pixels of a PNG, decoded by Cairo: for comparing rendered charts with reviewed reference images.
public struct RasterImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Premultiplied ARGB, one value per pixel, row by row.
    public let pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// Decodes PNG bytes; nil if they are not a PNG Cairo can read.
    public init?(png bytes: [UInt8]) {
        final class Source { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let source = Source(bytes)
        let read: cairo_read_func_t = { closure, data, length in
            let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard let data, source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { buffer in
                data.update(from: buffer.baseAddress! + source.offset, count: count)
            }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
        }
        guard let surface else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        let format = cairo_image_surface_get_format(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<width {
                if format == CAIRO_FORMAT_RGB24 {
                    pixels[y * width + x] = row.load(fromByteOffset: x * 4, as: UInt32.self) | 0xFF00_0000
                } else {
                    pixels[y * width + x] = row.load(fromByteOffset: x * 4, as: UInt32.self)
                }
            }
        }
        self.pixels = pixels
    }

    /// Encodes as PNG (for diff images written when a comparison fails).
    public func png() -> [UInt8] {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride)
            for x in 0..<width { row.storeBytes(of: pixels[y * width + x], toByteOffset: x * 4, as: UInt32.self) }
        }
        cairo_surface_mark_dirty(surface)
        let sink = ByteSink()
        cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure)
        return sink.bytes
    }
}
