import CCairo
import FolioLanguage
import FolioLayout
import FolioModel
import Foundation

/// The style sheets a user can name: `Styles/*.yaml` beside the fonts, or any file given by path.
public struct StyleLibrary: Sendable {
    public let directory: URL?
    /// Families of the bundled fonts, for the "font not in Assets/fonts" check.
    public let families: Set<String>

    public init(directory: URL? = StyleLibrary.bundledDirectory(), fonts: FontLibrary? = nil) {
        self.directory = directory
        families = fonts?.bundledFamilies ?? []
    }

    /// `Styles/` found like `Assets/fonts`: FOLIO_STYLES, else beside or above the executable, else above the working folder.
    public static func bundledDirectory() -> URL? {
        if let path = ProcessInfo.processInfo.environment["FOLIO_STYLES"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return FontLibrary.search(for: "Styles/default.yaml")?.deletingLastPathComponent()
    }

    /// The names of the shipped styles, sorted, with their one-line descriptions.
    public func list() -> [(name: String, summary: String)] {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted().compactMap { name in
            guard let loaded = try? load(name) else { return (name, "(invalid: run with --style \(name) to see why)") }
            return (name, loaded.style.summary)
        }
    }

    /// A style by name (`slides`) or path (`my/brand.yaml`).
    public func load(_ nameOrPath: String) throws -> StyleSheet.Loaded {
        guard let url = resolve(nameOrPath) else {
            let names = list().map(\.name)
            throw StyleSheet.Failure(diagnostics: [Diagnostic(severity: .error, file: nameOrPath, line: 1, column: 1, path: "",
                message: "no such style; the styles are " + (names.isEmpty ? "(none found)" : names.joined(separator: ", ")))])
        }
        var loaded = try StyleSheet.load(url, resolve: { self.resolve($0) }, availableFamilies: families.isEmpty ? nil : families)
        if let logo = loaded.style.logo { loaded.style.logo = try Self.measured(logo) }
        return loaded
    }

    /// The logo decoded once, as the painter will: a corrupt PNG, an SVG librsvg cannot read or
    /// draw, or one without a size is an error at the sheet's `logo` key, before anything is drawn.
    /// Its natural size, which the layout needs for the logo's proportions, is measured here.
    static func measured(_ logo: Logo) throws -> Logo {
        var logo = logo
        do {
            let decoded = try DecodedImage(logo.image)
            try decoded.checkDrawable()
            logo.image.naturalSize = decoded.naturalSize
        } catch {
            throw StyleSheet.Failure(diagnostics: [Diagnostic(severity: .error, file: logo.source.sheet, line: logo.source.line,
                                                              column: logo.source.column, path: logo.source.path,
                                                              message: "\(logo.file): \(error.message)")])
        }
        return logo
    }

    /// Names are looked up in the library only; anything with a slash or a .yaml/.yml ending is a path.
    public func resolve(_ nameOrPath: String) -> URL? {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        let url = isPath ? URL(fileURLWithPath: nameOrPath)
                         : directory?.appendingPathComponent(nameOrPath + ".yaml")
        guard let url, !nameOrPath.isEmpty, FileManager.default.fileExists(atPath: url.path) else { return nil }
        if !isPath && (nameOrPath.contains("..") || nameOrPath.hasPrefix(".")) { return nil }
        return url
    }
}

extension FontLibrary {
    /// Families of the fonts loaded from the bundle folder (not the system's).
    public var bundledFamilies: Set<String> {
        guard let set = FcConfigGetFonts(config, FcSetSystem) else { return [] }
        let folder = directory.path + "/"
        var families = Set<String>()
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[index] else { continue }
            var file: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file,
                  String(cString: file).hasPrefix(folder) else { continue }
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(pattern, FC_FAMILY, 0, &value) == FcResultMatch, let value {
                families.insert(String(cString: value))
            }
        }
        return families
    }

    static func search(for relativePath: String) -> URL? {
        BundledAssets.search(for: relativePath)
    }
}
