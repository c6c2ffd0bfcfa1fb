import FolioLayout
import FolioRender
import FolioSlides
import Foundation
import XCTest

/// Small charts, external programs (python-pptx, unzip, LibreOffice, poppler) for the deck tests.
enum DeckTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let checkScript = packageRoot.appendingPathComponent("Scripts/check-deck.py")

    /// One renderer for the whole test process: fontconfig set-up is paid once.
    nonisolated(unsafe) static let renderer: Renderer = try! Renderer()

    /// A PNG of a `width`×`height` frame (drawn at `scale` pixels a unit): a white ground and a coloured bar.
    static func png(width: Double, height: Double, scale: Double = 1, color: Color) throws -> [UInt8] {
        try renderer.png(Frame(size: Size(width: width, height: height), items: [
            .rect(Rect(x: 0, y: 0, width: width, height: height), fill: .white, stroke: nil),
            .rect(Rect(x: width / 8, y: height / 4, width: width * 3 / 4, height: height / 2), fill: color,
                  stroke: Stroke(color: .black, width: 1)),
        ]), scale: scale)
    }

    /// Three charts of different shapes: 16:9 drawn at twice its size, portrait, square.
    static func sampleSlides() throws -> [DeckSlide] {
        [
            DeckSlide(title: "Revenue by year", alternativeText: "Bar chart: revenue grew from 2 to 5 million.",
                      png: try png(width: 64, height: 36, scale: 2, color: Color(red: 0.11, green: 0.31, blue: 0.54)),
                      pixelWidth: 128, pixelHeight: 72),
            DeckSlide(title: "Share by region", alternativeText: "Tall chart: the north has half of the share.",
                      png: try png(width: 36, height: 64, color: Color(red: 0.8, green: 0.3, blue: 0.1)),
                      pixelWidth: 36, pixelHeight: 64),
            DeckSlide(title: "Targets met", alternativeText: "Square chart: 7 of 10 targets were met.",
                      png: try png(width: 50, height: 50, color: Color(red: 0.2, green: 0.6, blue: 0.3)),
                      pixelWidth: 50, pixelHeight: 50),
        ]
    }

    static func sampleDeck() throws -> SlideDeck {
        SlideDeck(title: "Quarterly outcomes", subtitle: "Second quarter 2025", footer: "Prepared by Folio",
                  slides: try sampleSlides())
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-deck-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` as `name` in a new temporary folder.
    static func write(_ bytes: [UInt8], as name: String = "deck.pptx") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    // MARK: - Programs

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Output read on another thread, looked at only after that thread is done.
    final class Collected: @unchecked Sendable { var data = Data() }

    /// The program's path when it is on PATH.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program found on PATH, both outputs read at once, ended after `timeout` seconds.
    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 120,
                    environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = Collected(), errData = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outData.data = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        // A child the program left running may hold the pipes open: do not wait for it forever.
        _ = group.wait(timeout: .now() + 10)
        return Run(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                   stderr: String(decoding: errData.data, as: UTF8.self), timedOut: timedOut)
    }

    /// nil when python-pptx can be imported (installing it with pip if it is missing), else why not.
    static let pythonPPTXProblem: String? = {
        guard which("python3") != nil else { return "python3 is not on PATH: python-pptx cannot be used" }
        if let check = try? run("python3", ["-c", "import pptx"]), check.status == 0 { return nil }
        guard let install = try? run("python3", ["-m", "pip", "install", "--quiet", "python-pptx"], timeout: 300) else {
            return "could not start python3 -m pip"
        }
        guard install.status == 0, !install.timedOut else {
            return "python3 -m pip install python-pptx failed (status \(install.status)): \(install.stderr)"
        }
        if let check = try? run("python3", ["-c", "import pptx"]), check.status == 0 { return nil }
        return "python-pptx was installed but python3 still cannot import it"
    }()

    /// What Scripts/check-deck.py says about the deck.
    struct Description: Decodable {
        struct Picture: Decodable {
            var descr: String?
            var title: String?
            var name: String
            var left: Int, top: Int, width: Int, height: Int
            var contentType: String
            var pixelWidth: Int, pixelHeight: Int
        }
        struct Slide: Decodable {
            var layout: String
            var title: String?
            var subtitle: String?
            var footer: String?
            var pictures: [Picture]
        }
        var slideWidth: Int
        var slideHeight: Int
        var title: String
        var layouts: [String]
        var slides: [Slide]
        var errors: [String]
    }

    /// Runs Scripts/check-deck.py on the deck; fails the test (and returns nil) when it cannot.
    static func describe(_ deck: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Description? {
        if let problem = pythonPPTXProblem {
            XCTFail("python-pptx is needed to check decks: \(problem)", file: file, line: line)
            return nil
        }
        let result = try run("python3", [checkScript.path, deck.path])
        guard result.status == 0 else {
            XCTFail("check-deck.py failed (status \(result.status)): \(result.stderr)", file: file, line: line)
            return nil
        }
        return try JSONDecoder().decode(Description.self, from: Data(result.stdout.utf8))
    }
}
