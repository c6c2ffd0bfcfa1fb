import FolioModel
import Foundation

/// A CSV folder on the wire: `{"folder": "q3", "files": {"indicators.csv": "…", "countries.csv": "…"}}`
/// as `application/vnd.folio.csv+json`.
///
/// Why JSON and not multipart: a browser builds it from the chosen files with `File.text()`, curl
/// sends it from a file, and the bytes are a plain function of the files (the ETag and the cache
/// need that). `folder` stands in for the folder's name, the title when there is no report.yaml.
/// File names are the ones `ReportLoader.csvFolderFiles` knows; others are kept (empty) only so
/// the check can warn about them, as it does for a folder on disk.
struct CSVEnvelope: Decodable {
    var folder: String?
    var files: [String: String]

    /// The files as the CSV checker takes them, or a diagnostic saying why the envelope is unusable.
    enum Unpacked {
        case files([String: Data], folder: String?)
        case unusable(Diagnostic)
    }

    static func unpack(_ bytes: [UInt8]) -> Unpacked {
        func failure(_ message: String) -> Unpacked {
            .unusable(Diagnostic(severity: .error, file: "request", line: 1, column: 1, path: "", message: message))
        }
        let envelope: CSVEnvelope
        do { envelope = try JSONDecoder().decode(CSVEnvelope.self, from: Data(bytes)) } catch {
            return failure("a CSV upload is JSON {\"files\": {\"indicators.csv\": \"...\", \"countries.csv\": \"...\"}}; "
                           + "this body is not")
        }
        var files: [String: Data] = [:]
        for (name, text) in envelope.files {
            guard !name.isEmpty, name.unicodeScalars.count <= 200, !name.contains("/"), !name.contains("\\") else {
                return failure("file names in a CSV upload are plain names such as indicators.csv, found \"\(name.prefix(60))\"")
            }
            let known = ReportLoader.csvFolderFiles.contains(name.lowercased())
            files[name] = known ? Data(text.utf8) : Data()
        }
        guard files.keys.contains(where: { $0.lowercased() == "indicators.csv" }) else {
            return failure("a CSV upload needs indicators.csv (and usually countries.csv); it has "
                           + (files.isEmpty ? "no files" : files.keys.sorted().joined(separator: ", ")))
        }
        return .files(files, folder: envelope.folder.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) })
    }
}
