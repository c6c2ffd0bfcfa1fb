/// One place of the country table: its ISO 3166-1 codes and the names it goes by.
public struct Country: Sendable, Hashable {
    /// "VN": the key of CLDR's translated names.
    public let alpha2: String
    /// "VNM": the code data files write.
    public let alpha3: String
    /// "704", kept for placing the country on a map; nil where ISO assigns none (Kosovo).
    public let numeric: String?
    /// The English short name reports print: the UN's where it differs from ISO's ("Viet Nam").
    public let name: String
    /// Other English spellings of the same place ("Vietnam", "Socialist Republic of Viet Nam").
    public let aliases: [String]

    public init(alpha2: String, alpha3: String, numeric: String?, name: String, aliases: [String] = []) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.numeric = numeric
        self.name = name
        self.aliases = aliases
    }
}
