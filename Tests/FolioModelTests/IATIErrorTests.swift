import FolioModel
import Foundation
import XCTest

/// Files that are not usable IATI data: each answered with its position, never a crash, and
/// nothing outside the file ever read.
final class IATIErrorTests: XCTestCase {
    func testMalformedXMLIsPlaced() {
        let result = checkIATI("<iati-activities version=\"2.03\">\n  <iati-activity>\n</iati-activities>\n")
        XCTAssertNil(result.report)
        XCTAssertTrue(result.isUnreadable)
        XCTAssertEqual(result.errors.count, 1)
        let error = result.errors[0]
        XCTAssertEqual([error.line, error.column], [3, 1], "the end tag that does not match: \(error)")
        XCTAssertTrue(error.message.hasPrefix("malformed XML: end tag does not match the element it closes"), error.message)
    }

    func testAFileEndingTooSoonIsMalformed() {
        let result = checkIATI("<iati-activities version=\"2.03\">\n  <iati-activity>")
        XCTAssertTrue(result.isUnreadable)
        XCTAssertTrue(result.errors.first?.message.hasPrefix("malformed XML") ?? false, result.diagnostics.description)
    }

    func testAnotherRootIsRefused() {
        let result = checkIATI("<?xml version=\"1.0\"?>\n<iati-organisations version=\"2.03\"/>\n")
        assertDiagnostics(result, [
            "activities.xml:2:1: expected an IATI activity file (root element <iati-activities>), found <iati-organisations>",
        ])
        XCTAssertFalse(result.isUnreadable, "well-formed XML of another kind is invalid data, not unreadable")
    }

    func testOnlyVersionsTwoPointZeroOneToTwoPointZeroThreeAreRead() {
        for version in ["2.01", "2.02", "2.03"] {
            XCTAssertNotNil(checkIATI(iatiActivity(version: version)).report, version)
        }
        assertDiagnostics(checkIATI(iatiActivity(version: "1.05")), [
            "activities.xml:2:27: IATI version \"1.05\" is not one Folio reads (2.01, 2.02, 2.03)",
        ])
        assertDiagnostics(checkIATI("<iati-activities/>"), [
            "activities.xml:1:1: <iati-activities> has no version; Folio reads IATI 2.01, 2.02, 2.03",
        ])
    }

    func testANonNumericValueIsAnErrorAtTheValue() {
        let result = checkIATI(iatiActivity(actual: "ten"))
        XCTAssertNil(result.report)
        XCTAssertFalse(result.isUnreadable, "the file is IATI; one value is wrong")
        assertDiagnostics(result, [
            "activities.xml:15:26: iati-activity[0].result[0].indicator[0].period[0].actual[0].value: expected a number, found \"ten\"",
        ])
        for bad in ["1e3", "NaN", "", "1.2.3", "+", "0x10"] {
            XCTAssertEqual(checkIATI(iatiActivity(target: bad)).errors.map(\.message), ["expected a number, found \"\(bad)\""], bad)
        }
    }

    func testDecimalsAreRoundedWithAWarningAtTheValue() throws {
        let result = checkIATI(iatiActivity(target: "0.5", actual: "1.0"))
        assertDiagnostics(result, [
            "activities.xml:14:26: warning: iati-activity[0].result[0].indicator[0].period[0].target[0].value: "
                + "0.5 is not a whole number; Folio counts whole numbers and reads it as 1",
        ])
        XCTAssertEqual(try XCTUnwrap(result.report).outcomes[0].indicators[0].target, 1, "half away from zero; 1.0 is whole")
    }

    func testANegativeTotalIsRefusedByTheModelsRules() {
        let result = checkIATI(iatiActivity(actual: "-4"))
        XCTAssertEqual(result.errors.map(\.message), ["expected a whole number >= 0, found -4"])
        XCTAssertEqual(result.errors.first?.line, 11, "placed at the period")
    }

    func testADoctypeIsRefusedAndNoEntityExpanded() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE iati-activities [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <iati-activities version="2.03">&lol2;</iati-activities>
            """
        let result = checkIATI(laughs)
        XCTAssertTrue(result.isUnreadable)
        assertDiagnostics(result, [
            "activities.xml:2:1: a DOCTYPE is not accepted: IATI files have none, and entities declared in one are never expanded",
        ])
        let external = "<!-- x -->\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<iati-activities version=\"2.03\"/>"
        XCTAssertEqual(checkIATI(external).errors.map(\.line), [2])
    }

    func testTheSizeLimitHolds() throws {
        let data = try Data(contentsOf: iatiFixture)
        assertDiagnostics(checkIATI(data: data, options: LoadOptions(maxBytes: 1000)), [
            "activities.xml:1:1: file is larger than the limit of 1000 bytes",
        ])
        XCTAssertNotNil(checkIATI(data: data, options: LoadOptions(maxBytes: data.count)).report)
    }

    func testFilesAboveTenMegabytesAreReadUpToTheLimit() {
        // libxml2 refuses a buffer above 10 MB given whole; Folio's limit is 16 MiB.
        let padding = String(repeating: "<!--" + String(repeating: "padding ", count: 1 << 10) + "-->\n", count: 11 << 7)
        let xml = iatiActivity().replacingOccurrences(of: "<iati-activity xml:lang", with: padding + "<iati-activity xml:lang")
        XCTAssertGreaterThan(xml.utf8.count, 11 << 20)
        let result = checkIATI(xml)
        XCTAssertNotNil(result.report, result.diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testRoundingIsWarnedAboutValueByValueThenSummedUp() {
        let periods = (1...12).map { n in
            "<period><period-start iso-date=\"\(2000 + n)-01-01\"/><period-end iso-date=\"\(2000 + n)-12-31\"/>"
                + "<target value=\"1.4\"/><actual value=\"1\"/></period>"
        }.joined()
        let xml = iatiActivity().replacingOccurrences(of: "<period>", with: periods + "<period>")
        let warnings = checkIATI(xml).warnings
        XCTAssertEqual(warnings.count, 11, warnings.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(warnings.prefix(10).map(\.message), Array(repeating: "1.4 is not a whole number; Folio counts whole numbers and reads it as 1", count: 10))
        XCTAssertEqual(warnings.last?.message, "2 more values are not whole numbers and were rounded (this one first)")
        XCTAssertEqual(warnings.last?.path, "iati-activity[0].result[0].indicator[0].period[10].target[0].value")
    }

    func testRepeatedProblemsAreWarnedAboutOnce() {
        let percentage = """
                <indicator measure="2"><title><narrative>Share</narrative></title></indicator>
                <indicator measure="2"><title><narrative>Share 2</narrative></title></indicator>
                <indicator measure="1">
            """
        let xml = iatiActivity().replacingOccurrences(of: "<indicator measure=\"1\">", with: percentage)
            .replacingOccurrences(of: "<recipient-country code=\"KE\"/>", with: "<recipient-country code=\"QQ\"/><recipient-country code=\"QQ\"/><recipient-country code=\"KE\"/>")
        XCTAssertEqual(checkIATI(xml).warnings.map(\.message), [
            "unknown recipient-country code \"QQ\" (expected ISO 3166-1 alpha-2); not listed",
            "2 indicators (this one first) with measure 2 skipped: Folio sums counts (measure 1, \"unit\") only",
        ])
    }

    func testTheElementLimitAndDepthHold() {
        let deep = "<iati-activities version=\"2.03\">" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
            + "</iati-activities>"
        XCTAssertEqual(checkIATI(deep).errors.map(\.message), ["document is nested too deeply (more than 200 levels)"])
        let many = checkIATI(data: Data(iatiActivity().utf8), options: LoadOptions(maxNodes: 5))
        XCTAssertEqual(many.errors.map(\.message), ["document has more than 5 elements"])
    }

    func testNotUTF8IsRefusedAtTheByte() {
        var data = Data(iatiActivity().utf8)
        data[data.count - 10] = 0xFF
        let result = checkIATI(data: data)
        XCTAssertTrue(result.isUnreadable)
        XCTAssertEqual(result.errors.first?.line, 20)
    }

    func testNoOutcomeResultIsAnError() {
        let result = checkIATI(iatiActivity().replacingOccurrences(of: "<result type=\"2\">", with: "<result type=\"1\">"))
        XCTAssertNil(result.report)
        XCTAssertEqual(result.errors.map(\.message), ["no outcome results (<result type=\"2\">) in any activity: nothing to report"])
    }

    func testUnknownCountriesAreWarnedAboutAndNotListed() throws {
        let result = checkIATI(iatiActivity().replacingOccurrences(of: "<recipient-country code=\"KE\"/>",
                                                                   with: "<recipient-country code=\"QQ\"/><recipient-country code=\"AQ\"/>"))
        XCTAssertEqual(result.warnings.map(\.message), [
            "unknown recipient-country code \"QQ\" (expected ISO 3166-1 alpha-2); not listed",
            "Antarctica is in no region of the region table; not listed",
        ])
        XCTAssertEqual(try XCTUnwrap(result.report).outcomes[0].indicators[0].countries, [:])
    }

    func testAPeriodWithoutDatesIsAnError() {
        let result = checkIATI(iatiActivity().replacingOccurrences(of: "<period-end iso-date=\"2023-12-31\"/>", with: ""))
        XCTAssertEqual(result.errors.map(\.description), [
            "activities.xml:11:9: iati-activity[0].result[0].indicator[0].period[0]: period without <period-end iso-date=\"...\">",
        ])
    }
}

/// Region tables: the shipped UN M49 one and the form a user writes.
final class IATIRegionTableTests: XCTestCase {
    func testTheShippedM49TableHasFiveRegionsCoveringTheCountryTable() throws {
        let table = try XCTUnwrap(RegionTable.unM49)
        XCTAssertEqual(table.regions.map { $0.name(in: "en") }, ["Africa", "Americas", "Asia", "Europe", "Oceania"])
        XCTAssertEqual(table.regions.map { $0.name(in: "zh") }, ["非洲", "美洲", "亚洲", "欧洲", "大洋洲"])
        XCTAssertEqual(table.regions.map { $0.name(in: "de") }, ["Africa", "Americas", "Asia", "Europe", "Oceania"], "English stands in")
        func region(_ code: String) -> String? { table.regionIndex(ofAlpha3: code).map { table.regions[$0].name(in: "en") } }
        XCTAssertEqual(region("KEN"), "Africa")
        XCTAssertEqual(region("CYP"), "Asia", "M49 puts Cyprus in Western Asia")
        XCTAssertEqual(region("MEX"), "Americas")
        XCTAssertEqual(region("RUS"), "Europe")
        XCTAssertEqual(region("FJI"), "Oceania")
        XCTAssertEqual(region("XKX"), "Europe")
        XCTAssertNil(region("ATA"))
        XCTAssertEqual(table.regions.reduce(0) { $0 + $1.countries.count }, 249)
    }

    private func tableError(_ yaml: String) -> String? {
        do {
            _ = try RegionTable(data: Data(yaml.utf8), fileName: "regions.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    func testMistakesInATableArePlaced() {
        XCTAssertEqual(tableError("regions:\n  - name: A\n    countries: [KEN, ZZZ]\n"),
                       "regions.yaml:3:22: regions[0].countries[1]: unknown country code \"ZZZ\" (expected ISO 3166-1 alpha-3, alpha-2 or numeric)")
        XCTAssertEqual(tableError("regions:\n  - name: A\n    countries: [KEN]\n  - name: B\n    countries: [KE]\n"),
                       "regions.yaml:5:17: regions[1].countries[0]: Kenya is in two regions (first at line 3)")
        XCTAssertEqual(tableError("regions: []\n"), "regions.yaml:1:10: regions: expected at least one region")
        XCTAssertEqual(tableError("regions:\n  - name: {\"e n\": A}\n    countries: []\n"),
                       "regions.yaml:2:12: regions[0].name: expected a language tag such as \"en\" or \"fr\" as key, found \"e n\"")
        XCTAssertEqual(tableError(""), "regions.yaml:1:1: file is empty")
        XCTAssertEqual(tableError("regions: [\n"), tableError("regions: [\n"))
        XCTAssertNotNil(tableError("regions: [\n"))
    }
}

/// Positions as an editor counts them, however the XML is laid out: minified on one line, a start
/// tag over several lines, CRLF line ends, letters of several bytes before the value.
final class IATIPositionTests: XCTestCase {
    /// Line and column (in Unicode scalars, 1-based) where `needle` starts in `text`.
    private func place(of needle: String, in text: String) -> [Int] {
        let before = text[..<text.range(of: needle)!.lowerBound]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return [lines.count, lines.last!.unicodeScalars.count + 1]
    }

    private func errorPlace(_ xml: String) -> [Int] {
        let errors = checkIATI(xml).errors
        XCTAssertEqual(errors.count, 1, errors.description)
        return errors.first.map { [$0.line, $0.column] } ?? []
    }

    func testOnOneLongLine() {
        let xml = iatiActivity(actual: "ten").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        XCTAssertEqual(errorPlace(xml), place(of: "ten\"", in: xml))
    }

    func testInAStartTagOverSeveralLines() {
        let xml = iatiActivity(actual: "ten").replacingOccurrences(of: "<actual value=", with: "<actual\n            value=")
        XCTAssertEqual(errorPlace(xml), place(of: "ten\"", in: xml))
    }

    func testAfterLettersOfSeveralBytes() {
        let xml = iatiActivity(actual: "ten").replacingOccurrences(of: "<actual value=", with: "<!-- Éthiopie, 日本 --><actual value=")
            .replacingOccurrences(of: "Jobs in Kenya", with: "Emplois au Kenya — réalisés")
        XCTAssertEqual(errorPlace(xml), place(of: "ten\"", in: xml))
    }

    func testWithCRLFLineEnds() {
        let xml = iatiActivity(actual: "ten").replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(errorPlace(xml), place(of: "ten\"", in: xml.replacingOccurrences(of: "\r\n", with: "\n")))
    }
}
