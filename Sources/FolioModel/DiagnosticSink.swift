/// Collects diagnostics during one check, with a cap so a file with a million mistakes
/// cannot produce a million messages (or the memory and time to build them).
final class DiagnosticSink {
    static let limit = 1000

    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0

    init(file: String) {
        self.file = file
    }

    /// Once set, callers stop walking: nothing more will be recorded.
    var isFull: Bool { diagnostics.count > Self.limit }

    func error(_ message: String, at position: SourcePosition, path: FieldPath = .root) {
        add(.error, message, at: position, path: path)
    }

    func warning(_ message: String, at position: SourcePosition, path: FieldPath = .root) {
        add(.warning, message, at: position, path: path)
    }

    private func add(_ severity: Diagnostic.Severity, _ message: String, at position: SourcePosition, path: FieldPath) {
        guard !isFull else { return }
        if severity == .error { errorCount += 1 }
        diagnostics.append(Diagnostic(severity: severity, file: file, line: position.line, column: position.column,
                                      path: path.description, message: message))
        if diagnostics.count == Self.limit {
            errorCount += 1
            diagnostics.append(Diagnostic(severity: .error, file: file, line: position.line, column: position.column,
                                          path: "", message: "too many problems; stopped after \(Self.limit)"))
        }
    }

    /// By line, then column; problems at the same place keep the order they were found in.
    var sorted: [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}
