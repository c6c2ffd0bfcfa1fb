/// A text field's texts in languages other than the data's own `language:`.
///
/// The model keeps one plain `String` per field, in the data's language, so that everything that
/// draws a report reads it as before; the other languages sit beside it in `Report.translations`,
/// keyed by the field's path, until `Report.edition(language:)` picks one.
public struct Translation: Sendable, Equatable {
    /// Language tag (as written in the data) → text. Never holds the data's own language.
    public var texts: [String: String]

    public init(_ texts: [String: String]) {
        self.texts = texts
    }
}
