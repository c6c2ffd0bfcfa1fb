import FolioModel
import Foundation

/// Reads style sheets: YAML files in `Styles/` that set everything visual.
///
/// A sheet may `extends:` another (by name) and override parts; a sheet without `extends` starts
/// from `Style.standard`. Every key is checked: an unknown key, a bad colour or a wrong type is an
/// error naming the file, line and key, so a typo never silently leaves the old value in place.
public enum StyleSheet {
    /// A loaded style and what was said about it.
    public struct Loaded: Sendable {
        public var style: Style
        /// Warnings (e.g. a font the bundle lacks, replaced).
        public var warnings: [Diagnostic]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var diagnostics: [Diagnostic]
        public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// Loads the sheet at `url`, following `extends:` through `resolve`, which maps a style name to its file.
    /// - Parameter availableFamilies: font families the bundle has; a sheet naming another falls back
    ///   to the first of them with a warning.
    public static func load(_ url: URL, resolve: (String) -> URL?, availableFamilies: Set<String>? = nil,
                            options: LoadOptions = LoadOptions(maxBytes: 1 << 20, maxNodes: 10_000)) throws -> Loaded {
        var chain: [URL] = []
        var warnings: [Diagnostic] = []
        var family: (file: String, line: Int, column: Int)?
        var style = try load(url, resolve: resolve, chain: &chain, family: &family, options: options)
        style.name = url.deletingPathExtension().lastPathComponent
        if let families = availableFamilies, !families.contains(style.fontFamily), let fallback = families.sorted().first {
            let position = family ?? (url.lastPathComponent, 1, 1)
            warnings.append(Diagnostic(severity: .warning, file: position.file, line: position.line, column: position.column,
                                       path: "fonts.family", message: "font \"\(style.fontFamily)\" is not in Assets/fonts; using \"\(fallback)\""))
            style.fontFamily = families.contains(Style.standard.fontFamily) ? Style.standard.fontFamily : fallback
        }
        return Loaded(style: style, warnings: warnings)
    }

    /// - Parameter family: where the font family was last set along the `extends` chain, for the warning.
    private static func load(_ url: URL, resolve: (String) -> URL?, chain: inout [URL],
                             family: inout (file: String, line: Int, column: Int)?, options: LoadOptions) throws -> Style {
        let name = url.lastPathComponent
        func fail(_ message: String, _ line: Int = 1, _ column: Int = 1, path: String = "") -> Failure {
            Failure(diagnostics: [Diagnostic(severity: .error, file: name, line: line, column: column, path: path, message: message)])
        }
        guard !chain.contains(url), chain.count < 8 else {
            throw fail("style extends itself through " + chain.map { $0.lastPathComponent }.joined(separator: " → "))
        }
        chain.append(url)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw fail("cannot read the style sheet: \(error.localizedDescription)") }
        let parsed = YAMLTree.parse(data: data, fileName: name, options: options)
        if !parsed.diagnostics.isEmpty { throw Failure(diagnostics: parsed.diagnostics) }
        guard let tree = parsed.tree, case .mapping(let entries) = tree.value else {
            throw fail("expected a mapping of style settings", parsed.tree?.line ?? 1, parsed.tree?.column ?? 1)
        }
        var style = Style.standard
        if let parent = entries.first(where: { $0.key == "extends" }) {
            guard case .scalar(let parentName, _) = parent.value.value, let parentURL = resolve(parentName) else {
                throw fail("extends names no style; the styles are " + StyleSheet.knownNames(resolve).joined(separator: ", "),
                           parent.value.line, parent.value.column, path: "extends")
            }
            style = try load(parentURL, resolve: resolve, chain: &chain, family: &family, options: options)
        }
        var reader = StyleReader(file: name, directory: url.deletingLastPathComponent(), style: style)
        reader.apply(entries, path: "")
        if !reader.errors.isEmpty { throw Failure(diagnostics: reader.errors) }
        if let position = reader.familyPosition { family = (name, position.0, position.1) }
        return reader.style
    }

    static func knownNames(_ resolve: (String) -> URL?) -> [String] {
        ["default", "letter", "print-mono", "slides"].filter { resolve($0) != nil }
    }
}
