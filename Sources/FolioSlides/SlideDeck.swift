import FolioArchive
import Foundation

/// One chart slide: a title above a picture or a native chart.
public struct DeckSlide: Sendable, Equatable {
    /// Shown in the slide's title placeholder (line breaks become line breaks).
    public var title: String
    /// The picture's alternative text: its `descr`, what a screen reader reads.
    public var alternativeText: String
    /// The chart as PNG bytes, usually high resolution (3840×2160, 1920×1080…).
    public var png: [UInt8]
    /// Size of the image in pixels: only its aspect ratio matters, the picture is fitted to the slide.
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// A chart PowerPoint draws, with its data embedded: when set, the slide holds it instead of the picture.
    public var chart: NativeChart?
    /// The presenter's notes under the slide (a notes page); nil writes none.
    public var speakerNotes: String?
    /// Lines printed under a native chart, in small type: its notes and source (a picture carries
    /// its own).
    public var footnotes: [String] = []

    public init(title: String, alternativeText: String, png: [UInt8], pixelWidth: Int, pixelHeight: Int,
                speakerNotes: String? = nil) {
        self.title = title
        self.alternativeText = alternativeText
        self.png = png
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.speakerNotes = speakerNotes
    }

    /// A slide of a native chart.
    public init(title: String, alternativeText: String, chart: NativeChart, speakerNotes: String? = nil,
                footnotes: [String] = []) {
        self.init(title: title, alternativeText: alternativeText, png: [], pixelWidth: 16, pixelHeight: 9,
                  speakerNotes: speakerNotes)
        self.chart = chart
        self.footnotes = footnotes
    }

    /// A slide whose pixel size is read from the PNG's header.
    public init(title: String, alternativeText: String, png: [UInt8]) throws {
        guard let size = PNGHeader.size(of: png) else { throw SlideDeckError.notPNG(slide: nil) }
        self.init(title: title, alternativeText: alternativeText, png: png,
                  pixelWidth: size.width, pixelHeight: size.height)
    }
}

public enum SlideDeckError: Error, Equatable, CustomStringConvertible {
    /// A colour that is not six hexadecimal digits.
    case invalidColor(String)
    /// A language that is not a BCP 47 tag (letters and digits in subtags of 1 to 8, joined by "-").
    case invalidLanguage(String)
    /// The bytes of a slide's picture (1-based slide number among the charts) are not a PNG.
    case notPNG(slide: Int?)
    /// A picture's pixel size is not positive or is beyond `SlideDeck.maximumPixelSide`.
    case invalidPixelSize(slide: Int, width: Int, height: Int)
    /// The ZIP container could not be written.
    case archive(String)
    /// The data of a native chart (1-based slide number among the charts) could not be written as a workbook.
    case chartData(slide: Int, String)

    public var description: String {
        switch self {
        case .invalidColor(let value):
            return "colour \"\(value)\" is not six hexadecimal digits (like 1D4E89)"
        case .invalidLanguage(let value):
            return "language \"\(value)\" is not a BCP 47 tag (like en-US)"
        case .notPNG(let slide):
            return slide.map { "the picture of chart slide \($0) is not a PNG" } ?? "the picture is not a PNG"
        case .invalidPixelSize(let slide, let width, let height):
            return "the picture of chart slide \(slide) has an invalid pixel size \(width)×\(height)"
        case .archive(let message):
            return "could not write the deck's ZIP container: \(message)"
        case .chartData(let slide, let message):
            return "the data of chart slide \(slide) cannot be embedded: \(message)"
        }
    }
}

/// A PowerPoint deck: a title slide, then one slide per chart.
public struct SlideDeck: Sendable {
    /// The title slide's title, also the document title in the file's properties.
    public var title: String
    /// The title slide's subtitle; nil leaves it out.
    public var subtitle: String?
    /// Text of the title slide's footer; nil leaves it out.
    public var footer: String?
    public var slides: [DeckSlide]
    /// 16:9, 13.333 in × 7.5 in (12192000 × 6858000 EMU); false gives 4:3, 10 in × 7.5 in.
    public var widescreen = true
    /// Latin typeface of the theme's heading and body fonts.
    public var fontFamily = "Noto Sans"
    /// Theme colours, six hexadecimal digits without "#": accent 1 (the title slide's title) and text 1.
    public var accentColor = "1D4E89"
    public var textColor = "1F2328"
    /// Language of the text (BCP 47), written on every run and in the file's properties.
    public var language = "en-US"
    /// Paragraphs read right to left (Arabic): PowerPoint then aligns and orders them as their readers expect.
    public var rightToLeft = false
    /// Creation and modification date in the file's properties and of every ZIP entry: fixed, so the
    /// same input gives the same bytes.
    public var modified: Date = SlideDeck.defaultDate
    /// The organisation's template the deck is built on (its masters, layouts, theme and slide size);
    /// nil uses Folio's own.
    public var template: DeckTemplate?
    /// The organisation's logo as PNG bytes, in the title slide's top corner on the reading side;
    /// nil leaves it out. A template's own masters carry its logo, so template decks do not add it.
    public var logo: [UInt8]?

    /// 2000-01-01T00:00:00Z.
    public static let defaultDate = Date(timeIntervalSince1970: 946_684_800)
    /// Largest accepted pixel side (pixel sizes only set an aspect ratio; this keeps the arithmetic exact).
    public static let maximumPixelSide = 1_000_000

    public init(title: String, subtitle: String? = nil, footer: String? = nil, slides: [DeckSlide] = [],
                widescreen: Bool = true, fontFamily: String = "Noto Sans", accentColor: String = "1D4E89",
                textColor: String = "1F2328", language: String = "en-US", modified: Date = SlideDeck.defaultDate) {
        self.title = title
        self.subtitle = subtitle
        self.footer = footer
        self.slides = slides
        self.widescreen = widescreen
        self.fontFamily = fontFamily
        self.accentColor = accentColor
        self.textColor = textColor
        self.language = language
        self.modified = modified
    }

    /// A complete .pptx (Office Open XML PresentationML) in memory, byte-identical for the same input.
    public func pptx() throws -> [UInt8] {
        let builder = try DeckParts(deck: self)
        let parts = try template.map { try builder.parts(on: $0) } ?? builder.parts()
        do { return try ZipWriter.archive(parts, date: modified) } catch { throw SlideDeckError.archive(error.message) }
    }
}

/// Reads the pixel size in a PNG's IHDR chunk.
enum PNGHeader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func size(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }
}
