import Foundation
import XCTest
import FolioModel

/// Reading CSV as spreadsheets and scripts write it, and surviving what they should not write.
final class CSVSyntaxTests: XCTestCase {
    func testValidFolderLoadsToTheSameReportAsYAML() {
        let result = checkCSV(ValidCSV.files)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, ValidCSV.model)
    }

    func testByteOrderMarkIsAccepted() {
        var files = ValidCSV.files.mapValues { Data($0.utf8) }
        for name in files.keys { files[name] = Data([0xEF, 0xBB, 0xBF]) + files[name]! }
        let result = ReportLoader.checkCSV(files: files)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, ValidCSV.model)
    }

    func testSemicolonsAreDetectedFromTheHeader() {
        let files = ValidCSV.with("indicators.csv", """
            outcome;outcome_title;indicator;description;unit;target;result
            4;More people have access to social security;4.1;Number of member States that improve their social security;;10;3

            """).merging(["countries.csv": """
            indicator;region;country;territory
            4.1;Africa;Ethiopia
            4.1;Africa;Niger;no
            4.1;Arab States;Occupied Palestinian Territory;TRUE

            """]) { $1 }
        let result = checkCSV(files)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, ValidCSV.model)
    }

    func testCommasInsideSemicolonFilesAreText() {
        let result = checkCSV(ValidCSV.with("indicators.csv", """
            outcome;outcome_title;indicator;description;target
            4;Social security, for all;4.1;"Quoted; with a semicolon";10

            """))
        XCTAssertEqual(result.report?.outcomes[0].title, "Social security, for all")
        XCTAssertEqual(result.report?.outcomes[0].indicators[0].description, "Quoted; with a semicolon")
    }

    func testQuotedFieldsWithLineBreaksAndDoubledQuotes() throws {
        let result = checkCSV(ValidCSV.with("indicators.csv", #"""
            outcome,outcome_title,indicator,description,unit,target,result
            4,"Social ""security""",4.1,"First line
            second line, with a comma",,10,
            4,,4.2,D,,ten,

            """#))
        // The record after the two-line one starts on line 4: positions are physical lines.
        assertDiagnostics(result, ["indicators.csv:4:6: target: expected a whole number >= 0, found \"ten\""])
        let fixed = checkCSV(ValidCSV.with("indicators.csv", #"""
            outcome,outcome_title,indicator,description,unit,target,result
            4,"Social ""security""",4.1,"First line
            second line, with a comma",,10,

            """#))
        let outcome = try XCTUnwrap(fixed.report?.outcomes.first)
        XCTAssertEqual(outcome.title, "Social \"security\"")
        XCTAssertEqual(outcome.indicators[0].description, "First line\nsecond line, with a comma")
        XCTAssertNil(outcome.indicators[0].result)
    }

    func testCRLFLineEnds() throws {
        let crlf = ValidCSV.files.mapValues { $0.replacingOccurrences(of: "\n", with: "\r\n") }
        let result = checkCSV(crlf)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, ValidCSV.model)

        let broken = crlf.merging(["indicators.csv": "outcome,outcome_title,indicator,description,unit,target,result\r\n"
            + "4,T,4.1,\"two\r\nlines\",,10,\r\n4,T,4.2,D,,x,\r\n"]) { $1 }
        assertDiagnostics(checkCSV(broken), ["indicators.csv:4:6: target: expected a whole number >= 0, found \"x\""])
        // Line breaks inside quoted cells are kept as written.
        let kept = checkCSV(broken.merging(["indicators.csv": "outcome,outcome_title,indicator,description,target\r\n4,T,4.1,\"a\r\nb\",1\r\n"]) { $1 })
        XCTAssertEqual(kept.report?.outcomes[0].indicators[0].description, "a\r\nb")
        // Old Mac line ends (CR alone) count as line ends too.
        let cr = checkCSV(ValidCSV.files.mapValues { $0.replacingOccurrences(of: "\n", with: "\r") })
        XCTAssertEqual(cr.report, ValidCSV.model)
    }

    func testHeaderNamesIgnoreCaseSpacesAndOrder() {
        let result = checkCSV(ValidCSV.with("indicators.csv", """
            Target , RESULT,Indicator,Outcome Title,outcome,Description
            10,3,4.1,More people have access to social security,4,Number of member States that improve their social security

            """))
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, ValidCSV.model)
    }

    func testBlankLinesAndEmptyTrailingFieldsAreSkipped() {
        let result = checkCSV(ValidCSV.with("countries.csv", """

            indicator,region,country,territory,,

            4.1,Africa,Ethiopia,,,
            ,,,
            4.1,Africa,Niger
            4.1,Arab States,Occupied Palestinian Territory,1


            """))
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, ValidCSV.model)
    }

    func testSpacesAroundNumbersAreDropped() {
        let result = checkCSV(ValidCSV.with("indicators.csv", ValidCSV.indicators.replacingOccurrences(of: ",10,3", with: ", 10 ,3 ")))
        XCTAssertEqual(result.report, ValidCSV.model)
    }

    func testTextIsKeptExactly() throws {
        let result = checkCSV(ValidCSV.with("indicators.csv", """
            outcome,outcome_title,indicator,description,unit,target
            4.10,yes,4.10,null,~,0

            """).merging(["countries.csv": "indicator,region,country\n4.10,Africa, Niger \n4.10,Africa,\"\"\"Quoted\"\"\"\n"]) { $1 })
        assertDiagnostics(result, [])
        let outcome = try XCTUnwrap(result.report?.outcomes.first)
        XCTAssertEqual([outcome.id, outcome.title, outcome.indicators[0].id, outcome.indicators[0].description, outcome.indicators[0].unit],
                       ["4.10", "yes", "4.10", "null", "~"])
        XCTAssertEqual(outcome.indicators[0].entries(in: "Africa").map(\.name), [" Niger ", "\"Quoted\""])
    }

    func testOutcomeWithoutIndicatorsAndOptionalColumns() throws {
        let result = checkCSV(ValidCSV.with("indicators.csv", """
            outcome,outcome_title,indicator,description,target
            4,More people have access to social security,4.1,Number of member States that improve their social security,10
            5,An outcome without indicators,,,

            """))
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.outcomes.map(\.id), ["4", "5"])
        XCTAssertEqual(report.outcomes[1].indicators, [])
        XCTAssertEqual(report.outcomes[0].indicators[0].unit, Indicator.defaultUnit)
        XCTAssertNil(report.outcomes[0].indicators[0].result)
    }

    func testRowsOfOneOutcomeMayBeApartAndRepeatTheTitleOrNot() throws {
        let result = checkCSV(ValidCSV.with("indicators.csv", """
            outcome,outcome_title,indicator,description,target
            4,Social security,4.1,D,1
            5,Wages,5.1,D,1
            4,,4.2,D,1
            4,Social security,4.3,D,1

            """).merging(["countries.csv": "indicator,region,country\n"]) { $1 })
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.outcomes.map(\.id), ["4", "5"])
        XCTAssertEqual(report.outcomes[0].indicators.map(\.id), ["4.1", "4.2", "4.3"])
    }

    // MARK: Files that are not CSV

    func testEmptyFiles() {
        assertDiagnostics(checkCSV(ValidCSV.with("indicators.csv", "")), [
            "indicators.csv:1:1: file is empty; it needs at least the header line (outcome, outcome_title, indicator, description, unit, target, result)",
        ])
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", "\u{FEFF}\r\n  \n")), [
            "countries.csv:1:1: file is empty; it needs at least the header line (indicator, region, country, territory, code, period)",
        ])
        // A blank report.yaml holds no title.
        assertDiagnostics(checkCSV(ValidCSV.with("report.yaml", "")), ["report.yaml:1:1: missing required field \"title\""])
    }

    func testBinaryFilesAreRefused() {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        png.append(Data(repeating: 0xFF, count: 100))
        var files = ValidCSV.files.mapValues { Data($0.utf8) }
        files["indicators.csv"] = png
        assertDiagnostics(ReportLoader.checkCSV(files: files), [
            "indicators.csv:1:1: file is not valid UTF-8 (byte 0x89 at byte offset 0)",
        ])
        files["indicators.csv"] = Data(ValidCSV.indicators.utf8) + Data([0x00, 0x01, 0x02, 0x41])
        assertDiagnostics(ReportLoader.checkCSV(files: files), ["indicators.csv:3:1: file holds a NUL byte: it is not a text file"])
        files["indicators.csv"] = Data("outcome,outcome_title\n4,Caf".utf8) + Data([0xE9]) + Data(",x\n".utf8)
        assertDiagnostics(ReportLoader.checkCSV(files: files), ["indicators.csv:2:2: file is not valid UTF-8 (byte 0xE9 at byte offset 27)"])
    }

    func testUTF16IsRefusedByName() {
        var files = ValidCSV.files.mapValues { Data($0.utf8) }
        files["countries.csv"] = Data([0xFF, 0xFE]) + ValidCSV.countries.data(using: .utf16LittleEndian)!
        assertDiagnostics(ReportLoader.checkCSV(files: files), [
            "countries.csv:1:1: file is not UTF-8 (it starts with a UTF-16 byte order mark); save it as UTF-8",
        ])
    }

    func testUnclosedQuoteAndTextAfterAQuote() {
        assertDiagnostics(checkCSV(ValidCSV.with("indicators.csv", ValidCSV.indicators + "4,\"Open,4.2,D,,1,\n4,T,4.3,D,,1,\n")), [
            "indicators.csv:3:2: quoted field is never closed (a \" is missing)",
        ])
        assertDiagnostics(checkCSV(ValidCSV.with("indicators.csv", ValidCSV.indicators + "4,\"Closed\" early,4.2,D,,1,\n")), [
            "indicators.csv:3:2: unexpected text after the closing quote (write a \" inside a quoted field as \"\")",
        ])
    }

    func testFilesLargerThanTheLimit() {
        // The limit is per file: these are each below 200 bytes, and the folder above.
        let options = LoadOptions(maxBytes: 200)
        XCTAssertNotNil(checkCSV(ValidCSV.files, options: options).report)
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", String(repeating: "x", count: 201)), options: options), [
            "countries.csv:1:1: file is larger than the limit of 200 bytes",
        ])
        let big = Data(count: (16 << 20) + 1)
        var files = ValidCSV.files.mapValues { Data($0.utf8) }
        files["countries.csv"] = big
        assertDiagnostics(ReportLoader.checkCSV(files: files), ["countries.csv:1:1: file is larger than the limit of 16 MiB"])
    }

    func testCellLimit() {
        let options = LoadOptions(maxNodes: 20)
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", ValidCSV.countries + String(repeating: "4.1,Africa,Ghana,\n", count: 5)), options: options), [
            "countries.csv:6:1: file has more than 20 cells",
        ])
    }

    /// A folder of megabytes loads back to the report it was written from, without diagnostics.
    func testLargeFolderLoads() throws {
        let report = SyntheticReport.make(outcomes: 2000)
        let files = ReportCSVWriter.files(report).mapValues { Data($0.utf8) }
        XCTAssertGreaterThan(files["countries.csv"]!.count, 1 << 20)
        let result = ReportLoader.checkCSV(files: files)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.report, report)
    }

    /// Random bytes, biased towards CSV's special characters: always diagnostics, never a trap or a hang.
    func testRandomBytesNeverCrash() {
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let alphabet: [UInt8] = Array("\",;\r\n \tab1-".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]
        for round in 0..<300 {
            let count = Int(next() % 200)
            var bytes = Array("outcome,outcome_title,indicator,description,target\n".utf8)
            if round % 3 == 0 { bytes = [] }
            for _ in 0..<count { bytes.append(alphabet[Int(next()) % alphabet.count]) }
            var files = ValidCSV.files.mapValues { Data($0.utf8) }
            files[round % 2 == 0 ? "indicators.csv" : "countries.csv"] = Data(bytes)
            let result = ReportLoader.checkCSV(files: files)
            XCTAssertTrue(result.report != nil || !result.errors.isEmpty)
            for diagnostic in result.diagnostics {
                XCTAssertGreaterThanOrEqual(diagnostic.line, 1)
                XCTAssertGreaterThanOrEqual(diagnostic.column, 1)
                XCTAssertLessThan(diagnostic.line, 1000)
            }
        }
    }
}
