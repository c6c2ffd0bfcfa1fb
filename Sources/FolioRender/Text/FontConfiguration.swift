import CCairo
import FolioConcurrency
import FolioLanguage
import Foundation

/// One fontconfig set-up per fonts folder, made once per process and shared by every `FontLibrary`.
///
/// Reading fontconfig's configuration is most of what starting to draw costs (the system's rule
/// files are parsed XML); the font lists themselves come from fontconfig's caches, which it writes
/// on first use and rebuilds when a folder changes. Folio's own configuration
/// (`Assets/fontconfig/fonts.conf`) adds two system fallback families (Chinese and symbols) behind
/// the bundled fonts, and none of the system's rules: output does not depend on what else is
/// installed. Made once, it is also made *current*: Cairo looks fonts up in the current
/// configuration, and would otherwise load the system's a second time.
///
/// Sharing is safe: fontconfig locks its own state, and a configuration is not changed once built.
/// The Pango font maps on top of it are per thread (`FontLibrary`).
final class FontConfiguration: @unchecked Sendable {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) { self.pointer = pointer }

    private static let made = Guarded([String: FontConfiguration]())

    static func shared(for folder: URL) throws -> FontConfiguration {
        try made.withLock { made in
            if let configuration = made[folder.path] { return configuration }
            let configuration = FontConfiguration(pointer: try load(bundled: folder))
            if made.isEmpty { FcConfigSetCurrent(configuration.pointer) }
            made[folder.path] = configuration
            return configuration
        }
    }

    /// The bundled folder first, then Folio's configuration of the system's fallback fonts (the
    /// system's own configuration when Folio's is missing).
    private static func load(bundled folder: URL) throws -> OpaquePointer {
        guard let config = FcConfigCreate() else { throw RenderError.fonts("fontconfig could not create a configuration") }
        let bundled = "<?xml version=\"1.0\"?><fontconfig><dir>\(escaped(folder.path))</dir></fontconfig>"
        var loaded = FcConfigParseAndLoadFromMemory(config, bundled, FcTrue) == FcTrue
        if let own = BundledAssets.path("fontconfig/fonts.conf"), FileManager.default.fileExists(atPath: own.path) {
            loaded = loaded && FcConfigParseAndLoad(config, own.path, FcTrue) == FcTrue
        } else {
            loaded = loaded && FcConfigParseAndLoad(config, nil, FcTrue) == FcTrue
        }
        guard loaded, FcConfigBuildFonts(config) == FcTrue else {
            FcConfigDestroy(config)
            throw RenderError.fonts("fontconfig could not load the fonts in \(folder.path)")
        }
        return config
    }

    private static func escaped(_ path: String) -> String {
        path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
