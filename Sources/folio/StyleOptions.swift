import ArgumentParser
import FolioLayout
import FolioModel
import FolioRender

/// `--style NAME|PATH`, shared by every command that draws.
struct StyleOptions: ParsableArguments {
    @Option(help: "Style sheet: a name from Styles/ (see `folio styles`) or a path to a .yaml file.")
    var style: String = "default"

    /// The style, with its warnings printed; a broken sheet is a data error naming file, line and key.
    func load(fonts: FontLibrary? = nil) throws -> Style {
        try Self.load(style, fonts: fonts)
    }

    static func load(_ style: String, fonts: FontLibrary? = nil) throws -> Style {
        let library = StyleLibrary(fonts: fonts ?? (try? FontLibrary()))
        do {
            let loaded = try library.load(style)
            loaded.warnings.forEach { printError($0.description) }
            return loaded.style
        } catch let failure as StyleSheet.Failure {
            if failure.diagnostics.count == 1, failure.diagnostics[0].message.hasPrefix("no such style") {
                throw Failure.usage("--style \(style): " + failure.diagnostics[0].message)
            }
            throw Failure.data(failure.diagnostics.map(\.description) + ["folio: style \(style) is not valid; nothing written"])
        }
    }
}

struct StylesCommand: FolioCommand {
    static let configuration = CommandConfiguration(commandName: "styles", abstract: "List the style sheets in Styles/.")

    func execute() throws {
        let library = StyleLibrary(fonts: try? FontLibrary())
        let styles = library.list()
        guard !styles.isEmpty else { throw Failure.noInput("no style sheets found (looked for Styles/default.yaml)") }
        let width = styles.map(\.name.count).max() ?? 0
        for (name, summary) in styles {
            print(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + summary)
        }
    }
}
