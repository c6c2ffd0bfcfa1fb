#if canImport(Glibc)
import Glibc
#endif

/// An open file mapped read-only, whose pages can be given back while it stays mapped.
///
/// A long briefing is read back from its file to append the accessibility update; the walk of
/// its structure tree touches tens of megabytes of it. Pages of a file mapping count in the
/// process's resident memory until they are let go, so `release()` drops those read so far; a
/// later read faults them in again from the page cache.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?

    /// Maps the whole of `descriptor` as it is now.
    init(descriptor: Int32) throws(RenderError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw RenderError.output("cannot read the file back: " + Self.reason()) }
        let count = Int(status.st_size)
        guard count > 0 else {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, count, PROT_READ, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED else {
            throw RenderError.output("cannot map the file back: " + Self.reason())
        }
        base = mapped
        bytes = UnsafeRawBufferPointer(start: mapped, count: count)
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }

    /// Lets go of the pages read so far; the mapping and its contents stay as they were.
    func release() {
        if let base { madvise(base, bytes.count, MADV_DONTNEED) }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
