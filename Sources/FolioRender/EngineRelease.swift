extension Renderer {
    /// The release of the drawing engine: part of every cache key and build fingerprint, so changing
    /// how anything is drawn (and bumping this) invalidates outputs made by the previous engine.
    public static let engineRelease = "folio-engine-5"
}
