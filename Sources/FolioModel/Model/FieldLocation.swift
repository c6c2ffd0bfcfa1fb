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
/// Two reports with the same content are equal wherever their text was written: a report converted
/// from YAML to JSON and read back is the same report. So locations never take part in `==`.
public struct FieldLocations: Sendable, Equatable {
    public var byPath: [String: FieldLocation]

    public init(_ byPath: [String: FieldLocation] = [:]) {
        self.byPath = byPath
    }

    public subscript(path: String) -> FieldLocation? {
        byPath[path]
    }

    public static func == (_: FieldLocations, _: FieldLocations) -> Bool {
        true
    }
}
