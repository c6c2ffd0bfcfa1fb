/// What a spreadsheet cell holds, as Folio reads and writes it: text, a number, or nothing.
///
/// Formulas, dates and booleans are not Folio's data: a reader meets them as typed values it
/// reports (see the reader), and the writer never produces them.
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
}

extension Cell: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}
