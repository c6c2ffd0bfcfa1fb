import Foundation
import FolioConcurrency
import XCTest
import FolioModel

/// Hostile and oversized input must come back as errors, never as a crash or a hang.
final class LimitTests: XCTestCase {
    /// Nine levels of ten aliases each: 10^9 nodes once expanded.
    private let billionLaughs: String = {
        var lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("lol\(level): &lol\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    func testFileLargerThanTheLimit() {
        let data = Data(count: (16 << 20) + 1)
        assertDiagnostics(check(data: data), ["test.yaml:1:1: file is larger than the limit of 16 MiB"])
        assertDiagnostics(check(validYAML, options: LoadOptions(maxBytes: 100)), [
            "test.yaml:1:1: file is larger than the limit of 100 bytes",
        ])
    }

    func testFileExactlyAtTheLimitLoads() {
        XCTAssertNotNil(check(validYAML, options: LoadOptions(maxBytes: validYAML.utf8.count)).report)
    }

    func testBillionLaughsFailsInsteadOfExpanding() {
        let result = check(billionLaughs)
        XCTAssertNil(result.report)
        assertDiagnostics(result, ["test.yaml:1:1: document expands to more than 1000000 nodes (YAML aliases?)"])
    }

    func testAliasBombInsideTheReportFails() {
        let yaml = billionLaughs.replacingOccurrences(of: "lol", with: "x") + validYAML(replacingLine: 11, with: "          Africa: *x9")
        assertDiagnostics(check(yaml), ["test.yaml:1:1: document expands to more than 1000000 nodes (YAML aliases?)"])
    }

    /// Yams hashes mapping keys in full; an alias key would hash a billion nodes.
    func testAliasAsMappingKeyIsRefused() {
        assertDiagnostics(check(billionLaughs + "*lol9 : x\n"), [
            "test.yaml:11:1: mapping keys must be plain text; aliases, lists and mappings cannot be used as keys",
        ])
        assertDiagnostics(check(billionLaughs + "k: [*lol9 : x]\n"), [
            "test.yaml:11:5: mapping keys must be plain text; aliases, lists and mappings cannot be used as keys",
        ])
        assertDiagnostics(check(billionLaughs + "k: {{a: *lol9}: x}\n"), [
            "test.yaml:11:5: mapping keys must be plain text; aliases, lists and mappings cannot be used as keys",
        ])
        assertDiagnostics(check(billionLaughs + "k: {*lol9, *lol8}\n"), [
            "test.yaml:11:5: mapping keys must be plain text; aliases, lists and mappings cannot be used as keys",
        ])
        assertDiagnostics(check(billionLaughs + "? - *lol9\n: x\n"), [
            "test.yaml:11:3: mapping keys must be plain text; aliases, lists and mappings cannot be used as keys",
        ])
    }

    func testNodeLimitAppliesWithoutAliasesToo() {
        assertDiagnostics(check(validYAML, options: LoadOptions(maxNodes: 20)), [
            "test.yaml:1:1: document has more than 20 nodes",
        ])
    }

    func testDeepFlowNestingFails() {
        let result = check(String(repeating: "[", count: 100_000))
        XCTAssertNil(result.report)
        assertDiagnostics(result, ["test.yaml:1:1: document is nested too deeply (more than 1000 levels)"])
    }

    func testDeepBlockNestingFails() {
        let result = check(String(repeating: "- ", count: 100_000) + "x\n")
        XCTAssertNil(result.report)
        XCTAssertEqual(result.errors.map(\.message), ["document is nested too deeply (more than 1000 levels)"])
    }

    /// Just under libyaml's limit, Yams recurses ~1000 levels: this must fit the loader's stack.
    func testNestingJustUnderTheLimitDoesNotCrash() {
        let depth = 998
        let yaml = "title: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        assertDiagnostics(check(yaml), [
            "test.yaml:1:8: title: expected text, found a list",
            "test.yaml:1:1: missing required field \"outcomes\"",
        ].sorted())
    }

    /// Callers may be on small-stack threads (an HTTP server's workers); nesting must still not crash.
    func testDeepNestingFromASmallStackThread() {
        let yaml = "title: " + String(repeating: "[", count: 998) + String(repeating: "]", count: 998) + "\n"
        final class Box: Sendable { let messages = Guarded<[String]>([]) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let messages = check(yaml).errors.map(\.message)
            box.messages.withLock { $0 = messages }
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        XCTAssertEqual(box.messages.withLock { $0 }, ["missing required field \"outcomes\"", "expected text, found a list"])
    }

    func testConcurrentChecksAgree() {
        let inputs = [validYAML, validYAML(replacingLine: 8, with: "        target: ten"), "{\"a\": [1, 2"]
        let expected = inputs.map { check($0).diagnostics.map(\.description) }
        let mismatches = Guarded(0)
        DispatchQueue.concurrentPerform(iterations: 48) { i in
            let got = check(inputs[i % inputs.count]).diagnostics.map(\.description)
            if got != expected[i % inputs.count] { mismatches.withLock { $0 += 1 } }
        }
        XCTAssertEqual(mismatches.withLock { $0 }, 0)
    }

    func testBinaryGarbageFails() {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = 0xC0 // never valid in UTF-8, so the outcome does not depend on chance
        let result = check(data: Data(bytes))
        XCTAssertNil(result.report)
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertEqual(result.errors.first?.line, 1)
        XCTAssertTrue(result.errors.first?.message.hasPrefix("file is not valid UTF-8 (byte 0xC0 at byte offset 0)") ?? false)
    }

    func testValidUTF8GarbageFails() {
        let noise = String((0..<2000).map { Character(Unicode.Scalar(UInt8(($0 * 37) % 128))) })
        for format in InputFormat.allCases {
            let result = check(noise, format)
            XCTAssertNil(result.report)
            XCTAssertEqual(result.errors.count, 1, "\(format)")
        }
    }

    func testDiagnosticsAreCapped() {
        let keys = (0..<1500).map { "  unknown\($0): x" }.joined(separator: "\n")
        let yaml = validYAML(replacingLine: 4, with: "    title: T\n" + keys.replacingOccurrences(of: "  unknown", with: "    unknown"))
        let result = check(yaml)
        XCTAssertNil(result.report)
        XCTAssertEqual(result.diagnostics.count, 1001)
        XCTAssertEqual(result.errors.map(\.message), ["too many problems; stopped after 1000"])
    }
}
