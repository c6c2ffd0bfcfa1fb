/// Placeholder until the deck writer lands.
public enum SlideDeckPlaceholder {}
