import Foundation
import FolioConcurrency
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a batch: a bar with count, rate and time left on a terminal; one line per file otherwise
/// (logs and cron mails want lines, people want a bar).
final class ProgressReport: Sendable {
    private let total: Int
    private let noun: String
    private let start = DispatchTime.now().uptimeNanoseconds
    private let interactive = isatty(STDERR_FILENO) == 1

    /// Files done and when the bar was last drawn; held while a line or the bar is written.
    private struct Counts {
        var count = 0
        var lastDraw: UInt64 = 0
    }

    private let counts = Guarded(Counts())

    init(total: Int, noun: String = "file") {
        self.total = total
        self.noun = noun
    }

    func finished(file: URL, bytes: Int) {
        counts.withLock { counts in
            counts.count += 1
            if !interactive {
                print("wrote \(file.relativePath) (\(ByteCount(bytes)))")
                return
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if counts.count == total || now - counts.lastDraw > 50_000_000 {
                counts.lastDraw = now
                draw(count: counts.count, now: now)
            }
        }
    }

    func done() {
        let count = counts.withLock { $0.count }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        print("\(count) \(noun)\(count == 1 ? "" : "s") in " + String(format: "%.2f s", seconds))
    }

    private func draw(count: Int, now: UInt64) {
        let elapsed = max(1e-9, Double(now - start) / 1e9)
        let rate = Double(count) / elapsed
        let left = rate > 0 ? Double(total - count) / rate : 0
        let width = 30
        let filled = total > 0 ? width * count / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(bar) \(count)/\(total)  " + String(format: "%.1f/s  %.0f s left ", rate, left)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
