import Foundation

extension ReportLoader {
    /// The files a CSV folder is made of (names compared ignoring case): `indicators.csv` (required),
    /// `countries.csv`, and the report fields in `report.yaml`, `report.yml` or `report.json`.
    public static let csvFolderFiles = ["indicators.csv", "countries.csv", "report.yaml", "report.yml", "report.json"]

    /// Checks a CSV folder: reads its files (each at most `options.maxBytes`) and validates them as
    /// `checkCSV(files:)` does, the folder's name standing in for a missing report.yaml's title.
    /// Diagnostics name the files without the folder (`indicators.csv:4:6: ...`).
    public static func checkCSV(folder: URL, options: LoadOptions = LoadOptions()) -> CheckResult {
        let files: [String: Data]
        do {
            files = try readCSVFolder(folder, maxBytes: options.maxBytes)
        } catch {
            return CheckResult(report: nil, diagnostics: [
                Diagnostic(severity: .error, file: folder.lastPathComponent, line: 1, column: 1, path: "", message: "\(error)"),
            ])
        }
        return checkCSV(files: files, defaultTitle: folder.standardizedFileURL.lastPathComponent, options: options)
    }

    /// Checks CSV data given as file name → contents (the HTTP service's uploads).
    ///
    /// Never traps and never runs unbounded: every problem comes back as a diagnostic. In CSV files
    /// a diagnostic's line is the physical line where the record starts, its column the 1-based
    /// field number, and its path the column's name; in report.yaml they are as for a YAML file.
    /// - Parameter defaultTitle: the title when there is no report file at all (with a warning);
    ///   without it, a missing report file is a missing title.
    public static func checkCSV(files: [String: Data], defaultTitle: String? = nil,
                                options: LoadOptions = LoadOptions()) -> CheckResult {
        // report.yaml is parsed by Yams, and validation recurses as deep as it nests.
        LargeStack.run {
            CSVReportBuilder(options: options).check(files: files, defaultTitle: defaultTitle)
        }
    }

    /// Reads the files of a CSV folder that `checkCSV(files:)` uses, each up to `maxBytes + 1` bytes
    /// (so an oversized file is reported, not read whole). Other `.csv`, `.yaml`, `.yml` and `.json`
    /// files come back empty, only so that checking can warn about them; everything else is skipped.
    public static func readCSVFolder(_ folder: URL, maxBytes: Int) throws -> [String: Data] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw CSVFolderError("cannot open \(folder.path): no such folder")
        }
        guard isDirectory.boolValue else { throw CSVFolderError("cannot open \(folder.path): it is not a folder") }
        let names: [String]
        do { names = try manager.contentsOfDirectory(atPath: folder.path) } catch {
            throw CSVFolderError("cannot list \(folder.path): \(error.localizedDescription)")
        }
        var files: [String: Data] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if csvFolderFiles.contains(name.lowercased()) {
                guard let handle = FileHandle(forReadingAtPath: url.path) else {
                    throw CSVFolderError("cannot open \(url.path): permission denied")
                }
                defer { try? handle.close() }
                do { files[name] = try handle.read(upToCount: maxBytes + 1) ?? Data() } catch {
                    throw CSVFolderError("cannot read \(url.path): \(error.localizedDescription)")
                }
            } else if ["csv", "tsv", "yaml", "yml", "json"].contains(url.pathExtension.lowercased()) {
                files[name] = Data()
            }
        }
        return files
    }
}

/// A CSV folder that could not be read (missing, not a folder, unreadable file).
public struct CSVFolderError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
