import FolioLanguage
import FolioFiles
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import Foundation
import FolioConcurrency
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The state of one `Build.run`: everything mutable lives here, behind a mutex where render
/// threads meet.
final class BuildRun: Sendable {
    let project: Project
    let options: BuildOptions
    let location: BuildState.Location
    private let emit: @Sendable (BuildEvent) -> Void
    /// Held while an event is handed out: the caller's handler sees one at a time.
    private let eventGate = Guarded(())
    private let hashes: ContentHashes
    private let absorbedShardStates: [URL]

    /// What the build has done so far, and the state it will save.
    private struct Record {
        var state: BuildState
        var built: [TargetReport] = []
        var failed: [TargetFailure] = []
        var lastStateWrite = DispatchTime.now().uptimeNanoseconds
    }

    private let record: Guarded<Record>

    init(project: Project, options: BuildOptions, location: BuildState.Location, events: @escaping @Sendable (BuildEvent) -> Void) {
        self.project = project
        self.options = options
        self.location = location
        emit = events
        let (state, absorbed) = BuildState.read(location)
        absorbedShardStates = absorbed
        hashes = ContentHashes(known: state.files)
        record = Guarded(Record(state: state))
    }

    /// The state as recorded so far (a copy).
    private var state: BuildState { record.withLock { $0.state } }

    func event(_ event: BuildEvent) {
        eventGate.withLock { _ in emit(event) }
    }

    func execute() -> BuildSummary {
        let targets = Build(project: project, options: options).selectedTargets()
        let state = self.state
        let fingerprints = InputFingerprints(project: project, hashes: hashes, styleChains: state.styles)

        // 1. Plan: stat and compare, nothing more.
        var stale: [(Project.Target, String)] = []
        var fresh: [String] = []
        var unbuildable: [TargetFailure] = []
        for target in targets {
            switch fingerprints.inputs(of: target, changesSince: recordedChangesBase(target, fingerprints: fingerprints)) {
            case .failure(let failure):
                unbuildable.append(failure)
            case .success(let inputs):
                if !options.force, let record = state.targets[target.id], record.inputs == inputs,
                   record.outputs.allSatisfy({ FileStamp.of(project.path($0.key)) == $0.value.stamp }) {
                    fresh.append(target.id)
                } else {
                    stale.append((target, inputs))
                }
            }
        }
        event(.planned(total: targets.count, stale: stale.map(\.0.id), fresh: fresh.count))
        unbuildable.forEach(fail)
        var summary = BuildSummary(total: targets.count, built: [], fresh: fresh, failed: [], wouldBuild: [], changes: [],
                                   bytesHashed: 0, seconds: 0)
        if options.dryRun {
            summary.wouldBuild = stale.map(\.0.id)
            summary.failed = record.withLock { $0.failed }
            summary.bytesHashed = hashes.bytesRead
            return summary
        }
        stale.forEach { removeTemporaryFiles(of: $0.0) }
        removeTemporaryStateFiles()

        // 2. Read and validate the data the stale targets need; a bad source fails its targets only.
        let loaded = loadSources(Array(Set(stale.map(\.0.source))).sorted())
        var ready: [(Project.Target, String, LoadedSource)] = []
        for (target, inputs) in stale {
            switch loaded[target.source]! {
            case .success(let source): ready.append((target, inputs, source))
            case .failure(let failure): fail(TargetFailure(target: target, reason: failure.reason, messages: failure.messages))
            }
        }

        // 3. Render: only now is fontconfig set up.
        var works: [TargetWork] = []
        if !ready.isEmpty {
            do {
                let renderer = try Renderer()
                let styles = loadStyles(Set(ready.map(\.0.style)), fingerprints: fingerprints, fonts: renderer.fonts)
                for (target, inputs, source) in ready {
                    switch styles[target.style]! {
                    case .failure(let problem):
                        fail(TargetFailure(target: target, reason: .invalidStyle, messages: problem.messages))
                    case .success(let style):
                        let made: ReportEdition
                        do {
                            made = try ReportEdition.make(source.report, language: target.language,
                                                          catalogues: try fingerprints.catalogues(for: style))
                        } catch {
                            fail(TargetFailure(target: target, reason: .invalidStyle, messages: ["\(error)"]))
                            continue
                        }
                        let date = project.date ?? source.date
                        var context = BriefingLayout.Context(dataDate: date, dataFingerprint: source.fingerprint)
                        var inputs = inputs
                        var base: BuildState.ChangesBase?
                        if target.changesPage, let definition = project.source(named: target.source),
                           case .success(let dataHash) = fingerprints.sourceHash(definition) {
                            let changes = pageChanges(for: definition, loaded: source)
                            context.changes = changes.pageLines(made.edition)
                            base = BuildState.ChangesBase(data: dataHash, since: changes.previousFingerprint ?? "first")
                            if case .success(let exact) = fingerprints.inputs(of: target, changesSince: base?.since) { inputs = exact }
                        }
                        let work = TargetWork(target: target, inputs: inputs, report: made.report, edition: made.edition, style: style,
                                              pdfOptions: PDFOptions(date: date), context: context, changesBase: base,
                                              measurer: renderer.measurer)
                        works.append(work)
                    }
                }
            } catch {
                for (target, _, _) in ready { fail(TargetFailure(target: target, reason: .renderFailed, messages: ["\(error)"])) }
            }
        }
        render(works)

        // 4. Record: snapshots and what changed, then the state.
        summary.changes = recordChanges(loaded: loaded)
        let failed = record.withLock { $0.failed }
        if !works.isEmpty || !failed.isEmpty {
            writeChangeReport(summary.changes)
        }
        (summary.built, summary.failed) = record.withLock { ($0.built.sorted { $0.id < $1.id }, $0.failed) }
        summary.bytesHashed = hashes.bytesRead
        let keep = Set(targets.map(\.id))
        if !stale.isEmpty || !failed.isEmpty || hashes.entriesUsed != state.files || fingerprints.styleChains != state.styles
            || !state.targets.keys.allSatisfy(keep.contains) || !absorbedShardStates.isEmpty {
            saveState(final: true, chains: fingerprints.styleChains, keep: keep)
        }
        return summary
    }

    /// The changes base recorded for a changes-page target's current data, if any.
    private func recordedChangesBase(_ target: Project.Target, fingerprints: InputFingerprints) -> String? {
        guard target.changesPage, let source = project.source(named: target.source),
              case .success(let hash) = fingerprints.sourceHash(source), let base = state.changesSince[target.source],
              base.data == hash else { return nil }
        return base.since
    }

    /// What a changes page shows: the changes since the last successful build, or, when the data
    /// has not changed since then, the changes that build recorded.
    private func pageChanges(for source: Project.Source, loaded: LoadedSource) -> DataChanges {
        let previous = DataSnapshot.read(source: source.name, folder: location.snapshots)
        if previous?.fingerprint == loaded.fingerprint,
           let last = DataChanges.readLast(source: source.name, folder: location.snapshots), last.fingerprint == loaded.fingerprint {
            return last
        }
        return DataChanges(source: source.name, path: source.path, previous: previous,
                           current: DataSnapshot(report: loaded.report, fingerprint: loaded.fingerprint))
    }

    private func fail(_ failure: TargetFailure) {
        record.withLock { $0.failed.append(failure) }
        event(.failed(failure))
    }

    // MARK: Sources and styles

    struct SourceProblem: Error {
        var reason: TargetFailure.Reason
        var messages: [String]
    }

    /// Reads and checks the sources on up to `jobs` threads (large JSON reports take a while to validate).
    private func loadSources(_ names: [String]) -> [String: Result<LoadedSource, SourceProblem>] {
        let results = Guarded<[String: Result<LoadedSource, SourceProblem>]>([:])
        let queue = WorkQueue()
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, names.count))) { _ in
            while let index = queue.next(below: names.count) {
                let result = loadSource(project.source(named: names[index])!)
                results.withLock { $0[names[index]] = result }
            }
        }
        return results.withLock { $0 }
    }

    private func loadSource(_ source: Project.Source) -> Result<LoadedSource, SourceProblem> {
        let options = LoadOptions()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.url.path, isDirectory: &isDirectory) else {
            return .failure(SourceProblem(reason: .missingSource, messages: ["\(source.path): cannot open: no such file or folder"]))
        }
        if isDirectory.boolValue {
            let files: [String: Data]
            do { files = try ReportLoader.readCSVFolder(source.url, maxBytes: options.maxBytes) } catch {
                return .failure(SourceProblem(reason: .unreadableSource, messages: ["\(source.path): \(error)"]))
            }
            let result = ReportLoader.checkCSV(files: files, defaultTitle: source.url.lastPathComponent, options: options)
            let folder = source.path.hasSuffix("/") ? String(source.path.dropLast()) : source.path
            let diagnostics = result.diagnostics.map { diagnostic -> Diagnostic in
                var diagnostic = diagnostic
                diagnostic.file = folder + "/" + diagnostic.file
                return diagnostic
            }
            let modified = files.keys.compactMap { FileStamp.of(source.url.appendingPathComponent($0).path)?.modifiedDate }.max()
            return finish(CheckResult(report: result.report, diagnostics: diagnostics), fingerprint: DataFingerprint.folder(files),
                          modified: modified, source: source)
        }
        guard let format = InputFormat(fileExtension: source.url.pathExtension), format != .csv else {
            return .failure(SourceProblem(reason: .invalidData, messages: [
                "\(source.path): cannot tell the format from the extension; use .yaml, .yml, .json, .xml (IATI) or .xlsx, or a CSV folder",
            ]))
        }
        guard let handle = FileHandle(forReadingAtPath: source.url.path) else {
            return .failure(SourceProblem(reason: .unreadableSource, messages: ["\(source.path): cannot open: permission denied"]))
        }
        defer { try? handle.close() }
        let bytes: Data
        do { bytes = try handle.read(upToCount: options.maxBytes + 1) ?? Data() } catch {
            return .failure(SourceProblem(reason: .unreadableSource, messages: ["\(source.path): cannot read: \(error.localizedDescription)"]))
        }
        let modified = FileStamp.of(source.url.path)?.modifiedDate
        return finish(ReportLoader.check(data: bytes, fileName: source.path, format: format, options: options),
                      fingerprint: DataFingerprint.file(bytes), modified: modified, source: source)
    }

    private func finish(_ result: CheckResult, fingerprint: String, modified: Date?,
                        source: Project.Source) -> Result<LoadedSource, SourceProblem> {
        result.warnings.forEach { event(.warning($0)) }
        guard let report = result.report, result.errors.isEmpty else {
            let errors = result.errors.count
            return .failure(SourceProblem(reason: .invalidData, messages: result.errors.map(\.description) + [
                "\(source.path) is not valid (\(errors) error\(errors == 1 ? "" : "s")); the outputs of \(source.name) are kept as they were",
            ]))
        }
        return .success(LoadedSource(report: report, fingerprint: fingerprint,
                                     date: DocumentDate.wholeSeconds(modified ?? Date())))
    }

    private func loadStyles(_ references: Set<String>, fingerprints: InputFingerprints,
                            fonts: FontLibrary) -> [String: Result<Style, StyleProblem>] {
        let library = StyleLibrary(fonts: fonts)
        var styles: [String: Result<Style, StyleProblem>] = [:]
        for reference in references {
            guard let url = fingerprints.styleURL(reference) else {
                styles[reference] = .failure(StyleProblem(["no style \"\(reference)\""]))
                continue
            }
            do {
                let loaded = try library.load(url.path)
                loaded.warnings.forEach { event(.warning($0)) }
                styles[reference] = .success(loaded.style)
            } catch let failure as StyleSheet.Failure {
                styles[reference] = .failure(StyleProblem(failure.diagnostics.map(\.description)
                                                          + ["style \(reference) is not valid; its targets are kept as they were"]))
            } catch {
                styles[reference] = .failure(StyleProblem(["style \(reference): \(error)"]))
            }
        }
        return styles
    }

    struct StyleProblem: Error {
        var messages: [String]
        init(_ messages: [String]) { self.messages = messages }
    }

    // MARK: Rendering and writing

    private func render(_ works: [TargetWork]) {
        for work in works where work.pieceCount == 0 { finish(work) }
        let pieces = works.flatMap { work in (0..<work.pieceCount).map { (work, $0) } }
        guard !pieces.isEmpty else { return }
        do {
            try ParallelRenders.run(count: pieces.count, jobs: options.jobs) { renderer, index in
                let (work, piece) = pieces[index]
                if work.render(piece: piece, renderer: renderer) { self.finish(work) }
            }
        } catch {
            // Only setting up a worker's renderer throws here; every unfinished target fails.
            for work in works { work.fail(.renderFailed, "\(error)") }
            let done = record.withLock { Set($0.built.map(\.id) + $0.failed.map(\.id)) }
            for work in works where !done.contains(work.target.id) { fail(work.failure!) }
        }
    }

    /// Writes a finished target: a file atomically, a folder's set as a whole (`FolderReplacement`);
    /// files whose bytes are unchanged are left as they are. Then records it.
    private func finish(_ work: TargetWork) {
        if let failure = work.failure { return fail(failure) }
        let target = work.target
        let previous = record.withLock { $0.state.targets[target.id] }
        var written: [String] = [], unchanged: [String] = [], removed: [String] = []
        var outputs: [String: HashedFile] = [:]
        do {
            let files = try work.files().map { (path: $0.path, bytes: $0.bytes, sha: SHA256.hex($0.bytes)) }
            for file in files {
                if let old = previous?.outputs[file.path], old.sha256 == file.sha, FileStamp.of(project.path(file.path)) == old.stamp {
                    unchanged.append(file.path)
                } else {
                    written.append(file.path)
                }
            }
            if target.kind.makesFolder {
                let prefix = target.output + "/"
                // Only files inside the target's own folder: the state file is data, and a damaged or
                // hand-edited one must not be able to delete anything else.
                let made = Set((previous.map { Array($0.outputs.keys) } ?? []).filter { Self.isInside($0, target: target) }
                    .map { String($0.dropFirst(prefix.count)) })
                let names = Set(files.map { String($0.path.dropFirst(prefix.count)) })
                let gone = made.subtracting(names).filter { FileManager.default.fileExists(atPath: project.path(prefix + $0)) }
                if !written.isEmpty || !gone.isEmpty || !FileManager.default.fileExists(atPath: project.path(target.output)) {
                    let replacement = FolderReplacement(folder: try outputFolder(of: target), previous: made)
                    let kept = Set(unchanged)
                    removed = try replacement.replace(with: files.map { file in
                        (String(file.path.dropFirst(prefix.count)), kept.contains(file.path) ? .unchanged(file.bytes) : .bytes(file.bytes))
                    }).map { prefix + $0 }
                }
            } else {
                try createFolder(project.url((target.output as NSString).deletingLastPathComponent))
                for file in files where written.contains(file.path) { try AtomicFile.write(file.bytes, to: project.url(file.path)) }
            }
            // Linking an unchanged file into a new set changes its stamp (not its bytes or time).
            for file in files {
                if let stamp = FileStamp.of(project.path(file.path)) { outputs[file.path] = HashedFile(stamp: stamp, sha256: file.sha) }
            }
        } catch let failure as AtomicFile.Failure {
            let reason: TargetFailure.Reason
            if case .io = failure { reason = .writeFailed } else { reason = .cannotWrite }
            return fail(TargetFailure(target: target, reason: reason, messages: ["\(failure)"]))
        } catch {
            return fail(TargetFailure(target: target, reason: .cannotWrite, messages: ["\(error)"]))
        }
        let report = TargetReport(id: target.id, kind: target.kind, source: target.source, written: written, unchanged: unchanged,
                                  removed: removed, seconds: Double(DispatchTime.now().uptimeNanoseconds - work.started) / 1e9)
        record.withLock { record in
            record.state.targets[target.id] = BuildState.TargetRecord(inputs: work.inputs, outputs: outputs)
            if let base = work.changesBase { record.state.changesSince[target.source] = base }
            record.built.append(report)
        }
        // A killed build keeps the record of what it finished, at the cost of one write a second.
        saveState(final: false, chains: nil, keep: nil)
        event(.built(report))
    }

    /// Whether `path` is a file a target may own: a plain name directly inside its folder.
    static func isInside(_ path: String, target: Project.Target) -> Bool {
        guard target.kind.makesFolder, path.hasPrefix(target.output + "/") else { return false }
        let name = path.dropFirst(target.output.count + 1)
        return !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
    }

    private func createFolder(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return try checkInsideProject(folder) }
            throw AtomicFile.Failure.cannotCreate(path: folder.path, reason: "it is a file, not a folder")
        }
        // Outputs stay inside the project even through a symbolic link made after folio.yaml was
        // checked: the nearest folder that exists is checked before anything is created under it.
        var existing = folder
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            // A link to nothing: where it would lead can only be known by creating what it names.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: existing.path)) != nil {
                throw AtomicFile.Failure.cannotCreate(path: existing.path, reason: "it is a symbolic link to nothing")
            }
            existing = existing.deletingLastPathComponent()
        }
        try checkInsideProject(existing, naming: folder)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw AtomicFile.Failure.cannotCreate(path: folder.path, reason: error.localizedDescription)
        }
        try checkInsideProject(folder)
    }

    /// A folder target's folder, made ready to be replaced: the folder it goes in exists inside
    /// the project; a symbolic link in its place must lead to a folder inside the project, and is
    /// kept (the folder it leads to is the one replaced).
    private func outputFolder(of target: Project.Target) throws -> URL {
        let folder = project.url(target.output)
        try createFolder(folder.deletingLastPathComponent())
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path)) != nil {
            guard FileManager.default.fileExists(atPath: folder.path) else {
                throw AtomicFile.Failure.cannotCreate(path: folder.path, reason: "it is a symbolic link to nothing")
            }
            try checkInsideProject(folder)
            return folder.resolvingSymlinksInPath()
        }
        return folder.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(folder.lastPathComponent)
    }

    private func checkInsideProject(_ folder: URL, naming name: URL? = nil) throws {
        let real = folder.resolvingSymlinksInPath().path
        let root = project.directory.resolvingSymlinksInPath().path
        guard real == root || real.hasPrefix(root + "/") else {
            throw AtomicFile.Failure.cannotCreate(path: (name ?? folder).path, reason: "it leads outside the project folder")
        }
    }

    /// Temporary files a killed build left beside this target's outputs (`.NAME.XXXXXX`, see
    /// `AtomicFile`), and for a folder target a half-made or replaced set beside its folder
    /// (`FolderReplacement`).
    private func removeTemporaryFiles(of target: Project.Target) {
        let output = project.url(target.output)
        if target.kind.makesFolder {
            let real = output.resolvingSymlinksInPath()
            let parent = real.deletingLastPathComponent()
            for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            where Self.temporaryStem(name) == real.lastPathComponent {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
        let folder = target.kind.makesFolder ? output : output.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let stem = Self.temporaryStem(name) else { continue }
            let ours = target.kind.makesFolder
                ? ["pdf", "png", "svg", "json"].contains((stem as NSString).pathExtension.lowercased())
                : stem == output.lastPathComponent
            if ours { unlink(folder.appendingPathComponent(name).path) }
        }
    }

    /// Temporary files of the state, the snapshots and the change report left by a killed build.
    private func removeTemporaryStateFiles() {
        let stateNames = [location.file, location.changesMarkdown, location.changesJSON].map(\.lastPathComponent)
        for (folder, ours) in [(location.folder, { (stem: String) in stateNames.contains(stem) }),
                               (location.snapshots, { (stem: String) in stem.hasSuffix(".json") })] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard let stem = Self.temporaryStem(name), ours(stem) else { continue }
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    /// "outcome4.pdf" for ".outcome4.pdf.Ab12Cd", the name `AtomicFile` gives its temporary files; nil for other names.
    static func temporaryStem(_ name: String) -> String? {
        guard name.hasPrefix("."), name.count > 9 else { return nil }
        let suffix = name.suffix(7)
        guard suffix.first == ".", suffix.dropFirst().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return String(name.dropFirst().dropLast(7))
    }

    // MARK: State and changes

    /// - Parameter keep: the final write drops records of targets no longer in the build file (or,
    ///   for a shard, not in this shard).
    private func saveState(final: Bool, chains: [String: [String]]?, keep: Set<String>?) {
        // Written under the lock: two writers must not let an older copy land last.
        let problem = record.withLock { record -> Error? in
            let now = DispatchTime.now().uptimeNanoseconds
            guard final || now - record.lastStateWrite > 1_000_000_000 else { return nil }
            record.lastStateWrite = now
            var copy = record.state
            copy.files = hashes.entriesUsed
            if let chains { copy.styles = chains }
            if let keep { copy.targets = copy.targets.filter { keep.contains($0.key) } }
            if final { record.state = copy }
            do {
                try copy.write(to: location)
                if final { absorbedShardStates.forEach { unlink($0.path) } }
                return nil
            } catch {
                return error
            }
        }
        if let problem {
            event(.warning(Diagnostic(severity: .warning, file: location.file.path, line: 1, column: 1, path: "",
                                      message: "could not save the build state (\(problem)); the next build re-renders")))
        }
    }

    /// For every source whose targets all built and whose data differs from its snapshot: the
    /// changes, and a new snapshot.
    private func recordChanges(loaded: [String: Result<LoadedSource, SourceProblem>]) -> [DataChanges] {
        let failedSources = record.withLock { Set($0.failed.map(\.source)) }
        var changes: [DataChanges] = []
        for name in loaded.keys.sorted() where !failedSources.contains(name) {
            guard case .success(let source) = loaded[name]!, let definition = project.source(named: name) else { continue }
            let previous = DataSnapshot.read(source: name, folder: location.snapshots)
            guard previous?.fingerprint != source.fingerprint else { continue }
            let current = DataSnapshot(report: source.report, fingerprint: source.fingerprint)
            let change = DataChanges(source: name, path: definition.path, previous: previous, current: current)
            changes.append(change)
            do {
                try current.write(source: name, folder: location.snapshots)
                try change.writeLast(folder: location.snapshots)
            } catch {
                event(.warning(Diagnostic(severity: .warning, file: location.snapshots.path, line: 1, column: 1, path: "",
                                          message: "could not save the snapshot of \(name): \(error)")))
            }
        }
        return changes
    }

    private func writeChangeReport(_ changes: [DataChanges]) {
        let report = record.withLock { ChangeReport(changes: changes, built: $0.built.sorted { $0.id < $1.id }, failed: $0.failed) }
        do {
            try AtomicFile.write(Array(report.markdown().utf8), to: location.changesMarkdown)
            try AtomicFile.write(try report.json(), to: location.changesJSON)
        } catch {
            event(.warning(Diagnostic(severity: .warning, file: location.changesMarkdown.path, line: 1, column: 1, path: "",
                                      message: "could not write the change report: \(error)")))
        }
    }
}
