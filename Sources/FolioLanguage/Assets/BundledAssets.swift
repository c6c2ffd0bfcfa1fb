import Foundation

/// Finds the files Folio ships beside its executable: `Assets/fonts`, `Assets/catalogues`, `Styles/`.
///
/// A clone runs from its own tree and an installed copy keeps the same layout beside the binary,
/// so one upward search serves both; `FOLIO_ASSETS` (the `Assets` folder) overrides it.
public enum BundledAssets {
    /// `Assets/<name>` (a folder or file), or nil when no bundle is found.
    public static func path(_ name: String) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let assets = environment["FOLIO_ASSETS"], !assets.isEmpty {
            return URL(fileURLWithPath: assets, isDirectory: true).appendingPathComponent(name)
        }
        if let fonts = environment["FOLIO_FONTS"], !fonts.isEmpty {
            let beside = URL(fileURLWithPath: fonts, isDirectory: true).deletingLastPathComponent().appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: beside.path) { return beside }
        }
        return search(for: "Assets/" + name)
    }

    /// Searches upward from the executable and the working folder for a file inside the repository layout.
    public static func search(for relativePath: String) -> URL? {
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            starts.insert(executable.deletingLastPathComponent(), at: 0)
        }
        for start in starts {
            var folder = start
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent(relativePath)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }
}
