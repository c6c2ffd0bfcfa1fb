import FolioLayout
import FolioModel
import FolioRender
import Foundation

/// Renders one PDF per country on all cores.
///
/// Each worker thread owns its `Renderer` (its own Pango font map: sharing one between threads
/// crashes Pango 1.50). Workers take the next country from a shared counter, so a slow country
/// never holds up the others.
struct CountryBriefings {
    var report: Report
    var countries: [String]
    var options: PDFOptions
    var context: BriefingLayout.Context
    var jobs: Int

    /// Renders every country; writes each PDF into `folder`, or nothing when it is nil (benchmarks).
    func run(into folder: URL?) throws {
        let names = SafeFileName.unique(countries)
        let progress = folder.map { _ in ProgressReport(total: countries.count) }
        let state = WorkQueue()
        let workers = max(1, min(jobs, countries.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let renderer: Renderer
            do { renderer = try Renderer() } catch { state.fail(error); return }
            while let index = state.next(below: countries.count) {
                do {
                    let bytes = try renderer.countryBriefing(countries[index], report: report, options: options, context: context)
                    guard let folder, let progress else { continue }
                    let file = folder.appendingPathComponent(names[index] + ".pdf")
                    try AtomicFile.write(bytes, to: file)
                    progress.finished(file: file, bytes: bytes.count)
                } catch {
                    state.fail(error)
                    return
                }
            }
        }
        progress?.done()
        if let error = state.error { throw error }
    }
}

/// The shared counter and the first error, behind one lock.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private(set) var error: Error?

    /// The next index to render, or nil when all are taken or one render failed.
    func next(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard error == nil, cursor < count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func fail(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
