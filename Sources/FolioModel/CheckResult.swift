/// What `ReportLoader.check` found: the report when the file is usable, and every diagnostic either way.
public struct CheckResult: Sendable {
    /// `nil` whenever there is at least one error, so a half-valid report can never be rendered.
    public var report: Report?
    /// Sorted by line, then column.
    public var diagnostics: [Diagnostic]

    public init(report: Report?, diagnostics: [Diagnostic]) {
        self.report = report
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
