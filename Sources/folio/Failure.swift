import FolioFiles
import FolioModel
import FolioRender
import FolioSlides
import Foundation

/// Why a command failed, with the sysexits code scripts and cron rely on.
enum Failure: Error {
    /// Wrong arguments (64).
    case usage(String)
    /// Invalid data: the diagnostics, one line each (65).
    case data([String])
    /// Missing or unreadable input (66).
    case noInput(String)
    /// Output folder missing or not writable (73).
    case cannotCreate(String)
    /// Reading or writing failed midway (74).
    case io(String)
    /// Drawing failed inside Cairo (70, internal software error).
    case software(String)

    var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .data: return 65
        case .noInput: return 66
        case .software: return 70
        case .cannotCreate: return 73
        case .io: return 74
        }
    }

    var lines: [String] {
        switch self {
        case .data(let lines): return lines
        case .usage(let line), .noInput(let line), .cannotCreate(let line), .io(let line), .software(let line):
            return ["folio: " + line]
        }
    }

    /// Maps library errors to the user-facing failure.
    init(_ error: Error) {
        switch error {
        case let failure as Failure: self = failure
        case let setting as DateSettingError: self = .usage(setting.description)
        case let file as AtomicFile.Failure:
            switch file {
            case .cannotCreate: self = .cannotCreate(file.description)
            case .io: self = .io(file.description)
            }
        case let template as DeckTemplateError:
            switch template {
            case .unreadable: self = .noInput(template.description)
            case .unusable: self = .data(["folio: " + template.description])
            }
        case let render as RenderError:
            switch render {
            case .imageTooLarge: self = .usage(render.description)
            case .tooManyPages: self = .data(["folio: " + render.description])
            case .output: self = .io(render.description)
            default: self = .software(render.description)
            }
        default:
            self = .software(String(describing: error))
        }
    }
}

/// Standard error, unbuffered: diagnostics appear even if the process is killed right after.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
