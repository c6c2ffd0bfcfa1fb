import Glibc

/// Memory for one image's pixels at a time, kept for the next image: a thread that draws chart
/// after chart (a service thread) would otherwise take fresh pages from the system for each and
/// pay for mapping and clearing them. Images larger than `largestKept` bytes get memory of their own.
final class PixelBuffer {
    /// A 1600×900 chart is 5.6 MiB; its 2× version is drawn in memory of its own.
    static let largestKept = 8 << 20

    private var base: UnsafeMutableRawPointer?
    private var capacity = 0

    /// `bytes` zero bytes, valid until the next call.
    func zeroed(_ bytes: Int) -> UnsafeMutableRawPointer {
        precondition(bytes > 0 && bytes <= PixelBuffer.largestKept)
        if bytes > capacity {
            base?.deallocate()
            base = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            capacity = bytes
        }
        memset(base!, 0, bytes)
        return base!
    }

    deinit { base?.deallocate() }
}
