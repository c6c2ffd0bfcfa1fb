import FolioRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits for changes to what a project's outputs depend on, through Linux inotify: the build file,
/// the sources, the style sheets and the fonts.
///
/// inotify watches folders, not paths, because editors save by writing a new file and renaming it
/// over the old one (the old file's watch would go with it). Events for names the build does not
/// read (outputs, editors' swap files) are ignored, so writing outputs never triggers a build.
public final class ProjectWatcher {
    private let descriptor: Int32
    /// Watch descriptor → folder, and the names in it that matter (nil: every name).
    private var watched: [Int32: (folder: String, names: Set<String>?)] = [:]

    public init() throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw BuildError.cannotCreate(path: "inotify", reason: String(cString: strerror(errno)))
        }
    }

    deinit { close(descriptor) }

    /// Watches what `project` reads; with no project (the build file is broken), only the build file.
    public func watch(directory: URL, project: Project?) {
        var names: [String: Set<String>] = [directory.standardizedFileURL.path: [Project.fileName]]
        var everything = Set<String>()
        func add(_ folder: String, _ name: String?) {
            if let name { names[folder, default: []].insert(name) } else { everything.insert(folder) }
        }
        if let project {
            for source in project.sources {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: source.url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    add(source.url.path, nil)
                } else {
                    add(source.url.deletingLastPathComponent().path, source.url.lastPathComponent)
                }
            }
            let fingerprints = InputFingerprints(project: project, hashes: ContentHashes(known: [:]), styleChains: [:])
            for style in Set(project.targets.map(\.style)) {
                if let url = fingerprints.styleURL(style) { add(url.deletingLastPathComponent().path, nil) }
            }
            project.sourceFolders.forEach { add($0.path, nil) }
            if let styles = StyleLibrary.bundledDirectory() { add(styles.standardizedFileURL.path, nil) }
            if let fonts = FontLibrary.bundledFontsDirectory() { add(fonts.standardizedFileURL.path, nil) }
        }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)
        // Watches are updated in place, never dropped and made again: a change saved while the
        // last build ran is queued under its watch and must still start the next build.
        var current: [Int32: (folder: String, names: Set<String>?)] = [:]
        for folder in Set(names.keys).union(everything) {
            let wd = inotify_add_watch(descriptor, folder, mask)
            if wd >= 0 { current[wd] = (folder, everything.contains(folder) ? nil : names[folder]) }
        }
        for wd in watched.keys where current[wd] == nil { inotify_rm_watch(descriptor, wd) }
        watched = current
    }

    /// Blocks until something relevant changed and then stayed quiet for `debounce` seconds (an
    /// editor's save-and-rename is one change), returning the changed paths; nil when `stop` says so.
    public func waitForChange(debounce: Double = 0.25, stop: () -> Bool) -> [String]? {
        var changed = Set<String>()
        var lastEvent: UInt64?
        while true {
            if stop() { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            if ready > 0 {
                let paths = readEvents()
                if !paths.isEmpty {
                    changed.formUnion(paths)
                    lastEvent = DispatchTime.now().uptimeNanoseconds
                }
            }
            if let lastEvent, Double(DispatchTime.now().uptimeNanoseconds - lastEvent) / 1e9 >= debounce {
                return changed.sorted()
            }
        }
    }

    private func readEvents() -> [String] {
        var paths: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let (wd, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, Int(event.len))
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + nameLength)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + nameLength
                guard let entry = watched[wd] else { continue }
                if name.isEmpty || name.hasPrefix(".") { continue }
                if let names = entry.names, !names.contains(name) { continue }
                paths.append(entry.folder + "/" + name)
            }
        }
        return paths
    }
}
