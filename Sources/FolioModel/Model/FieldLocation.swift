/// Where a text field was written in the data, so that problems found after loading (a missing
/// translation in an edition) are placed like the loader's own diagnostics.
public struct FieldLocation: Sendable, Hashable {
    /// The file as the check named it (for a CSV folder: `indicators.csv`, `report.yaml`, ...).
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, in Unicode scalars (in a CSV file: the field number).
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// The location of every text field of a loaded report, by field path (`outcomes[0].title`).
///
/// Paths are kept as the validator built them and turned into text only when asked: most reports
/// are drawn in their own language and never need a location, and naming every field of a large
/// report costs a tenth of its check.
///
/// Two reports with the same content are equal wherever their text was written: a report converted
/// from YAML to JSON and read back is the same report. So locations never take part in `==`.
public struct FieldLocations: Sendable, Equatable {
    private var entries: [(path: FieldPath, location: FieldLocation)]

    public init() {
        entries = []
    }

    init(_ entries: [(path: FieldPath, location: FieldLocation)]) {
        self.entries = entries
    }

    /// Every location by path; built on each call, so take it once.
    public var byPath: [String: FieldLocation] {
        Dictionary(entries.map { ($0.path.description, $0.location) }, uniquingKeysWith: { _, last in last })
    }

    /// One field's location (a search through every field: for a few look-ups; else `byPath`).
    public subscript(path: String) -> FieldLocation? {
        entries.last { $0.path.description == path }?.location
    }

    public static func == (_: FieldLocations, _: FieldLocations) -> Bool {
        true
    }
}
