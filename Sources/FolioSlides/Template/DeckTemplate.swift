import Foundation

/// Why an organisation's template cannot carry a deck; `file` is the path as given.
public enum DeckTemplateError: Error, Equatable, CustomStringConvertible {
    case unreadable(String, String)
    case unusable(String, String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read the template: \(reason)"
        case .unusable(let file, let reason): return "\(file): not a usable PowerPoint deck or template: \(reason)"
        }
    }
}

/// An organisation's .pptx or .potx, checked and understood: its parts, and which of its layouts
/// carry the title slide and the chart slides (found by their placeholders' types, never by
/// name: names are localised and renamed), with the slide size and the content placeholder's frame.
public struct DeckTemplate: Sendable, Equatable {
    /// The path as given, for messages.
    public let file: String
    let parts: [String: [UInt8]]
    let mainPart: String
    let slideWidth: Int
    let slideHeight: Int
    let titleLayout: Layout
    let chartLayout: Layout

    /// A layout Folio puts slides on, and the placeholders its slides fill.
    struct Layout: Sendable, Equatable {
        var part: String
        /// `ctrTitle` or `title`.
        var titleType: String
        /// The subtitle placeholder's idx, when the layout has one.
        var subtitleIndex: String?
        /// The footer placeholder's idx, when the layout has one (the title slide's footer goes there).
        var footerIndex: String? = nil
        /// The content placeholder (type and idx) and its frame; nil type for `obj`.
        var contentType: String?
        var contentIndex: String?
        var contentBox: Box
    }

    /// Largest template read: a corporate template with its pictures fits well below.
    public static let maximumBytes = TemplateArchive.limits.maxFileBytes

    /// The template at `path`, or nil for none.
    public static func load(_ path: String?) throws(DeckTemplateError) -> DeckTemplate? {
        guard let path else { return nil }
        return try DeckTemplate(contentsOf: path)
    }

    public init(contentsOf path: String) throws(DeckTemplateError) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw .unreadable(path, "no such file")
        }
        if let size = attributes[.size] as? Int, size > Self.maximumBytes {
            throw .unusable(path, "larger than \(Self.maximumBytes >> 20) MB")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, "cannot open it") }
        try self.init(bytes: [UInt8](data), file: path)
    }

    public init(bytes: [UInt8], file: String) throws(DeckTemplateError) {
        self.file = file
        let parts = try TemplateArchive.parts(of: bytes, file: file)
        let package = try TemplatePackage(parts: parts, file: file)
        self.parts = parts
        mainPart = package.mainPart
        (slideWidth, slideHeight) = try package.slideSize()
        (titleLayout, chartLayout) = try package.layouts()
    }
}
