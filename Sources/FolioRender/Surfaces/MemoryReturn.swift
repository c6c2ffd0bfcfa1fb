#if canImport(Glibc)
import Glibc
#endif

/// Hands freed heap memory back to the system after a large render.
///
/// A long briefing allocates hundreds of megabytes in small blocks (lines, frame items, PDF bytes);
/// glibc keeps freed blocks in its arenas, one per thread that rendered, so a service's resident size
/// stayed at its peak after a few big requests. `malloc_trim(0)` gives the free pages of every arena
/// back (measured in `folio serve` after a 1,500-page briefing: 345 MB resident before, 202 MB after).
/// It costs a few milliseconds when there is much to return, so it runs only after a render of many
/// pages (`Renderer.returnFreedMemory`). Looked up at run time: it is glibc's, and absent elsewhere.
enum MemoryReturn {
    /// Pages from which a briefing counts as large.
    static let largePages = 100
    /// While drawing a document, pages between two trims (and the size from which one runs before
    /// the file is finished): a trim takes milliseconds, a thousand pages seconds.
    static let pagesBetweenTrims = 1000

    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trimFunction: Trim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    static func trim() {
        _ = trimFunction?(0)
    }
}
