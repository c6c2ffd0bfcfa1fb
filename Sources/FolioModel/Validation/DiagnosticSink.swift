/// Collects diagnostics during one check, with a cap so a file with a million mistakes
/// cannot produce a million messages (or the memory and time to build them).
final class DiagnosticSink {
    static let limit = 1000

    /// One problem as found: placed by `SourcePosition`, named as a `Diagnostic` at the end.
    struct Entry {
        var severity: Diagnostic.Severity
        var position: SourcePosition
        var path: String
        var message: String
    }

    /// Display names of the files positions point into, by `SourcePosition.file`.
    var files: [String]
    private(set) var entries: [Entry] = []
    private(set) var errorCount = 0

    init(file: String) {
        files = [file]
    }

    init(files: [String]) {
        self.files = files
    }

    /// Once set, callers stop walking: nothing more will be recorded.
    var isFull: Bool { entries.count > Self.limit }

    func error(_ message: String, at position: SourcePosition, path: FieldPath = .root) {
        add(.error, message, at: position, path: path)
    }

    func warning(_ message: String, at position: SourcePosition, path: FieldPath = .root) {
        add(.warning, message, at: position, path: path)
    }

    private func add(_ severity: Diagnostic.Severity, _ message: String, at position: SourcePosition, path: FieldPath) {
        guard !isFull else { return }
        if severity == .error { errorCount += 1 }
        entries.append(Entry(severity: severity, position: position, path: path.description, message: message))
        if entries.count == Self.limit {
            errorCount += 1
            entries.append(Entry(severity: .error, position: position, path: "", message: "too many problems; stopped after \(Self.limit)"))
        }
    }

    /// "first at line 12", or "first at countries.csv line 12" when the first is in another file.
    func firstAt(_ first: SourcePosition, seenFrom other: SourcePosition) -> String {
        guard first.file != other.file, files.indices.contains(first.file) else { return first.firstAt(seenFrom: other) }
        return "first at \(files[first.file]) line \(max(1, first.line))"
    }

    func diagnostic(_ entry: Entry) -> Diagnostic {
        Diagnostic(severity: entry.severity, file: files[entry.position.file], line: entry.position.line,
                   column: entry.position.column, path: entry.path, message: entry.message)
    }

    /// By file, line, then column; problems at the same place keep the order they were found in.
    var sorted: [Diagnostic] {
        entries.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map { diagnostic($0.element) }
    }
}
