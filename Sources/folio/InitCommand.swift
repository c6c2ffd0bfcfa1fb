import ArgumentParser
import FolioBuild
import FolioFiles
import FolioRender
import Foundation

struct InitCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented folio.yaml (and the sample data) into a project folder, ready for `folio build`."
    )

    @Option(name: .customShort("C"), help: ArgumentHelp("Project folder (created if missing; default: the current folder).", valueName: "dir"))
    var directory: String = "."

    @Flag(help: "Replace an existing folio.yaml.")
    var force = false

    func execute() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw Failure.cannotCreate("cannot create folder \(folder.path): \(error.localizedDescription)")
        }
        let buildFile = folder.appendingPathComponent(Project.fileName)
        if FileManager.default.fileExists(atPath: buildFile.path) && !force {
            throw Failure.cannotCreate("\(buildFile.relativePath) exists; --force replaces it")
        }
        let data = folder.appendingPathComponent("data/outcome4.yaml")
        if !FileManager.default.fileExists(atPath: data.path) {
            guard let sample = ExampleProject.sampleData() else {
                throw Failure.noInput("cannot find the sample data (Assets/samples/outcome4.yaml); set FOLIO_FONTS to the bundle's Assets/fonts")
            }
            try OutputPath.createFolder(data.deletingLastPathComponent())
            try AtomicFile.write(Array(try Data(contentsOf: sample)), to: data)
            print("wrote \(data.relativePath)")
        }
        try AtomicFile.write(Array(ExampleProject.buildFile.utf8), to: buildFile)
        print("wrote \(buildFile.relativePath); now run: folio build" + (directory == "." ? "" : " -C \(directory)"))
    }
}
