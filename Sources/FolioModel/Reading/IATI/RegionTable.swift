import FolioLanguage
import Foundation

/// Which region each country belongs to, for data that names countries but not regions (IATI
/// activities give only `recipient-country/@code`). The report's regional columns are the table's
/// regions, in the table's order.
///
/// Folio ships the UN M49 regions (`Assets/regions/un-m49.yaml`); an organisation with its own
/// regions (the ILO's five) gives a table of the same form:
///
/// ```yaml
/// regions:
///   - name: {en: Africa, fr: Afrique}     # or just: name: Africa
///     countries: [DZA, AO, "024"]          # ISO 3166-1 alpha-3, alpha-2 or numeric codes
/// ```
public struct RegionTable: Sendable {
    public struct Region: Sendable, Equatable {
        /// Language tag → name, in the order written; never empty.
        public var names: [(language: String, name: String)]
        /// Alpha-3 codes, in the order written.
        public var countries: [String]

        /// The name in `language`, else the English one, else the first written.
        public func name(in language: String) -> String {
            let wanted = language.lowercased()
            return names.first { $0.language.lowercased() == wanted }?.name
                ?? names.first { $0.language.lowercased() == "en" }?.name ?? names[0].name
        }

        public static func == (a: Region, b: Region) -> Bool {
            a.countries == b.countries && a.names.elementsEqual(b.names) { $0 == $1 }
        }
    }

    public let regions: [Region]
    /// Alpha-3 code → index in `regions`.
    private let byCountry: [String: Int]

    /// The UN M49 regions shipped in `Assets/regions/un-m49.yaml`; nil when the file is not found.
    public static let unM49: RegionTable? = {
        guard let url = BundledAssets.path("regions/un-m49.yaml"), let data = try? Data(contentsOf: url) else { return nil }
        return try? RegionTable(data: data, fileName: url.lastPathComponent)
    }()

    /// Reads a table in the form above (YAML or JSON).
    /// - Throws: `RegionTableError` naming the first problem with its file, line and column.
    public init(data: Data, fileName: String, maxBytes: Int = 16 << 20) throws(RegionTableError) {
        let sink = DiagnosticSink(file: fileName)
        let reader = NodeReader(sink: sink)
        let root: SourceNode?
        do throws(ParseFailure) {
            root = try SourceDocument.tree(data, syntax: .yaml, file: 0, options: LoadOptions(maxBytes: maxBytes))
        } catch {
            sink.error(error.message, at: error.position)
            throw RegionTableError(sink.sorted[0])
        }
        var regions: [Region] = []
        var byCountry: [String: Int] = [:]
        var firstSeen: [String: SourcePosition] = [:]
        if let root, let fields = reader.fields(root, path: .root, known: ["regions"], expected: "a mapping with \"regions\""),
           let node = fields.required("regions"), let items = reader.list(node, path: FieldPath.root.appending("regions")) {
            if items.isEmpty { sink.error("expected at least one region", at: node.position, path: FieldPath.root.appending("regions")) }
            for (i, item) in items.enumerated() where sink.errorCount == 0 {
                let path = FieldPath.root.appending("regions").appending(i)
                guard let entry = reader.fields(item, path: path, known: ["name", "countries"]),
                      let names = entry.required("name").flatMap({ Self.names($0, path: path.appending("name"), reader: reader) }),
                      let list = entry.required("countries").flatMap({ reader.list($0, path: path.appending("countries")) }) else { continue }
                var codes: [String] = []
                for (k, codeNode) in list.enumerated() {
                    let codePath = path.appending("countries").appending(k)
                    guard let code = reader.text(codeNode, path: codePath, nonEmpty: true) else { break }
                    guard let country = CountryTable.bundled?.country(code: code) else {
                        sink.error("unknown country code \(Quoting.quoted(code)) (expected ISO 3166-1 alpha-3, alpha-2 or numeric)",
                                   at: codeNode.position, path: codePath)
                        break
                    }
                    if let first = firstSeen[country.alpha3] {
                        sink.error("\(country.name) is in two regions (\(sink.firstAt(first, seenFrom: codeNode.position)))",
                                   at: codeNode.position, path: codePath)
                        break
                    }
                    firstSeen[country.alpha3] = codeNode.position
                    byCountry[country.alpha3] = regions.count
                    codes.append(country.alpha3)
                }
                regions.append(Region(names: names, countries: codes))
            }
        } else if root == nil {
            sink.error("file is empty", at: .start)
        }
        if let first = sink.sorted.first(where: { $0.severity == .error }) { throw RegionTableError(first) }
        self.regions = regions
        self.byCountry = byCountry
    }

    /// A name, or a mapping from language tags to names.
    private static func names(_ node: SourceNode, path: FieldPath, reader: NodeReader) -> [(language: String, name: String)]? {
        guard case .mapping = node.content else {
            return reader.text(node, path: path, nonEmpty: true).map { [("en", $0)] }
        }
        guard let fields = reader.fields(node, path: path, known: nil, expected: "a name or a mapping from language tags to names") else {
            return nil
        }
        var names: [(language: String, name: String)] = []
        for (tag, pair) in fields.entries {
            guard LanguageTag.isValid(tag) else {
                reader.sink.error("expected a language tag such as \"en\" or \"fr\" as key, found \(Quoting.quoted(tag))",
                                  at: pair.key.position, path: path)
                return nil
            }
            guard let name = reader.text(pair.value, path: path.appending(tag), nonEmpty: true) else { return nil }
            names.append((tag, name))
        }
        if names.isEmpty { reader.sink.error("expected at least one name", at: node.position, path: path) }
        return names.isEmpty ? nil : names
    }

    /// The index in `regions` of the country with this alpha-3 code.
    public func regionIndex(ofAlpha3 code: String) -> Int? {
        byCountry[code]
    }
}

/// A region table that could not be read: the first problem, placed like every diagnostic.
public struct RegionTableError: Error, CustomStringConvertible, Sendable {
    public var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    public var description: String { diagnostic.description }
}
