import FolioModel
import FolioRender
import FolioSlides
import Foundation

/// A project folder: its build file `folio.yaml`, the data sources it names and every output to make.
///
/// Loading checks everything that can be checked without reading the data, so a typo in the build
/// file stops the build before any output is touched: unknown keys, unknown sources, outputs that
/// leave the project folder, two targets writing the same file.
public struct Project: Sendable {
    public static let fileName = "folio.yaml"

    /// Absolute and standardized.
    public var directory: URL
    public var sources: [Source]
    /// Every (target, source) pair, in build-file order.
    public var targets: [Target]
    /// Folder (relative to `directory`) of the state file, the snapshots and `changes.md`.
    public var stateFolder: String
    /// The date written into PDFs when a setting fixes it (`DocumentDate.fixed`): folio.yaml's `date:`,
    /// else SOURCE_DATE_EPOCH; nil: each data file's modification time.
    public var date: Date?
    /// Folders whose files are sources by pattern (`reports: data/*.yaml`): a file added there is a new source.
    public var sourceFolders: [URL] = []
    /// The project's own catalogues (`catalogues: words/`), laid over the bundled ones: a new
    /// language, or the organisation's own terms, without code.
    public var catalogueFolder: URL?

    /// A data file or CSV folder, under the name targets use for it.
    public struct Source: Sendable, Equatable {
        public var name: String
        /// As written in folio.yaml: messages name the file the way the user did.
        public var path: String
        public var url: URL
        public var line: Int
        public var column: Int
        /// The pattern's name in folio.yaml for a source found by a pattern; targets may name either.
        public var group: String? = nil
    }

    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The briefing PDF of the whole report.
        case briefing
        /// A folder of one short PDF per country.
        case countries
        /// A folder of every chart (PNG/SVG/PDF) with `charts.json`.
        case charts
        /// A PowerPoint deck of the charts.
        case deck

        /// Where the output goes when the build file does not say.
        var defaultOutput: String {
            switch self {
            case .briefing: return "Output/{name}.pdf"
            case .countries: return "Output/{name}-countries/"
            case .charts: return "Output/{name}-charts/"
            case .deck: return "Output/{name}.pptx"
            }
        }

        var defaultStyle: String { self == .deck ? "slides" : "default" }
        /// Whether the output is a folder of files rather than one file.
        public var makesFolder: Bool { self == .countries || self == .charts }
    }

    /// One output to make from one source.
    public struct Target: Sendable, Equatable {
        public var kind: Kind
        public var source: String
        /// Style name (from Styles/) or path, relative paths taken from the project folder.
        public var style: String
        /// Relative to the project folder, normalized, without a trailing slash; also the target's id.
        public var output: String
        /// Charts only.
        public var formats: [OutputFormat]
        /// Charts: PNG scales; deck: one scale.
        public var scales: [Double]
        /// Briefings: add a "Changes in this version" page listing what changed since the last build.
        public var changesPage: Bool = false
        /// The edition's language (one of the target's `languages:`); nil: the data's own.
        public var language: String? = nil
        /// Decks: native charts (the default) or pictures.
        public var charts: ChartForm = .native
        /// Decks: the organisation's .pptx/.potx to build on, absolute; nil: the style sheet's, else Folio's own.
        public var template: String? = nil
        /// Where in folio.yaml the target is written.
        public var line: Int
        public var column: Int

        public var id: String { output }
    }

    /// Reads `folio.yaml` in `directory`; `environment` gives SOURCE_DATE_EPOCH.
    public static func load(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Project {
        let folder = directory.standardizedFileURL
        let file = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw BuildFileError(missing: true, diagnostics: [Diagnostic(
                severity: .error, file: file.path, line: 1, column: 1, path: "",
                message: "no build file; `folio init` writes an example")])
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw BuildFileError(missing: true, diagnostics: [Diagnostic(
                severity: .error, file: file.path, line: 1, column: 1, path: "", message: "cannot read: \(error.localizedDescription)")])
        }
        return try parse(data, directory: folder, environment: environment)
    }

    /// Reads build-file text; `directory` is where its relative paths start. Throws `BuildFileError`,
    /// or `DateSettingError` for an invalid SOURCE_DATE_EPOCH.
    public static func parse(_ data: Data, directory: URL, fileName: String = Project.fileName,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Project {
        var reader = BuildFileReader(file: fileName, directory: directory.standardizedFileURL)
        guard var project = reader.read(data), reader.errors.isEmpty else {
            throw BuildFileError(missing: false, diagnostics: reader.errors)
        }
        project.date = try DocumentDate(explicit: project.date, environment: environment).fixed
        return project
    }

    public func source(named name: String) -> Source? { sources.first { $0.name == name } }

    /// Whether a project-relative path names something a build writes for readers: a briefing or
    /// deck, a file inside a countries or charts folder, or the change report. For serving outputs
    /// (the service's `GET /v1/outputs/...`) without letting a request reach data, state or
    /// anything outside the project: `..`, absolute paths and hidden names are never outputs.
    public func isOutput(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\u{0}") }) else { return false }
        if BuildState.reservedNames.map({ stateFolder + "/" + $0 }).contains(relative) { return true }
        return targets.contains { target in
            target.kind.makesFolder
                ? parts.count == target.output.split(separator: "/").count + 1 && relative.hasPrefix(target.output + "/")
                : relative == target.output
        }
    }

    /// The absolute location of a project-relative path.
    public func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    /// The absolute path of a project-relative path, without building a URL (the fresh check stats
    /// thousands of outputs).
    public func path(_ relative: String) -> String {
        directory.path.hasSuffix("/") ? directory.path + relative : directory.path + "/" + relative
    }
}

/// A build file that cannot be used: every problem with its line, column and key.
public struct BuildFileError: Error, CustomStringConvertible, Sendable {
    /// The file is absent or unreadable (sysexits 66) rather than invalid (65).
    public var missing: Bool
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
