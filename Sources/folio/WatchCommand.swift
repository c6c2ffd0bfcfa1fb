import ArgumentParser
import FolioBuild
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT/SIGTERM; a second signal ends the process at once (outputs are atomic, so that is
/// safe). A lock-free atomic: the only kind of shared state a signal handler may touch.
private let stopRequested = Atomic<Bool>(false)

private func isStopping() -> Bool { stopRequested.load(ordering: .sequentiallyConsistent) }

struct WatchCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build, then rebuild whenever the build file, a source, a style or the fonts change, until Ctrl-C.",
        discussion: "Changes are collected until things have been quiet for --debounce milliseconds, so an editor's "
            + "save-and-rename makes one build. Errors are shown and the watch goes on."
    )

    @Option(name: .customShort("C"), help: ArgumentHelp("Project folder (default: the current folder).", valueName: "dir"))
    var directory: String = "."

    @Option(help: "Parallel renders (default: one per core).")
    var jobs: Int?

    @Option(help: "Quiet time after a change before building, in milliseconds.")
    var debounce: Int = 250

    @Option(help: "text or json.")
    var logFormat: LogFormat = .text

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
        guard (10...10_000).contains(debounce) else { throw ValidationError("--debounce must be from 10 to 10000 ms") }
    }

    func execute() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let watcher = try ProjectWatcher()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { _ in
                if stopRequested.exchange(true, ordering: .sequentiallyConsistent) { _exit(130) }
            }
        }
        var changed: [String] = []
        while !isStopping() {
            if !changed.isEmpty { printStatus("changed: " + changed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) }
            var project: Project?
            do {
                let loaded = try ProjectFolder.load(directory)
                project = loaded
                let options = BuildOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
                _ = try ProjectFolder.run(Build(project: loaded, options: options),
                                          reporter: BuildReporter(format: logFormat, project: loaded))
            } catch let failure as Failure {
                failure.lines.forEach(printError)
            } catch let exit as ExitCode {
                // A busy project (another build running): try again at the next change.
                _ = exit
            } catch {
                printError("folio: \(error)")
            }
            // Watch what the build file names now: a source added or renamed is picked up.
            watcher.watch(directory: folder, project: project)
            if !isStopping() { printStatus("watching \(folder.standardizedFileURL.path) (Ctrl-C to stop)") }
            guard let next = watcher.waitForChange(debounce: Double(debounce) / 1000, stop: isStopping) else { break }
            changed = next
        }
        printStatus("stopped")
    }

    private func printStatus(_ line: String) {
        if logFormat == .text { print("folio watch: " + line) }
        fflush(nil)
    }
}
