import CCairo
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Collects what a Cairo stream surface writes: in memory, so output goes to disk (or an HTTP
/// response) only when complete, or straight into a file the caller puts in place only when
/// complete (`PDFFile`), so a long document is never held.
final class ByteSink {
    var bytes: [UInt8] = []
    /// Where bytes go instead of `bytes`, when set.
    let file: PDFFile?
    /// Bytes written so far, and the first write error.
    private(set) var count = 0
    private(set) var failure: String?

    init(file: PDFFile? = nil) { self.file = file }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func append(_ buffer: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        count += buffer.count
        guard let file else { return bytes.append(contentsOf: buffer) }
        var written = 0
        while written < buffer.count {
            let result = Glibc.write(file.descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            written += result
        }
    }

    /// The C callback Cairo calls with each chunk.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.append(UnsafeRawBufferPointer(start: data, count: Int(length)))
        // A write error is kept for the caller, not told to Cairo: Cairo 1.16 goes on writing a PDF
        // into a stream in error and crashes (a null copy while writing the outline).
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
