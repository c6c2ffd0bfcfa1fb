import ArgumentParser
import FolioLayout
import FolioModel
import FolioRender
import Foundation

struct RenderCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the briefing PDF of a data file.",
        discussion: "Writes Output/<name of data file>.pdf unless -o is given. The PDF's date comes from "
            + "SOURCE_DATE_EPOCH, else --date, else the data file's modification time."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output PDF file.")
    var output: String?

    @Option(help: "Date written into the PDF (2016-03-01 or 2016-03-01T12:00:00Z).")
    var date: String?

    func execute() throws {
        let loaded = try input.loadWithBytes()
        let report = loaded.result.report!
        let destination = try OutputPath.resolve(output, defaultName: input.baseName + ".pdf")
        let documentDate = try input.documentDate(explicit: date)
        let context = BriefingLayout.Context(dataDate: documentDate, dataFingerprint: SHA256.hex(loaded.bytes))
        let bytes = try Renderer().briefing(report, options: PDFOptions(date: documentDate), context: context)
        try AtomicFile.write(bytes, to: destination)
        print("wrote \(destination.relativePath) (\(ByteCount(bytes.count)))")
    }
}

/// Where output goes: the given path, or a file in `Output/`, which is created when missing.
enum OutputPath {
    static func resolve(_ given: String?, defaultName: String) throws -> URL {
        if let given {
            guard !given.isEmpty else { throw Failure.usage("-o needs a file name") }
            return URL(fileURLWithPath: given)
        }
        let folder = URL(fileURLWithPath: "Output", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotCreate("cannot create folder Output: \(error.localizedDescription)")
        }
        return URL(fileURLWithPath: "Output/" + defaultName)
    }
}

/// "118 KB"
func ByteCount(_ count: Int) -> String {
    count < 10_000 ? "\(count) bytes" : "\((count + 500) / 1000) KB"
}
