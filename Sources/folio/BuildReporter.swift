import FolioBuild
import FolioModel
import Foundation
import FolioConcurrency
#if canImport(Glibc)
import Glibc
#endif

/// Shows a build as it runs: a progress bar on a terminal, one line per target otherwise (cron
/// mails and CI logs), or one JSON object per line for machines. Failures always go to standard
/// error with their precise positions.
final class BuildReporter: Sendable {
    let format: LogFormat
    let project: Project
    let shard: Shard?
    private let interactive = isatty(STDERR_FILENO) == 1
    private let start = DispatchTime.now().uptimeNanoseconds

    private struct Progress {
        var total = 0
        var done = 0
        /// Messages already shown: a bad source fails each of its targets with the same messages,
        /// and saying them once per target buries them.
        var shownMessages: Set<[String]> = []
    }

    /// Held while an event is shown, so lines and the bar never interleave.
    private let progress = Guarded(Progress())

    init(format: LogFormat, project: Project, shard: Shard? = nil) {
        self.format = format
        self.project = project
        self.shard = shard
    }

    /// Called by the build one event at a time.
    func handle(_ event: BuildEvent) {
        // Line by line even into a pipe or a log file: a watcher of the log sees each target as it ends.
        defer { fflush(nil) }
        if format == .json { return json(event) }
        progress.withLock { progress in
            switch event {
            case .planned(let count, let stale, let fresh):
                progress.total = stale.count
                if stale.isEmpty { return }
                if !interactive { print("\(stale.count) of \(count) target\(count == 1 ? "" : "s") to render (\(fresh) up to date)") }
                draw(progress)
            case .warning(let diagnostic):
                clearBar(progress)
                printError(diagnostic.description)
                draw(progress)
            case .built(let report):
                progress.done += 1
                if !interactive {
                    let files = report.written.count
                    print("built \(report.id) (\(files) file\(files == 1 ? "" : "s") changed"
                          + (report.unchanged.isEmpty ? "" : ", \(report.unchanged.count) unchanged")
                          + (report.removed.isEmpty ? "" : ", \(report.removed.count) removed")
                          + String(format: ", %.2f s)", report.seconds))
                }
                draw(progress)
            case .failed(let failure):
                progress.done += 1
                clearBar(progress)
                if progress.shownMessages.insert(failure.messages).inserted { failure.messages.forEach(printError) }
                printError("folio: \(failure.id) not built; its previous output is kept")
                draw(progress)
            }
        }
    }

    func finish(_ summary: BuildSummary) {
        defer { fflush(nil) }
        if format == .json {
            emitJSON(["event": "summary", "total": summary.total, "built": summary.built.map(\.id), "fresh": summary.fresh.count,
                      "failed": summary.failed.map(\.id), "would_build": summary.wouldBuild,
                      "changed_outputs": summary.changedOutputs, "changed_sources": summary.changes.map(\.source),
                      "seconds": summary.seconds, "exit_code": Int(summary.exitCode)])
            return
        }
        if interactive && progress.withLock({ $0.total }) > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        summary.wouldBuild.forEach { print("would build \($0)") }
        var parts: [String] = []
        if !summary.wouldBuild.isEmpty { parts.append("\(summary.wouldBuild.count) to build") }
        if !summary.built.isEmpty { parts.append("\(summary.built.count) built") }
        parts.append("\(summary.fresh.count) up to date")
        if !summary.failed.isEmpty { parts.append("\(summary.failed.count) failed") }
        var line = parts.joined(separator: ", ") + String(format: " in %.2f s", summary.seconds)
        if !summary.built.isEmpty || !summary.failed.isEmpty {
            line += "; \(summary.changedOutputs.count) output file\(summary.changedOutputs.count == 1 ? "" : "s") changed"
            if !summary.changes.isEmpty { line += "; data changed in " + summary.changes.map(\.source).joined(separator: ", ") }
            line += " (see \(project.stateFolder)/changes\(shardSuffix).md)"
        }
        print(line)
    }

    private var shardSuffix: String { shard.map { ".\($0.index)-of-\($0.count)" } ?? "" }

    private func draw(_ progress: Progress) {
        guard interactive, format == .text, progress.total > 0 else { return }
        let (done, total) = (progress.done, progress.total)
        let width = 30
        let filled = width * min(done, total) / total
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data(("\r\(bar) \(done)/\(total) targets  " + String(format: "%.1f s ", elapsed)).utf8))
    }

    private func clearBar(_ progress: Progress) {
        guard interactive, progress.total > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func json(_ event: BuildEvent) {
        switch event {
        case .planned(let count, let stale, let fresh):
            emitJSON(["event": "planned", "total": count, "stale": stale, "fresh": fresh])
        case .warning(let diagnostic):
            emitJSON(["event": "warning", "message": diagnostic.description])
        case .built(let report):
            emitJSON(["event": "built", "target": report.id, "kind": report.kind.rawValue, "source": report.source,
                      "written": report.written, "unchanged": report.unchanged.count, "removed": report.removed,
                      "seconds": report.seconds])
        case .failed(let failure):
            emitJSON(["event": "failed", "target": failure.id, "kind": failure.kind.rawValue, "source": failure.source,
                      "reason": failure.reason.rawValue, "messages": failure.messages])
        }
    }

    private func emitJSON(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
