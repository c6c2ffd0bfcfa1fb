import CCairo

/// Collects what a Cairo stream surface writes, so output goes to memory first and to disk
/// (or an HTTP response) only when complete.
final class ByteSink {
    var bytes: [UInt8] = []

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The C callback Cairo calls with each chunk.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}

/// Owns a Cairo surface; checks its status once, destroys it once.
final class Surface {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer?, what: String) throws {
        guard let pointer else { throw RenderError.cairo("could not create \(what)") }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw RenderError.cairo("\(what): \(String(cString: cairo_status_to_string(status)))")
        }
        self.pointer = pointer
    }

    deinit { cairo_surface_destroy(pointer) }

    /// Runs `body` with a drawing context on this surface and checks that drawing succeeded.
    func draw(_ body: (OpaquePointer) -> Void) throws {
        let cairo = cairo_create(pointer)!
        defer { cairo_destroy(cairo) }
        body(cairo)
        let status = cairo_status(cairo)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    func finish() throws {
        cairo_surface_finish(pointer)
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }
}
