import Foundation
import XCTest
import FolioModel

/// YAML, JSON and CSV folders hold the same reports: converting between them loses nothing.
final class CSVRoundTripTests: XCTestCase {
    func viaCSV(_ report: Report, file: StaticString = #filePath, line: UInt = #line) -> CheckResult {
        let files = ReportCSVWriter.files(report)
        XCTAssertEqual(Set(files.keys), ["indicators.csv", "countries.csv", "report.yaml"], file: file, line: line)
        return ReportLoader.checkCSV(files: files.mapValues { Data($0.utf8) })
    }

    func viaYAML(_ report: Report) -> CheckResult {
        ReportLoader.check(data: Data(ReportYAMLWriter.yaml(report).utf8), fileName: "r.yaml", format: .yaml)
    }

    func viaJSON(_ report: Report) -> CheckResult {
        ReportLoader.check(data: Data(ReportJSONWriter.json(report).utf8), fileName: "r.json", format: .json)
    }

    func testSampleRoundTripsThroughEveryFormat() throws {
        let sample = try sampleReport()
        for (name, result) in [("CSV", viaCSV(sample)), ("YAML", viaYAML(sample)), ("JSON", viaJSON(sample))] {
            XCTAssertEqual(result.diagnostics, [], name)
            XCTAssertEqual(result.report, sample, name)
        }
    }

    func testSampleThroughCSVThenYAMLThenJSON() throws {
        let sample = try sampleReport()
        let csv = try XCTUnwrap(viaCSV(sample).report)
        let yaml = try XCTUnwrap(viaYAML(csv).report)
        let json = try XCTUnwrap(viaJSON(yaml).report)
        let back = try XCTUnwrap(viaCSV(json).report)
        XCTAssertEqual(back, sample)
    }

    func testSyntheticReportRoundTripsThroughEveryFormat() {
        let report = SyntheticReport.make(outcomes: 5)
        for (name, result) in [("CSV", viaCSV(report)), ("YAML", viaYAML(report)), ("JSON", viaJSON(report))] {
            XCTAssertEqual(result.errors, [], name)
            XCTAssertEqual(result.report, report, name)
        }
    }

    func testSampleCSVFilesLookAsDocumented() throws {
        let files = ReportCSVWriter.files(try sampleReport())
        let indicators = files["indicators.csv"]!.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(indicators[0], "outcome,outcome_title,indicator,description,unit,target,result,"
                       + "outcome_title_es,outcome_title_fr,description_es,description_fr,unit_es,unit_fr")
        XCTAssertTrue(indicators[1].hasPrefix("4,More people have access to better managed and more gender-equitable social security benefits.,"
                       + "4.1,\"Number of member States that, with ILO support, improve the knowledge and information base on the "
                       + "coverage and performance of their social security system\",member States,10,11,Más personas tienen acceso "), "\(indicators[1])")
        XCTAssertTrue(indicators[1].hasSuffix(",Estados Miembros,États Membres"), "\(indicators[1])")
        XCTAssertEqual(indicators.count, 5, "header, three indicators, final line end")
        let countries = files["countries.csv"]!.split(separator: "\n")
        XCTAssertEqual(countries[0], "indicator,region,country,territory")
        XCTAssertEqual(countries[1], "4.1,Africa,Ethiopia,")
        XCTAssertTrue(countries.contains("4.2,Arab States,Occupied Palestinian Territory,true"))
        XCTAssertEqual(countries.count, 54, "header and 53 entries")
        let report = files["report.yaml"]!
        XCTAssertTrue(report.hasPrefix("""
            title:
              en: ILO programme implementation 2014–15
              es: Aplicación del programa de la OIT 2014–2015
              fr: Exécution du programme de l’OIT 2014–15
            subtitle:
              en: "Outcome 4: Social security"
              es: "Resultado 4: Seguridad social"
            """), report)
        XCTAssertTrue(report.contains("""
            regions:
              - en: Africa
                es: África
                fr: Afrique
              - en: Americas

            """), report)
        XCTAssertTrue(report.contains("\n  - id: \"4\"\n    narrative:\n      - heading:\n          en: "), report)
    }

    /// Every kind of awkward text in every field. (Not a leading U+FEFF: Yams drops it from any
    /// YAML scalar, escaped or not, so no YAML file can hold such text.)
    func testAwkwardTextSurvivesEveryFormat() {
        let awkward = ["4.10", "yes", "No", "null", "~", "", " padded ", "10", "-3", "1e3", "0x1F", "2014-15", "true",
                       "a: b", "a #b", "#x", "- x", "[x]", "{x}", "x, y", "x; y", "\"q\"", "'q'", "back\\slash",
                       "line\nbreak", "cr\r\nlf", "tab\tx", "Côte d’Ivoire", "中国", "😀 emoji", "\u{1}ctl\u{7F}", "nul\u{0}",
                       "nel\u{85}ls\u{2028}", "b\u{FEFF}om", "trailing:", "<<", "=", "@at", "%pct", "!tag", "&a", "*a", "|", ">",
                       "?", ":", "-", "...", "---", "=cmd()", "  ", "x\n", "\n"]
        let texts = awkward.filter { !$0.isEmpty && !$0.allSatisfy(\.isWhitespace) }
        var outcomes: [Outcome] = []
        for (i, text) in texts.enumerated() {
            let id = "\(i).\(text)"
            outcomes.append(Outcome(id: text + "#\(i)", title: text, indicators: [
                Indicator(id: id, description: text, unit: text, target: i, result: i % 2 == 0 ? nil : 1,
                          countries: ["Africa": [CountryEntry(name: text, isTerritory: i % 3 == 0)],
                                      text: [CountryEntry(name: "X\(i)")]]),
            ], narrative: [NarrativeSection(heading: text, paragraphs: [text, ""])],
               outputs: [OutputCategory(category: text, items: [text])]))
        }
        outcomes.append(Outcome(id: "empty", title: "No indicators, no prose"))
        let report = Report(title: "Awkward ' \" : #", subtitle: "", organization: " x ", period: "2014–15",
                            language: "fr-CA", regions: ["Africa"] + texts, outcomes: outcomes)
        for (name, result) in [("CSV", viaCSV(report)), ("YAML", viaYAML(report)), ("JSON", viaJSON(report))] {
            XCTAssertEqual(result.errors, [], name)
            XCTAssertEqual(result.report, report, name)
        }
    }

    func testQuotingRules() {
        XCTAssertEqual(ReportYAMLWriter.scalar("4.10"), "\"4.10\"")
        XCTAssertEqual(ReportYAMLWriter.scalar("yes"), "\"yes\"")
        XCTAssertEqual(ReportYAMLWriter.scalar("Null"), "\"Null\"")
        XCTAssertEqual(ReportYAMLWriter.scalar("member States"), "member States")
        XCTAssertEqual(ReportYAMLWriter.scalar("Côte d’Ivoire"), "Côte d’Ivoire")
        XCTAssertEqual(ReportYAMLWriter.scalar("Outcome 4: Social security"), "\"Outcome 4: Social security\"")
        XCTAssertEqual(ReportYAMLWriter.scalar("a #b"), "\"a #b\"")
        XCTAssertEqual(ReportYAMLWriter.scalar("a\nb"), "\"a\\nb\"")
        XCTAssertEqual(ReportYAMLWriter.scalar(" a"), "\" a\"")
        XCTAssertEqual(ReportYAMLWriter.scalar("a, b"), "a, b")
        XCTAssertEqual(ReportYAMLWriter.scalar("a, b", flow: true), "\"a, b\"")
        XCTAssertEqual(ReportYAMLWriter.scalar("\u{1}"), "\"\\x01\"")
    }

    /// libyaml refuses simple keys longer than 1024 characters; such region names get an explicit key.
    func testLongRegionNameRoundTrips() {
        let long = String(repeating: "Région ", count: 300) + "end"
        let report = Report(title: "T", regions: [long], outcomes: [
            Outcome(id: "1", title: "O", indicators: [Indicator(id: "1.1", description: "D", target: 1, countries: [long: [CountryEntry(name: "A")]])]),
        ])
        XCTAssertEqual(viaYAML(report).report, report, "\(viaYAML(report).diagnostics)")
        XCTAssertEqual(viaCSV(report).report, report)
    }
}
