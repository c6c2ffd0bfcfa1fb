import FolioModel
import FolioRender
import Foundation
import XCTest

/// Paths, the sample report and external tools (poppler, qpdf, the folio binary) for the render tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = packageRoot.appendingPathComponent("Assets/samples/outcome4.yaml")
    static let references = packageRoot.appendingPathComponent("Tests/FolioRenderTests/References")
    static let failures = packageRoot.appendingPathComponent("Tests/FolioRenderTests/Failures")
    static let folio = packageRoot.appendingPathComponent(".build/debug/folio")

    static func loadSample() throws -> Report {
        let result = ReportLoader.check(data: try Data(contentsOf: sample), fileName: "outcome4.yaml", format: .yaml)
        guard let report = result.report else {
            throw NSError(domain: "sample", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(result.diagnostics)"])
        }
        return report
    }

    /// One renderer for the whole test process: fontconfig set-up is paid once.
    nonisolated(unsafe) static let renderer: Renderer = try! Renderer()

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func qpdfObjects(_ pdf: URL) throws -> [String: Any] {
        let run = try TestSupport.run("qpdf", ["--json=2", "--json-key=qpdf", pdf.path])
        guard run.status == 0 else { throw NSError(domain: "qpdf", code: Int(run.status), userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let objects = (json?["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        return objects.mapValues { ($0 as? [String: Any])?["value"] as Any }
    }

    /// The catalog's /Lang and every /Figure's /Alt in depth-first order of the structure tree,
    /// found by qpdf's reading, independently of the code under test. Text strings come as "u:…".
    static func languageAndFigureAlternatives(_ pdf: URL) throws -> (language: String?, alternatives: [String?]) {
        let objects = try qpdfObjects(pdf)
        func object(_ reference: Any?) -> [String: Any] {
            (reference as? String).flatMap { objects["obj:\($0)"] as? [String: Any] } ?? [:]
        }
        func text(_ value: Any?) -> String? {
            (value as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : "not a text string: \($0)" }
        }
        let trailer = objects["trailer"] as? [String: Any] ?? [:]
        let catalog = object(trailer["/Root"])
        var alternatives: [String?] = []
        func visit(_ kids: Any?) {
            let list = kids as? [Any] ?? (kids.map { [$0] } ?? [])
            for case let reference as String in list where reference.hasSuffix(" R") {
                let element = object(reference)
                if element["/S"] as? String == "/Figure" { alternatives.append(text(element["/Alt"])) }
                visit(element["/K"])
            }
        }
        visit(object(catalog["/StructTreeRoot"])["/K"])
        return (text(catalog["/Lang"]), alternatives)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program (found on PATH unless the path is absolute) and collects its output.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], stdin: Data? = nil, in folder: URL? = nil,
                    environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// pdfinfo's fields, values trimmed.
    static func pdfInfo(_ pdf: URL) throws -> [String: String] {
        let run = try run("pdfinfo", ["-isodates", pdf.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        var fields: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// Text of a PDF in content order, whitespace collapsed, so words broken over lines in a cell join again.
    static func pdfText(_ pdf: URL) throws -> String {
        let run = try run("pdftotext", ["-raw", pdf.path, "-"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Runs the built `folio` binary in a fresh temporary folder per test, as a user would.
class FolioCommandTestCase: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: TestSupport.folio.path) else {
            XCTFail("build the folio binary first (swift build --product folio)")
            throw XCTSkip("no folio binary")
        }
        folder = try TestSupport.temporaryFolder()
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    @discardableResult
    func folio(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> TestSupport.Run {
        try TestSupport.run(TestSupport.folio.path, arguments, stdin: stdin, in: folder, environment: environment)
    }
}
