import FolioLanguage
import FolioLayout
import FolioModel
import FolioRender
import Foundation

/// The hash of everything a target's output depends on: its data, its style sheet and the sheets it
/// extends, the bundled fonts, the engine release and the target's own options.
///
/// Files are hashed by content through `ContentHashes`, so an unchanged file costs one `stat`; the
/// style-sheet chains are remembered in the state so that a no-op build parses no style sheet.
final class InputFingerprints {
    let project: Project
    let hashes: ContentHashes
    private(set) var styleChains: [String: [String]]
    private let styleLibrary = StyleLibrary(directory: StyleLibrary.bundledDirectory(), fonts: nil)
    private var sourceHashes: [String: Result<String, TargetFailure.Reason>] = [:]
    private var styleHashes: [String: String?] = [:]
    private var styleLibraries: [[String]: CatalogueLibrary] = [:]
    private lazy var fontsHash: String = computeFontsHash()
    /// The bundled catalogues and the project's, or why they cannot be read.
    lazy var catalogues: Result<CatalogueLibrary, CatalogueFile.Failure> = Result {
        try CatalogueLibrary.bundled(adding: project.catalogueFolder.map { [$0] } ?? [])
    }.mapError { $0 as? CatalogueFile.Failure ?? CatalogueFile.Failure(file: "catalogues", message: "\($0)") }

    /// Bumped when the build's own way of making outputs changes (not the drawing: that is the engine).
    static let buildRecipe = "folio-build-1"

    init(project: Project, hashes: ContentHashes, styleChains: [String: [String]]) {
        self.project = project
        self.hashes = hashes
        self.styleChains = styleChains
    }

    /// The inputs hash of `target`, or why it cannot be built at all.
    /// - Parameter changesSince: for a briefing with a changes page, the data fingerprint its
    ///   changes are counted from (the page's content follows from it and the data).
    func inputs(of target: Project.Target, changesSince: String? = nil) -> Result<String, TargetFailure> {
        guard let source = project.source(named: target.source) else {
            return .failure(TargetFailure(target: target, reason: .missingSource, messages: ["no source \(target.source)"]))
        }
        let data: String
        switch sourceHash(source) {
        case .success(let hash): data = hash
        case .failure(let reason):
            let position = "\(Project.fileName):\(source.line):\(source.column): sources.\(source.name): "
            let message: String
            switch reason {
            case .missingSource: message = position + "cannot open \(source.path): no such file or folder"
            case .invalidData: message = "\(source.path): file is larger than the limit of \(LoadOptions().maxBytes >> 20) MiB"
            default: message = position + "cannot read \(source.path)"
            }
            return .failure(TargetFailure(target: target, reason: reason, messages: [message]))
        }
        guard let style = styleHash(target.style) else {
            let names = styleLibrary.list().map(\.name)
            return .failure(TargetFailure(target: target, reason: .invalidStyle, messages: [
                "\(Project.fileName):\(target.line):\(target.column): style: no style \"\(target.style)\"; the styles are "
                    + (names.isEmpty ? "(none found)" : names.joined(separator: ", ")),
            ]))
        }
        var lines = [
            Self.buildRecipe, "engine " + Renderer.engineRelease, "kind " + target.kind.rawValue, "output " + target.output,
            "data " + data, "style " + style, "fonts " + fontsHash, "date " + dateSetting,
        ]
        if !target.formats.isEmpty { lines.append("formats " + target.formats.map(\.rawValue).joined(separator: ",")) }
        if !target.scales.isEmpty { lines.append("scales " + target.scales.map { String($0) }.joined(separator: ",")) }
        if target.changesPage { lines.append("changes since " + (changesSince ?? "unknown")) }
        if target.kind == .deck {
            lines.append("charts " + target.charts.rawValue)
            if let template = target.template { lines.append("template " + (hashes.hash(template) ?? "missing")) }
        }
        switch catalogues {
        case .success(let library):
            lines.append("language " + (target.language ?? "of the data"))
            lines.append("words " + SHA256.hex(library.contentDigestInput(for: target.language)))
        case .failure(let failure):
            return .failure(TargetFailure(target: target, reason: .invalidStyle, messages: [failure.description]))
        }
        return .success(SHA256.hex(Array(lines.joined(separator: "\n").utf8)))
    }

    /// The date PDFs get when a setting fixes it, resolved (so equal dates hash equally whichever
    /// setting gave them); else the data file's time, which needs no hashing: the same content keeps
    /// the date it was first rendered with.
    var dateSetting: String {
        project.date.map { "fixed \(Int64($0.timeIntervalSince1970.rounded(.down)))" } ?? "data file time"
    }

    /// The source's `DataFingerprint`, from file hashes remembered by stamp where they can be.
    func sourceHash(_ source: Project.Source) -> Result<String, TargetFailure.Reason> {
        if let known = sourceHashes[source.name] { return known }
        let result: Result<String, TargetFailure.Reason>
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: source.url.path, isDirectory: &isDirectory) {
            result = .failure(.missingSource)
        } else if isDirectory.boolValue {
            // The files `ReportLoader.readCSVFolder` reads as data: regular files (or links to them).
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.url.path)) ?? [])
                .filter { !$0.hasPrefix(".") && DataFingerprint.isMember($0) }
            var members: [DataFingerprint.Member] = []
            var problem: TargetFailure.Reason?
            for name in names {
                let path = source.url.appendingPathComponent(name).path
                guard FileStamp.of(path) != nil else {
                    var isFolder: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { continue }
                    problem = .unreadableSource; break
                }
                if Self.isTooLarge(path) { problem = .invalidData; break }
                guard let hashed = hashes.hashed(path) else { problem = .unreadableSource; break }
                members.append(DataFingerprint.Member(name: name, size: hashed.size, sha256: hashed.sha256))
            }
            result = problem.map { .failure($0) } ?? .success(DataFingerprint.folder(members: members))
        } else if Self.isTooLarge(source.url.path) {
            // Refused before reading: a runaway export must not be hashed (or held in memory) whole.
            result = .failure(.invalidData)
        } else if let hash = hashes.hash(source.url.path) {
            result = .success(hash)
        } else {
            result = .failure(.unreadableSource)
        }
        sourceHashes[source.name] = result
        return result
    }

    static func isTooLarge(_ path: String) -> Bool {
        (FileStamp.of(path)?.size ?? 0) > Int64(LoadOptions().maxBytes)
    }

    /// The style's file for a reference in folio.yaml: a name from Styles/, or a path from the project folder.
    func styleURL(_ reference: String) -> URL? {
        let isPath = reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
        if isPath {
            let url = reference.hasPrefix("/") ? URL(fileURLWithPath: reference) : project.directory.appendingPathComponent(reference)
            return FileManager.default.fileExists(atPath: url.path) ? url.standardizedFileURL : nil
        }
        return styleLibrary.resolve(reference)?.standardizedFileURL
    }

    /// Hash over the sheet and every sheet it extends; nil when the style does not exist.
    func styleHash(_ reference: String) -> String? {
        if let known = styleHashes[reference] { return known }
        var hash: String?
        if let url = styleURL(reference) {
            let chain = chain(from: url.path)
            hash = SHA256.hex(Array(chain.map { entry -> String in
                if entry.hasPrefix(Self.catalogueFolderMark) {
                    let folder = String(entry.dropFirst(Self.catalogueFolderMark.count))
                    return entry + " " + catalogueFolderHash(folder)
                }
                return entry + " " + (hashes.hash(entry) ?? "missing")
            }.joined(separator: "\n").utf8))
        }
        styleHashes[reference] = hash
        return hash
    }

    /// The catalogues an edition with `style` is made from: the bundled ones, the project's, then the style's.
    func catalogues(for style: Style) throws -> CatalogueLibrary {
        let base = try catalogues.get()
        guard !style.catalogueFolders.isEmpty else { return base }
        if let known = styleLibraries[style.catalogueFolders] { return known }
        let library = try CatalogueLibrary(folders: base.folders + style.catalogueFolders.map { URL(fileURLWithPath: $0, isDirectory: true) })
        styleLibraries[style.catalogueFolders] = library
        return library
    }

    /// Marks a chain entry that is a style's catalogue folder (`catalogues:`), not a sheet.
    static let catalogueFolderMark = "catalogues "

    /// The catalogue files of a style's folder, listed each build (a file added there counts) and
    /// hashed by stamp like any input.
    private func catalogueFolderHash(_ folder: String) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return SHA256.hex(Array(names.map { name in
            name + " " + (hashes.hash(folder + "/" + name) ?? "missing")
        }.joined(separator: "\n").utf8))
    }

    /// The sheet and those it `extends:`, with the catalogue folders, logos and deck templates they name, remembered
    /// while none of them changed.
    private func chain(from path: String) -> [String] {
        if let known = styleChains[path],
           known.allSatisfy({ $0.hasPrefix(Self.catalogueFolderMark) || hashes.isUnchanged($0) }) { return known }
        var chain: [String] = []
        var next: String? = path
        while let current = next, !chain.contains(current), chain.count < 8 {
            chain.append(current)
            next = nil
            guard let data = FileManager.default.contents(atPath: current),
                  let tree = YAMLTree.parse(data: data, fileName: current, options: LoadOptions(maxBytes: 1 << 20, maxNodes: 10_000)).tree,
                  case .mapping(let entries) = tree.value else { break }
            if let folder = entries.first(where: { $0.key == "catalogues" }), case .scalar(let text, _) = folder.value.value {
                let url = URL(fileURLWithPath: text, relativeTo: URL(fileURLWithPath: current).deletingLastPathComponent())
                chain.append(Self.catalogueFolderMark + url.standardizedFileURL.path)
            }
            // The logo is drawn into the briefing: a new picture makes new outputs.
            if let logo = entries.first(where: { $0.key == "logo" }) {
                var file: String?
                if case .scalar(let text, _) = logo.value.value { file = text }
                if case .mapping(let fields) = logo.value.value, let named = fields.first(where: { $0.key == "file" }),
                   case .scalar(let text, _) = named.value.value { file = text }
                if let file, !file.isEmpty, file != "none" {
                    chain.append(URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: current).deletingLastPathComponent())
                        .standardizedFileURL.path)
                }
            }
            // So is a deck template: a new template makes new decks.
            if let template = entries.first(where: { $0.key == "template" }), case .scalar(let text, _) = template.value.value, !text.isEmpty {
                chain.append(URL(fileURLWithPath: text, relativeTo: URL(fileURLWithPath: current).deletingLastPathComponent())
                    .standardizedFileURL.path)
            }
            guard let parent = entries.first(where: { $0.key == "extends" }),
                  case .scalar(let name, _) = parent.value.value else { break }
            next = styleLibrary.resolve(name)?.standardizedFileURL.path
        }
        styleChains[path] = chain
        return chain
    }

    private func computeFontsHash() -> String {
        guard let folder = FontLibrary.bundledFontsDirectory(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return "none" }
        let lines = names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            name + " " + (hashes.hash(folder.appendingPathComponent(name).path) ?? "unreadable")
        }
        return SHA256.hex(Array(lines.joined(separator: "\n").utf8))
    }
}
