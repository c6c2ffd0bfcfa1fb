import Foundation
import XCTest

/// `folio convert`, and CSV folders as DATA for the other commands, as a user runs them.
final class ConvertCommandTests: FolioCommandTestCase {
    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    func testSampleThroughCSVYAMLAndJSONChecksTheSame() throws {
        let sample = TestSupport.sample.path
        let reference = try folio(["check", sample, "--strict"])
        XCTAssertEqual(reference.status, 0, reference.stderr)
        let summary = reference.stdout.split(separator: "\n").dropFirst().joined(separator: "\n")

        let toCSV = try folio(["convert", sample, "-o", "csv"])
        XCTAssertEqual(toCSV.status, 0, toCSV.stderr)
        XCTAssertEqual(toCSV.stdout, "wrote csv/ (indicators.csv, countries.csv, report.yaml)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("csv")).sorted(),
                       ["countries.csv", "indicators.csv", "report.yaml"])
        let steps: [(String, [String])] = [
            ("csv", ["convert", "csv", "-o", "back.yaml"]),
            ("back.yaml", ["convert", "back.yaml", "-o", "back.json"]),
            ("back.json", ["convert", "back.json", "-o", "again"]),
        ]
        for (data, arguments) in steps {
            let check = try folio(["check", data, "--strict"])
            XCTAssertEqual(check.status, 0, check.stderr)
            XCTAssertTrue(check.stdout.hasPrefix("\(data): 1 outcome, 3 indicators, 53 entries (2 territories)\n"), check.stdout)
            XCTAssertEqual(check.stdout.split(separator: "\n").dropFirst().joined(separator: "\n"), summary)
            let run = try folio(arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        for name in ["indicators.csv", "countries.csv", "report.yaml"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("csv/" + name)),
                           try Data(contentsOf: folder.appendingPathComponent("again/" + name)), name)
        }
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("back.yaml"), encoding: .utf8).contains("\n      - id: \"4.1\"\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: path("csv")).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    func testCSVFolderAsDataForOtherCommands() throws {
        XCTAssertEqual(try folio(["convert", TestSupport.sample.path, "-o", "outcome4"]).status, 0)
        let chart = try folio(["chart", "outcome4", "--kind", "regions", "-o", "r.svg"])
        XCTAssertEqual(chart.status, 0, chart.stderr)
        let render = try folio(["render", "outcome4/", "-o", "b.pdf"], environment: ["SOURCE_DATE_EPOCH": "1456790400"])
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("b.pdf")).contains("Occupied Palestinian Territory"))
        // Without -o, the folder's name names the output.
        let named = try folio(["chart", "outcome4", "--kind", "targets"])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("Output/outcome4-4-targets.png")), named.stdout)
        let inFolder = try TestSupport.run(TestSupport.folio.path, ["check", "."], in: folder.appendingPathComponent("outcome4"))
        XCTAssertEqual(inFolder.status, 0, inFolder.stderr)
        XCTAssertTrue(inFolder.stdout.hasPrefix("outcome4: 1 outcome"), inFolder.stdout)
        let explicit = try folio(["check", "outcome4", "--input-format", "csv"])
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
    }

    func testInvalidCSVExits65WithFileLineAndColumn() throws {
        XCTAssertEqual(try folio(["convert", TestSupport.sample.path, "-o", "bad"]).status, 0)
        let indicators = folder.appendingPathComponent("bad/indicators.csv")
        var text = try String(contentsOf: indicators, encoding: .utf8)
        text = text.replacingOccurrences(of: "member States,10,11", with: "member States,ten,11")
        try text.write(to: indicators, atomically: true, encoding: .utf8)
        let countries = folder.appendingPathComponent("bad/countries.csv")
        try (try String(contentsOf: countries, encoding: .utf8) + "4.1,Afrika,Ghana,\n").write(to: countries, atomically: true, encoding: .utf8)
        for arguments in [["check", "bad"], ["render", "bad", "-o", "out.pdf"], ["convert", "bad", "-o", "out.yaml"]] {
            let run = try folio(arguments)
            XCTAssertEqual(run.status, 65, run.stderr)
            XCTAssertTrue(run.stderr.contains("bad/indicators.csv:2:6: target: expected a whole number >= 0, found \"ten\""), run.stderr)
            XCTAssertTrue(run.stderr.contains("bad/countries.csv:55:2: region: unknown region \"Afrika\"; did you mean \"Africa\"?"), run.stderr)
            XCTAssertTrue(run.stderr.contains("folio: bad is not valid: 2 errors"), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.pdf")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.yaml")))
    }

    func testConvertFromStandardInputAndIntoAnExistingFolder() throws {
        let json = #"{"title": "T", "outcomes": [{"id": "1", "title": "O", "indicators": [{"id": "1.10", "description": "D", "target": 2, "result": 1, "countries": {"Africa": ["Ghana"]}}]}]}"#
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("existing.json"), withIntermediateDirectories: false)
        let run = try folio(["convert", "-", "--input-format", "json", "-o", "existing.json"], stdin: Data(json.utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("existing.json/indicators.csv"), encoding: .utf8),
                       "outcome,outcome_title,indicator,description,unit,target,result\n1,O,1.10,D,member States,2,1\n")
        let yaml = try folio(["convert", "existing.json", "-o", "out.yml"])
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("out.yml"), encoding: .utf8).contains("id: \"1.10\""))
    }

    func testBadUse() throws {
        let sample = TestSupport.sample.path
        XCTAssertEqual(try folio(["convert", sample, "-o", "csv"]).status, 0)
        try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("stale"), withIntermediateDirectories: false)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("stale/report.json"))
        let cases: [([String], Int32, String)] = [
            (["convert", sample], 64, "Missing expected argument '--output <output>'"),
            (["convert", sample, "-o", "out.csv"], 64, "CSV data is a folder of files; give a folder name such as out"),
            (["convert", sample, "-o", "no/such/folder"], 73, "does not exist"),
            (["convert", sample, "-o", "file"], 73, "it is a file"),
            (["convert", sample, "-o", "stale"], 73, "already holds report.json"),
            (["convert", sample, "-o", "x.docx"], 64, "cannot write .docx"),
            (["convert", sample, "-o", "q3.backup"], 64, "cannot write .backup"),
            (["convert", sample, "-o", "file/"], 73, "it is a file"),
            (["check", "csv/indicators.csv"], 64, "indicators.csv is one file of a CSV folder; give the folder (csv) instead"),
            (["check", "-", "--input-format", "csv"], 64, "cannot be read from standard input"),
            (["check", sample, "--input-format", "csv"], 64, "--input-format csv reads a folder"),
            (["check", "csv", "--input-format", "yaml"], 66, "it is a folder"),
            (["check", "missing"], 66, "cannot open missing: no such file or folder"),
            (["check", "missing.csv"], 66, "missing.csv"),
        ]
        for (arguments, status, message) in cases {
            let run = try folio(arguments)
            XCTAssertEqual(run.status, status, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("Fatal error") || run.stderr.contains("Stack dump"), run.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("stale")), ["report.json"], "nothing written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("x.docx")), "an unknown output kind makes no folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("q3.backup")))
    }

    /// A folder is asked for with a trailing slash (whatever its name) or a name without extension.
    func testConvertIntoANewFolderByTrailingSlashOrBareName() throws {
        let sample = TestSupport.sample.path
        for output in ["q3.backup/", "plain"] {
            let run = try folio(["convert", sample, "-o", output])
            XCTAssertEqual(run.status, 0, "\(output): \(run.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path(output)).sorted(),
                           ["countries.csv", "indicators.csv", "report.yaml"], output)
        }
    }
}
