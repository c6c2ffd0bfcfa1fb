import FolioFiles
import FolioProducts
import FolioRender
import Foundation

extension CountryBriefings {
    /// Renders every country; writes each PDF into `folder`, or nothing when it is nil (benchmarks).
    func run(into folder: URL?, jobs: Int) throws {
        let names = fileNames
        let progress = folder.map { _ in ProgressReport(total: countries.count, noun: "briefing") }
        try render(jobs: jobs) { index, bytes in
            guard let folder, let progress else { return }
            let file = folder.appendingPathComponent(names[index])
            try AtomicFile.write(bytes, to: file)
            progress.finished(file: file, bytes: bytes.count)
        }
        progress?.done()
    }
}
