import FolioModel
import FolioRender
import FolioSlides
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the YAML of `folio.yaml` into a `Project`, collecting every problem with its position
/// (as the style-sheet reader does), so one run shows all the typos at once.
struct BuildFileReader {
    let file: String
    let directory: URL
    var errors: [Diagnostic] = []
    /// Folders that source patterns list, watched for new files.
    var groupFolders: [URL] = []
    /// Names of source patterns (a group may match no file yet).
    var groupNames: Set<String> = []

    init(file: String, directory: URL) {
        self.file = file
        self.directory = directory
    }

    static let topKeys = ["sources", "targets", "state_folder", "date", "catalogues"]
    static let targetKeys = Project.Kind.allCases.map(\.rawValue)
        + ["style", "output", "formats", "scales", "scale", "changes_page", "languages", "charts", "template"]

    mutating func read(_ data: Data) -> Project? {
        let parsed = YAMLTree.parse(data: data, fileName: file, options: LoadOptions(maxBytes: 4 << 20, maxNodes: 200_000))
        errors += parsed.diagnostics
        guard let tree = parsed.tree else { return nil }
        guard case .mapping(let entries) = tree.value else {
            error("expected a mapping with sources: and targets:", tree.line, tree.column, "")
            return nil
        }
        var sources: [Project.Source] = []
        var targetNodes: [YAMLTree] = []
        var stateFolder = "Output"
        var catalogueFolder: URL?
        var date: Date?
        var sawSources = false, sawTargets = false
        for entry in entries {
            switch entry.key {
            case "sources":
                sawSources = true
                sources = readSources(entry.value)
            case "targets":
                sawTargets = true
                guard case .sequence(let items) = entry.value.value else {
                    error("expected a list of targets", entry.value.line, entry.value.column, "targets")
                    continue
                }
                targetNodes = items
            case "state_folder":
                if let text = scalar(entry.value, "state_folder") {
                    if let normalized = normalize(text, at: entry.value, path: "state_folder") { stateFolder = normalized }
                }
            case "catalogues":
                if let text = scalar(entry.value, "catalogues"),
                   let normalized = normalize(text, at: entry.value, path: "catalogues") {
                    catalogueFolder = directory.appendingPathComponent(normalized, isDirectory: true)
                }
            case "date":
                if let text = scalar(entry.value, "date") {
                    do { date = try DocumentDate.parse(text, setting: "date") } catch {
                        self.error(error.valueProblem, entry.value.line, entry.value.column, "date")
                    }
                }
            default:
                unknownKey(entry, known: Self.topKeys, path: "")
            }
        }
        if !sawSources { error("missing sources: (name: data file or CSV folder)", tree.line, tree.column, "sources") }
        if !sawTargets { error("missing targets: (a list of briefing:, countries:, charts: or deck:)", tree.line, tree.column, "targets") }
        var targets: [Project.Target] = []
        for (index, node) in targetNodes.enumerated() {
            targets += readTarget(node, path: "targets[\(index)]", sources: sources)
        }
        checkOutputs(targets, sources: sources, stateFolder: stateFolder)
        var project = Project(directory: directory, sources: sources, targets: targets, stateFolder: stateFolder, date: date,
                              sourceFolders: groupFolders)
        project.catalogueFolder = catalogueFolder
        return project
    }

    // MARK: Sources

    mutating func readSources(_ node: YAMLTree) -> [Project.Source] {
        guard case .mapping(let entries) = node.value else {
            error("expected a mapping of source names to data files, like `outcome4: data/outcome4.yaml`", node.line, node.column, "sources")
            return []
        }
        var sources: [Project.Source] = []
        for entry in entries {
            let path = "sources." + entry.key
            guard Self.isSafeName(entry.key) else {
                error("a source name is letters, digits, \".\", \"-\" and \"_\", not starting with \".\" (it becomes part of file names)",
                      entry.keyLine, entry.keyColumn, path)
                continue
            }
            if let earlier = sources.first(where: { $0.name == entry.key }) {
                error("source \"\(entry.key)\" is already defined on line \(earlier.line)", entry.keyLine, entry.keyColumn, path)
                continue
            }
            guard let location = scalar(entry.value, path), !location.isEmpty else { continue }
            if location.contains("*") || location.contains("?") {
                groupNames.insert(entry.key)
                sources += expandGlob(location, group: entry, existing: sources)
                continue
            }
            let url = location.hasPrefix("/") ? URL(fileURLWithPath: location) : directory.appendingPathComponent(location)
            sources.append(Project.Source(name: entry.key, path: location, url: url.standardizedFileURL,
                                          line: entry.keyLine, column: entry.keyColumn))
        }
        let groups = Set(sources.compactMap(\.group))
        for source in sources where source.group == nil && groups.contains(source.name) {
            error("source \"\(source.name)\" has the name of a group of sources", source.line, source.column, "sources." + source.name)
        }
        return sources
    }

    /// `reports: data/*.yaml`: one source per matching file or CSV folder, named after it
    /// (`data/q3.yaml` → `q3`), all of them reachable through the group's name. New files join
    /// at the next build without editing folio.yaml.
    mutating func expandGlob(_ pattern: String, group entry: YAMLTree.Entry, existing: [Project.Source]) -> [Project.Source] {
        let path = "sources." + entry.key
        let folderPart = (pattern as NSString).deletingLastPathComponent
        let namePattern = (pattern as NSString).lastPathComponent
        guard !folderPart.contains("*"), !folderPart.contains("?"), !namePattern.isEmpty else {
            error("a pattern may use * and ? in its last part only, like data/*.yaml", entry.value.line, entry.value.column, path)
            return []
        }
        let folder = folderPart.hasPrefix("/") ? URL(fileURLWithPath: folderPart, isDirectory: true)
            : directory.appendingPathComponent(folderPart.isEmpty ? "." : folderPart, isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && fnmatch(namePattern, $0, 0) == 0 }.sorted()
        var sources: [Project.Source] = []
        for name in names {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(name).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            let stem = isDirectory.boolValue ? name : (name as NSString).deletingPathExtension
            let written = folderPart.isEmpty ? name : folderPart + "/" + name
            guard Self.isSafeName(stem) else {
                error("\(written) matches, but \"\(stem)\" cannot name a source (letters, digits, \".\", \"-\", \"_\")",
                      entry.value.line, entry.value.column, path)
                continue
            }
            if let other = (existing + sources).first(where: { $0.name == stem }) {
                error("\(written) would be source \"\(stem)\", already defined on line \(other.line)", entry.value.line, entry.value.column, path)
                continue
            }
            sources.append(Project.Source(name: stem, path: written, url: url, line: entry.keyLine, column: entry.keyColumn,
                                          group: entry.key))
        }
        groupFolders.append(folder.standardizedFileURL)
        return sources
    }

    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    // MARK: Targets

    mutating func readTarget(_ node: YAMLTree, path: String, sources: [Project.Source]) -> [Project.Target] {
        guard case .mapping(let entries) = node.value else {
            error("expected a target such as `briefing: NAME` with style: and output:", node.line, node.column, path)
            return []
        }
        var kind: Project.Kind?
        var kindNode: YAMLTree?
        var style: String?
        var output: (String, YAMLTree)?
        var formats: [OutputFormat] = [.png, .svg]
        var formatsLine: (Int, Int)?
        var scales: [Double]?
        var changesPage: Bool?
        var languages: [String] = []
        var charts: ChartForm?
        var template: String?
        let errorsBefore = errors.count
        // On a deck, `charts:` says how its charts are drawn; elsewhere it names a chart set's sources.
        let isDeck = entries.contains { $0.key == Project.Kind.deck.rawValue }
        for entry in entries {
            let keyPath = path + "." + entry.key
            if let found = Project.Kind(rawValue: entry.key), !(isDeck && found == .charts) {
                if let kind {
                    error("a target makes one thing; this one already says \(kind.rawValue):", entry.keyLine, entry.keyColumn, keyPath)
                    continue
                }
                kind = found
                kindNode = entry.value
                continue
            }
            switch entry.key {
            case "style":
                style = scalar(entry.value, keyPath)
            case "output":
                if let text = scalar(entry.value, keyPath) { output = (text, entry.value) }
            case "formats":
                formatsLine = (entry.keyLine, entry.keyColumn)
                let items = list(entry.value, keyPath)
                var parsed: [OutputFormat] = []
                for (offset, item) in items.enumerated() {
                    guard let text = item.text, let format = OutputFormat(fileExtension: text) else {
                        error("expected png, svg or pdf", item.line, item.column, "\(keyPath)[\(offset)]")
                        continue
                    }
                    if !parsed.contains(format) { parsed.append(format) }
                }
                if !items.isEmpty, !parsed.isEmpty { formats = parsed }
            case "languages":
                for (offset, item) in list(entry.value, keyPath).enumerated() {
                    guard let text = item.text, LanguageTag.isValid(text) else {
                        error("expected a BCP 47 language tag such as en, fr or es-419", item.line, item.column, "\(keyPath)[\(offset)]")
                        continue
                    }
                    if languages.contains(text) {
                        error("\(text) is listed twice", item.line, item.column, "\(keyPath)[\(offset)]")
                    }
                    languages.append(text)
                }
            case "charts":
                guard let text = scalar(entry.value, keyPath) else { continue }
                guard let form = ChartForm(rawValue: text) else {
                    error("expected native or picture", entry.value.line, entry.value.column, keyPath)
                    continue
                }
                charts = form
            case "template":
                guard let text = scalar(entry.value, keyPath) else { continue }
                let file = text.hasPrefix("/") ? URL(fileURLWithPath: text) : directory.appendingPathComponent(text)
                template = file.standardizedFileURL.path
            case "changes_page":
                guard case .scalar(let text, false) = entry.value.value, ["true", "false"].contains(text) else {
                    error("expected true or false", entry.value.line, entry.value.column, keyPath)
                    continue
                }
                changesPage = text == "true"
            case "scales", "scale":
                let items = entry.key == "scale" ? list(entry.value, keyPath).prefix(1).map { $0 } : list(entry.value, keyPath)
                var parsed: [Double] = []
                for item in items {
                    guard let text = item.text, !item.quoted, let value = Double(text), value > 0, value <= 4 else {
                        error("expected a number above 0 and at most 4", item.line, item.column, keyPath)
                        continue
                    }
                    parsed.append(value)
                }
                if !parsed.isEmpty { scales = parsed }
            default:
                unknownKey(entry, known: Self.targetKeys, path: path)
            }
        }
        guard let kind, let kindNode else {
            error("a target needs one of briefing:, countries:, charts: or deck: naming its source", node.line, node.column, path)
            return []
        }
        if scales != nil, kind == .briefing || kind == .countries {
            error("\(kind.rawValue) targets take no scale", node.line, node.column, path)
        }
        if let (line, column) = formatsLine, kind != .charts {
            error("formats is for chart sets", line, column, path + ".formats")
        }
        if template != nil, kind != .deck {
            error("template is for decks", node.line, node.column, path + ".template")
        }
        if changesPage != nil, kind != .briefing {
            error("changes_page is for briefings", node.line, node.column, path + ".changes_page")
        }
        if kind == .deck, let given = scales, given.count != 1 || !(1...4).contains(given[0]) {
            error("a deck takes one scale from 1 to 4", node.line, node.column, path + ".scale")
        }
        let names = sourceNames(kindNode, path: path + "." + kind.rawValue, sources: sources)
        let pattern = output?.0 ?? kind.defaultOutput
        let outputNode = output?.1 ?? node
        if names.count > 1, !pattern.contains("{name}") {
            error("this target makes one output per source (\(names.count) sources), so output needs {name}",
                  outputNode.line, outputNode.column, path + ".output")
            return []
        }
        if languages.count > 1, !pattern.contains("{lang}") {
            error("this target makes one output per language (\(languages.joined(separator: ", "))), so output needs {lang}",
                  node.line, node.column, path + ".output")
            return []
        }
        if languages.isEmpty, pattern.contains("{lang}") {
            error("output uses {lang} but the target lists no languages:", outputNode.line, outputNode.column, path + ".output")
            return []
        }
        guard errors.count == errorsBefore else { return [] }
        let styleName = style ?? kind.defaultStyle
        var targets: [Project.Target] = []
        for name in names {
            for language in languages.isEmpty ? [nil] : languages.map(Optional.some) {
                guard let expanded = expand(pattern, name: name, style: styleName, language: language, at: outputNode,
                                            path: path + ".output"),
                      let normalized = normalize(expanded, at: outputNode, path: path + ".output") else { return [] }
                if let problem = Self.extensionProblem(kind: kind, output: normalized) {
                    error(problem, outputNode.line, outputNode.column, path + ".output")
                    return []
                }
                var target = Project.Target(kind: kind, source: name, style: styleName, output: normalized,
                                            formats: kind == .charts ? formats : [],
                                            scales: kind == .charts ? (scales ?? [1, 2]) : kind == .deck ? (scales ?? [2]) : [],
                                            changesPage: changesPage ?? false, line: node.line, column: node.column)
                target.language = language
                target.charts = charts ?? .native
                target.template = template
                targets.append(target)
            }
        }
        return targets
    }

    /// `briefing: outcome4`, `briefing: [a, b]` or `briefing: "*"` (every source).
    mutating func sourceNames(_ node: YAMLTree, path: String, sources: [Project.Source]) -> [String] {
        let items: [YAMLTree]
        if case .sequence(let list) = node.value { items = list } else { items = [node] }
        var names: [String] = []
        for item in items {
            guard case .scalar(let text, _) = item.value, !text.isEmpty else {
                error("expected a source name, a list of them, or \"*\" for every source", item.line, item.column, path)
                continue
            }
            if text == "*" {
                names += sources.map(\.name)
                continue
            }
            let members = sources.filter { $0.group == text }.map(\.name)
            if !members.isEmpty || groupNames.contains(text) {
                names += members
                continue
            }
            guard sources.contains(where: { $0.name == text }) else {
                let hint = Suggestion.closest(to: text, among: sources.map(\.name)).map { "; did you mean \"\($0)\"?" }
                    ?? "; the sources are " + (sources.isEmpty ? "(none)" : sources.map(\.name).joined(separator: ", "))
                error("no source \"\(text)\" in sources:" + hint, item.line, item.column, path)
                continue
            }
            names.append(text)
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    mutating func expand(_ pattern: String, name: String, style: String, language: String?, at node: YAMLTree,
                         path: String) -> String? {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                error("unclosed \"{\" in output; the placeholders are {name}, {style} and {lang}", node.line, node.column, path)
                return nil
            }
            let key = rest[rest.index(after: open)..<close]
            switch key {
            case "name": result += name
            case "lang": result += language ?? ""
            case "style": result += style.hasSuffix(".yaml") || style.contains("/")
                ? ((style as NSString).lastPathComponent as NSString).deletingPathExtension : style
            default:
                error("unknown placeholder {\(key)} in output; the placeholders are {name}, {style} and {lang}", node.line, node.column, path)
                return nil
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// A project-relative path without `.`, `..` or a trailing slash; nil (with an error) for one
    /// that is empty, absolute outside the project, or climbs out of it.
    mutating func normalize(_ text: String, at node: YAMLTree, path: String) -> String? {
        var candidate = text
        if candidate.hasPrefix("/") {
            let root = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
            guard candidate.hasPrefix(root) else {
                error("\(text) is outside the project folder; outputs stay inside it", node.line, node.column, path)
                return nil
            }
            candidate = String(candidate.dropFirst(root.count))
        }
        var parts: [String] = []
        for part in candidate.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else {
                    error("\(text) is outside the project folder; outputs stay inside it", node.line, node.column, path)
                    return nil
                }
                parts.removeLast()
                continue
            }
            if part.hasPrefix(".") {
                error("\(text): names starting with \".\" are kept for Folio's temporary and state files", node.line, node.column, path)
                return nil
            }
            parts.append(String(part))
        }
        guard !parts.isEmpty else {
            error("\(text) names the project folder itself; give a file or folder inside it", node.line, node.column, path)
            return nil
        }
        return parts.joined(separator: "/")
    }

    static func extensionProblem(kind: Project.Kind, output: String) -> String? {
        let ext = (output as NSString).pathExtension.lowercased()
        switch kind {
        case .briefing: return ext == "pdf" ? nil : "a briefing is a .pdf file; output is \(output)"
        case .deck: return ext == "pptx" ? nil : "a deck is a .pptx file; output is \(output)"
        case .countries, .charts:
            return ["pdf", "png", "svg", "pptx", "json"].contains(ext) ? "\(kind.rawValue) makes a folder; output \(output) looks like a file" : nil
        }
    }

    /// Refuses two targets writing the same file, a folder target holding another's output, and
    /// outputs over the build file, a source or Folio's own state files.
    mutating func checkOutputs(_ targets: [Project.Target], sources: [Project.Source], stateFolder: String) {
        let reserved = [Project.fileName] + BuildState.reservedNames.map { stateFolder + "/" + $0 }
        var byOutput: [String: Project.Target] = [:]
        let root = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        let sourcePaths = Dictionary(sources.map { ($0.url.path, $0.name) }, uniquingKeysWith: { first, _ in first })
        for target in targets {
            let path = "targets (line \(target.line))"
            if let other = byOutput[target.output] {
                error("two targets write \(target.output): the \(other.kind.rawValue) of \(other.source) (line \(other.line)) "
                      + "and the \(target.kind.rawValue) of \(target.source)", target.line, target.column, path)
                continue
            }
            byOutput[target.output] = target
            if reserved.contains(target.output) || target.output == stateFolder {
                error("\(target.output) is Folio's own file; choose another output", target.line, target.column, path)
            }
            // Outputs are normalized already, so plain concatenation gives the standardized path.
            if let source = sourcePaths[root + target.output] {
                error("\(target.output) is the source \(source); an output must not overwrite data", target.line, target.column, path)
            }
        }
        let folders = targets.filter(\.kind.makesFolder)
        for folder in folders {
            for other in targets where other.output != folder.output && other.output.hasPrefix(folder.output + "/") {
                error("\(other.output) is inside \(folder.output), the folder of the \(folder.kind.rawValue) of \(folder.source) (line \(folder.line))",
                      other.line, other.column, "targets (line \(other.line))")
            }
        }
    }

    // MARK: Helpers

    mutating func scalar(_ node: YAMLTree, _ path: String) -> String? {
        guard case .scalar(let text, _) = node.value else {
            error("expected text", node.line, node.column, path)
            return nil
        }
        return text
    }

    mutating func list(_ node: YAMLTree, _ path: String) -> [ListItem] {
        switch node.value {
        case .sequence(let items):
            return items.map { item in
                if case .scalar(let text, let quoted) = item.value { return ListItem(text: text, quoted: quoted, line: item.line, column: item.column) }
                return ListItem(text: nil, quoted: false, line: item.line, column: item.column)
            }
        case .scalar(let text, let quoted):
            // "png, svg" reads as well as [png, svg].
            return text.split(separator: ",").map {
                ListItem(text: $0.trimmingCharacters(in: .whitespaces), quoted: quoted, line: node.line, column: node.column)
            }
        case .mapping:
            error("expected a list", node.line, node.column, path)
            return []
        }
    }

    mutating func unknownKey(_ entry: YAMLTree.Entry, known: [String], path: String) {
        let hint = Suggestion.closest(to: entry.key, among: known).map { "; did you mean \"\($0)\"?" }
            ?? "; known keys: " + known.joined(separator: ", ")
        error("unknown key \"\(entry.key)\"" + hint, entry.keyLine, entry.keyColumn, path.isEmpty ? entry.key : path + "." + entry.key)
    }

    mutating func error(_ message: String, _ line: Int, _ column: Int, _ path: String) {
        errors.append(Diagnostic(severity: .error, file: file, line: line, column: column, path: path, message: message))
    }
}

/// One item of a list value: its text (nil when it is not a scalar) and where it is.
struct ListItem {
    var text: String?
    var quoted: Bool
    var line: Int
    var column: Int
}
