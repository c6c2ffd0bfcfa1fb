import Foundation

/// Numbers, percentages, dates, lists and quotation marks as a language writes them, from CLDR
/// through Foundation (ICU): "1 234" and "110 %" in French, "6 de diciembre de 2026" in Spanish.
///
/// Everything is formatted in UTC and the Gregorian calendar, with no dependence on the machine's
/// locale or time zone, so the same input gives the same bytes everywhere.
public struct LocaleFormats: Sendable {
    public let locale: Locale
    public let plurals: PluralRules
    private let integerStyle: IntegerFormatStyle<Int>
    private let percentStyle: IntegerFormatStyle<Int>.Percent
    private let dateStyle: Date.FormatStyle

    /// - Parameter numbering: a CLDR numbering system ("arab" for Arabic-Indic digits, "latn"), or
    ///   nil for the language's default.
    public init(language: String, numbering: String? = nil) {
        var identifier = language.replacingOccurrences(of: "-", with: "_")
        if let numbering, !numbering.isEmpty { identifier += "@numbers=" + numbering }
        locale = Locale(identifier: identifier)
        plurals = PluralRules(language: language)
        integerStyle = IntegerFormatStyle<Int>(locale: locale)
        percentStyle = IntegerFormatStyle<Int>.Percent(locale: locale)
        var calendar = Calendar(identifier: .gregorian)
        let utc = TimeZone(identifier: "UTC")!
        calendar.timeZone = utc
        dateStyle = Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: utc)
    }

    /// A whole number with the language's grouping: "1,234", "1 234" (U+202F), "1.234".
    public func integer(_ value: Int) -> String { value.formatted(integerStyle) }

    /// A whole percentage (110 for 1.1) with the language's sign and spacing: "110%", "110 %".
    /// Callers round, so English and French round the same way.
    public func percent(wholePercent: Int) -> String { wholePercent.formatted(percentStyle) }

    /// A large number in the language's short form: "2.5M", "2,5 M", "250万".
    public func compact(_ value: Double) -> String {
        value.formatted(FloatingPointFormatStyle<Double>(locale: locale).notation(.compactName).precision(.fractionLength(0...1)))
    }

    /// A number with at most `fractionDigits` decimals, no trailing zeros: "2.5", "2,5".
    public func decimal(_ value: Double, maxFractionDigits: Int) -> String {
        value.formatted(FloatingPointFormatStyle<Double>(locale: locale).precision(.fractionLength(0...maxFractionDigits)))
    }

    /// The long form of a day: "6 December 2026", "6 décembre 2026", "2026年12月6日".
    public func longDate(_ date: Date) -> String { date.formatted(dateStyle) }

    /// "A, B and C", "A, B et C", "A、B和C".
    public func list(_ items: [String]) -> String {
        items.formatted(.list(type: .and).locale(locale))
    }

    /// Text in the language's quotation marks: “…” in English, « … » in French.
    public func quoted(_ text: String) -> String {
        let open = locale.quotationBeginDelimiter ?? "\u{201C}"
        let close = locale.quotationEndDelimiter ?? "\u{201D}"
        // French sets its guillemets off with a narrow no-break space.
        let pad = open == "\u{00AB}" && locale.language.languageCode?.identifier == "fr" ? "\u{202F}" : ""
        return open + pad + text + pad + close
    }
}
