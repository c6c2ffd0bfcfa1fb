/// Why a file could not be read into a `SourceNode` tree at all; becomes the only error diagnostic.
struct ParseFailure: Error {
    var position: SourcePosition
    var message: String

    static func tooDeep(at position: SourcePosition, limit: Int) -> ParseFailure {
        ParseFailure(position: position, message: "document is nested too deeply (more than \(limit) levels)")
    }
}
