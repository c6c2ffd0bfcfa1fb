/// What `ReportLoader.check` found: the report when the file is usable, and every diagnostic either way.
public struct CheckResult: Sendable {
    /// `nil` whenever there is at least one error, so a half-valid report can never be rendered.
    public var report: Report?
    /// Sorted by line, then column.
    public var diagnostics: [Diagnostic]
    /// The file could not be read as data at all (size, encoding, syntax, emptiness, nesting or alias
    /// limits), so the validator never ran: the service answers 400 rather than 422.
    public var isUnreadable: Bool

    public init(report: Report?, diagnostics: [Diagnostic], isUnreadable: Bool = false) {
        self.report = report
        self.diagnostics = diagnostics
        self.isUnreadable = isUnreadable
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
