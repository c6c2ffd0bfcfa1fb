import FolioModel
import FolioArchive
import Foundation

/// The parts of the package, in the order they are zipped ([Content_Types].xml first).
///
/// Layout of the package:
///
///     [Content_Types].xml
///     _rels/.rels
///     docProps/core.xml, docProps/app.xml
///     ppt/presentation.xml, ppt/_rels/presentation.xml.rels
///     ppt/presProps.xml, ppt/viewProps.xml, ppt/tableStyles.xml
///     ppt/theme/theme1.xml
///     ppt/slideMasters/slideMaster1.xml (+ rels): layouts 1 "Title Slide" and 2 "Title Only"
///     ppt/slideLayouts/slideLayout1.xml, slideLayout2.xml (+ rels)
///     ppt/slides/slide1.xml (title slide), slide2.xml… (one per chart) (+ rels)
///     ppt/media/image1.png… (image N belongs to chart slide N, that is slide N + 1)
///
/// Every user string goes through `XMLText`; colours and the language are checked before use.
struct DeckParts {
    let deck: SlideDeck
    let geometry: DeckGeometry
    let accent: String
    let text: String
    let language: String
    /// The embedded workbook of each native chart, by index among the chart slides.
    let workbooks: [Int: [UInt8]]

    init(deck: SlideDeck) throws {
        self.deck = deck
        geometry = DeckGeometry(widescreen: deck.widescreen)
        accent = try Self.checkedColor(deck.accentColor)
        text = try Self.checkedColor(deck.textColor)
        language = try Self.checkedLanguage(deck.language)
        if let logo = deck.logo, PNGHeader.size(of: logo) == nil { throw SlideDeckError.notPNG(slide: nil) }
        var workbooks: [Int: [UInt8]] = [:]
        for (index, slide) in deck.slides.enumerated() {
            if let chart = slide.chart {
                for series in chart.series {
                    _ = try Self.checkedColor(series.color)
                    for color in series.pointColors { if let color { _ = try Self.checkedColor(color) } }
                }
                for color in [chart.textColor, chart.mutedTextColor, chart.gridColor, chart.axisColor] {
                    _ = try Self.checkedColor(color)
                }
                do {
                    workbooks[index] = try ChartSheet.workbook(of: chart).xlsx(modified: deck.modified)
                } catch { throw SlideDeckError.chartData(slide: index + 1, error.description) }
                continue
            }
            guard PNGHeader.size(of: slide.png) != nil else { throw SlideDeckError.notPNG(slide: index + 1) }
            guard (1...SlideDeck.maximumPixelSide).contains(slide.pixelWidth),
                  (1...SlideDeck.maximumPixelSide).contains(slide.pixelHeight) else {
                throw SlideDeckError.invalidPixelSize(slide: index + 1, width: slide.pixelWidth,
                                                      height: slide.pixelHeight)
            }
        }
        self.workbooks = workbooks
    }

    /// Whether any slide has presenter notes: the package then needs a notes master.
    var hasNotes: Bool { deck.slides.contains { $0.speakerNotes != nil } }

    static func checkedColor(_ value: String) throws -> String {
        let digits = value.hasPrefix("#") ? String(value.dropFirst()) : value
        guard digits.utf8.count == 6, digits.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || (65...70).contains($0 & 0xDF) })
        else { throw SlideDeckError.invalidColor(value) }
        return digits.uppercased()
    }

    static func checkedLanguage(_ value: String) throws -> String {
        guard LanguageTag.isValid(value) else { throw SlideDeckError.invalidLanguage(value) }
        return value
    }

    // MARK: - The package

    func parts() -> [ZipWriter.Entry] {
        var parts: [ZipWriter.Entry] = []
        func xml(_ path: String, _ body: String) {
            parts.append(ZipWriter.Entry(path: path, bytes: Array((Self.declaration + body).utf8), compressed: true))
        }
        let count = deck.slides.count
        xml("[Content_Types].xml", contentTypes())
        xml("_rels/.rels", relationships([
            ("rId1", Rel.officeDocument, "ppt/presentation.xml"),
            ("rId2", Rel.coreProperties, "docProps/core.xml"),
            ("rId3", Rel.extendedProperties, "docProps/app.xml"),
        ]))
        xml("docProps/core.xml", coreProperties())
        xml("docProps/app.xml", appProperties())
        xml("ppt/presentation.xml", presentation())
        var presentationRels = [("rId1", Rel.slideMaster, "slideMasters/slideMaster1.xml")]
        for number in 1...(count + 1) {
            presentationRels.append(("rId\(number + 1)", Rel.slide, "slides/slide\(number).xml"))
        }
        presentationRels += [
            ("rId\(count + 3)", Rel.presProps, "presProps.xml"),
            ("rId\(count + 4)", Rel.viewProps, "viewProps.xml"),
            ("rId\(count + 5)", Rel.tableStyles, "tableStyles.xml"),
            ("rId\(count + 6)", Rel.theme, "theme/theme1.xml"),
        ]
        if hasNotes { presentationRels.append(("rId\(count + 7)", Rel.notesMaster, "notesMasters/notesMaster1.xml")) }
        xml("ppt/_rels/presentation.xml.rels", relationships(presentationRels))
        xml("ppt/presProps.xml", "<p:presentationPr \(Self.namespaces)/>")
        xml("ppt/viewProps.xml", "<p:viewPr \(Self.namespaces)><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>")
        xml("ppt/tableStyles.xml",
            "<a:tblStyleLst xmlns:a=\"\(NS.a)\" def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>")
        xml("ppt/theme/theme1.xml", theme())
        xml("ppt/slideMasters/slideMaster1.xml", slideMaster())
        xml("ppt/slideMasters/_rels/slideMaster1.xml.rels", relationships([
            ("rId1", Rel.slideLayout, "../slideLayouts/slideLayout1.xml"),
            ("rId2", Rel.slideLayout, "../slideLayouts/slideLayout2.xml"),
            ("rId3", Rel.theme, "../theme/theme1.xml"),
        ]))
        xml("ppt/slideLayouts/slideLayout1.xml", titleSlideLayout())
        xml("ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            relationships([("rId1", Rel.slideMaster, "../slideMasters/slideMaster1.xml")]))
        xml("ppt/slideLayouts/slideLayout2.xml", titleOnlyLayout())
        xml("ppt/slideLayouts/_rels/slideLayout2.xml.rels",
            relationships([("rId1", Rel.slideMaster, "../slideMasters/slideMaster1.xml")]))
        xml("ppt/slides/slide1.xml", titleSlide())
        xml("ppt/slides/_rels/slide1.xml.rels",
            relationships([("rId1", Rel.slideLayout, "../slideLayouts/slideLayout1.xml")]
                          + (deck.logo == nil ? [] : [("rId2", Rel.image, "../media/logo.png")])))
        if let logo = deck.logo { parts.append(ZipWriter.Entry(path: "ppt/media/logo.png", bytes: logo, compressed: false)) }
        for (index, slide) in deck.slides.enumerated() {
            let number = index + 1
            xml("ppt/slides/slide\(number + 1).xml", chartSlide(slide, number: number))
            var rels = [("rId1", Rel.slideLayout, "../slideLayouts/slideLayout2.xml"),
                        slide.chart == nil ? ("rId2", Rel.image, "../media/image\(number).png")
                                           : ("rId2", Rel.chart, "../charts/chart\(number).xml")]
            if slide.speakerNotes != nil { rels.append(("rId3", Rel.notesSlide, "../notesSlides/notesSlide\(number + 1).xml")) }
            xml("ppt/slides/_rels/slide\(number + 1).xml.rels", relationships(rels))
        }
        for (index, slide) in deck.slides.enumerated() {
            let number = index + 1
            if let chart = slide.chart {
                xml("ppt/charts/chart\(number).xml", ChartPart(chart: chart, language: language).xml)
                xml("ppt/charts/_rels/chart\(number).xml.rels",
                    relationships([("rId1", Rel.package, "../embeddings/Microsoft_Excel_Worksheet\(number).xlsx")]))
                parts.append(ZipWriter.Entry(path: "ppt/embeddings/Microsoft_Excel_Worksheet\(number).xlsx",
                                             bytes: workbooks[index] ?? [], compressed: false))
            } else {
                parts.append(ZipWriter.Entry(path: "ppt/media/image\(number).png", bytes: slide.png, compressed: false))
            }
        }
        if hasNotes {
            xml("ppt/notesMasters/notesMaster1.xml", notesMaster())
            xml("ppt/notesMasters/_rels/notesMaster1.xml.rels",
                relationships([("rId1", Rel.theme, "../theme/theme2.xml")]))
            xml("ppt/theme/theme2.xml", theme())
            for (index, slide) in deck.slides.enumerated() {
                guard let notes = slide.speakerNotes else { continue }
                let number = index + 2
                xml("ppt/notesSlides/notesSlide\(number).xml", notesSlide(notes))
                xml("ppt/notesSlides/_rels/notesSlide\(number).xml.rels", relationships([
                    ("rId1", Rel.notesMaster, "../notesMasters/notesMaster1.xml"),
                    ("rId2", Rel.slide, "../slides/slide\(number).xml"),
                ]))
            }
        }
        return parts
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    enum NS {
        static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
        static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        static let p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    }

    static let namespaces = "xmlns:a=\"\(NS.a)\" xmlns:r=\"\(NS.r)\" xmlns:p=\"\(NS.p)\""

    enum Rel {
        static let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        static let officeDocument = office + "officeDocument"
        static let extendedProperties = office + "extended-properties"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let slideMaster = office + "slideMaster"
        static let slideLayout = office + "slideLayout"
        static let slide = office + "slide"
        static let theme = office + "theme"
        static let presProps = office + "presProps"
        static let viewProps = office + "viewProps"
        static let tableStyles = office + "tableStyles"
        static let image = office + "image"
        static let chart = office + "chart"
        static let package = office + "package"
        static let notesMaster = office + "notesMaster"
        static let notesSlide = office + "notesSlide"
    }

    func relationships(_ rels: [(id: String, type: String, target: String)]) -> String {
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + rels.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    func contentTypes() -> String {
        let pml = "application/vnd.openxmlformats-officedocument.presentationml."
        var overrides: [(String, String)] = [
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            ("/ppt/presentation.xml", pml + "presentation.main+xml"),
            ("/ppt/presProps.xml", pml + "presProps+xml"),
            ("/ppt/viewProps.xml", pml + "viewProps+xml"),
            ("/ppt/tableStyles.xml", pml + "tableStyles+xml"),
            ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml"),
            ("/ppt/slideLayouts/slideLayout2.xml", pml + "slideLayout+xml"),
        ]
        for number in 1...(deck.slides.count + 1) {
            overrides.append(("/ppt/slides/slide\(number).xml", pml + "slide+xml"))
        }
        overrides += chartOverrides
        let workbook = workbooks.isEmpty ? ""
            : "<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"
        return "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"png\" ContentType=\"image/png\"/>" + workbook
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined()
            + "</Types>"
    }

    // MARK: - Properties

    func coreProperties() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        let date = formatter.string(from: deck.modified)
        return "<cp:coreProperties"
            + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.content(deck.title))</dc:title>"
            + "<dc:creator>Folio</dc:creator><dc:language>\(language)</dc:language>"
            + "<cp:lastModifiedBy>Folio</cp:lastModifiedBy><cp:revision>1</cp:revision>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(date)</dcterms:modified>"
            + "</cp:coreProperties>"
    }

    func appProperties() -> String {
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
            + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + "<Application>Folio</Application>"
            + "<PresentationFormat>\(deck.widescreen ? "Widescreen" : "On-screen Show (4:3)")</PresentationFormat>"
            + "<Slides>\(deck.slides.count + 1)</Slides>"
            + "</Properties>"
    }

    // MARK: - Presentation, theme, master, layouts

    func presentation() -> String {
        let size = deck.widescreen
            ? "<p:sldSz cx=\"\(geometry.width)\" cy=\"\(geometry.height)\"/>"
            : "<p:sldSz cx=\"\(geometry.width)\" cy=\"\(geometry.height)\" type=\"screen4x3\"/>"
        let slideIDs = (0...deck.slides.count).map { "<p:sldId id=\"\(256 + $0)\" r:id=\"rId\($0 + 2)\"/>" }.joined()
        return "<p:presentation \(Self.namespaces) saveSubsetFonts=\"1\">"
            + "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
            + (hasNotes ? "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId\(deck.slides.count + 7)\"/></p:notesMasterIdLst>" : "")
            + "<p:sldIdLst>\(slideIDs)</p:sldIdLst>"
            + size
            + "<p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
            + "<p:defaultTextStyle><a:defPPr><a:defRPr lang=\"\(language)\"/></a:defPPr>"
            + "<a:lvl1pPr marL=\"0\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\">"
            + "<a:defRPr sz=\"1800\" kern=\"1200\">\(Self.fill("tx1"))"
            + "<a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr>"
            + "</a:lvl1pPr></p:defaultTextStyle>"
            + "</p:presentation>"
    }

    func theme() -> String {
        let font = XMLText.attribute(deck.fontFamily)
        func color(_ name: String, _ hex: String) -> String { "<a:\(name)><a:srgbClr val=\"\(hex)\"/></a:\(name)>" }
        let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        let lines = [6350, 12700, 19050].map {
            "<a:ln w=\"\($0)\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">\(solid)<a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>"
        }.joined()
        let fonts = "<a:latin typeface=\"\(font)\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
        return "<a:theme xmlns:a=\"\(NS.a)\" name=\"Folio\"><a:themeElements>"
            + "<a:clrScheme name=\"Folio\">"
            + color("dk1", text) + color("lt1", "FFFFFF") + color("dk2", text) + color("lt2", "F2F2F2")
            + color("accent1", accent) + color("accent2", "ED7D31") + color("accent3", "A5A5A5")
            + color("accent4", "FFC000") + color("accent5", "5B9BD5") + color("accent6", "70AD47")
            + color("hlink", accent) + color("folHlink", "954F72")
            + "</a:clrScheme>"
            + "<a:fontScheme name=\"Folio\"><a:majorFont>\(fonts)</a:majorFont><a:minorFont>\(fonts)</a:minorFont></a:fontScheme>"
            + "<a:fmtScheme name=\"Folio\">"
            + "<a:fillStyleLst>\(solid)\(solid)\(solid)</a:fillStyleLst>"
            + "<a:lnStyleLst>\(lines)</a:lnStyleLst>"
            + "<a:effectStyleLst>" + String(repeating: "<a:effectStyle><a:effectLst/></a:effectStyle>", count: 3)
            + "</a:effectStyleLst>"
            + "<a:bgFillStyleLst>\(solid)\(solid)\(solid)</a:bgFillStyleLst>"
            + "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    }

    static func fill(_ scheme: String) -> String { "<a:solidFill><a:schemeClr val=\"\(scheme)\"/></a:solidFill>" }

    static let majorFonts = "<a:latin typeface=\"+mj-lt\"/><a:ea typeface=\"+mj-ea\"/><a:cs typeface=\"+mj-cs\"/>"
    static let minorFonts = "<a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/>"

    /// The group that every shape tree starts with.
    static let treeStart = "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/>"
        + "<a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"

    /// A placeholder shape. `placeholder` is the inside of `<p:ph …/>`; `box` nil inherits the position.
    func placeholderShape(id: Int, name: String, placeholder: String, box: Box?, bodyProperties: String = "<a:bodyPr/>",
                          listStyle: String = "<a:lstStyle/>", paragraphs: String) -> String {
        "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"\(name)\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
            + "<p:nvPr><p:ph \(placeholder)/></p:nvPr></p:nvSpPr>"
            + (box.map { "<p:spPr>\($0.xfrm)</p:spPr>" } ?? "<p:spPr/>")
            + "<p:txBody>\(bodyProperties)\(listStyle)\(paragraphs)</p:txBody></p:sp>"
    }

    var emptyParagraph: String { "<a:p><a:endParaRPr lang=\"\(language)\"/></a:p>" }

    /// One paragraph of user text; its line ends become line breaks. `themeFont` names the theme's body
    /// font on every run (LibreOffice draws a footer in its own default font otherwise).
    func paragraph(_ userText: String, themeFont: Bool = false) -> String {
        let lines = XMLText.cleaned(userText).split(separator: "\n", omittingEmptySubsequences: false)
        let properties = themeFont
            ? "<a:rPr lang=\"\(language)\" dirty=\"0\"><a:latin typeface=\"+mn-lt\"/></a:rPr>"
            : "<a:rPr lang=\"\(language)\" dirty=\"0\"/>"
        let runs = lines.map { line in
            line.isEmpty ? "" : "<a:r>\(properties)<a:t>\(XMLText.content(String(line)))</a:t></a:r>"
        }.joined(separator: "<a:br>\(properties)</a:br>")
        let direction = deck.rightToLeft ? "<a:pPr rtl=\"1\"/>" : ""
        return "<a:p>\(direction)\(runs)<a:endParaRPr lang=\"\(language)\" dirty=\"0\"/></a:p>"
    }

    /// The footer's text style, spelt out in master and layout.
    static let footerListStyle = "<a:lstStyle><a:lvl1pPr algn=\"ctr\"><a:defRPr sz=\"1200\">\(fill("tx1"))\(minorFonts)</a:defRPr></a:lvl1pPr></a:lstStyle>"

    /// Text shrinks to fit its box (LibreOffice applies it as it lays out; PowerPoint when the text is edited).
    static let shrinkingBody = "<a:bodyPr><a:normAutofit/></a:bodyPr>"

    static let autofitBody = "<a:bodyPr vert=\"horz\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\" rtlCol=\"0\" anchor=\"b\"><a:normAutofit/></a:bodyPr>"

    func slideMaster() -> String {
        let title = placeholderShape(id: 2, name: "Title Placeholder 1", placeholder: "type=\"title\"", box: geometry.title,
                                     bodyProperties: Self.autofitBody, paragraphs: emptyParagraph)
        let body = placeholderShape(id: 3, name: "Text Placeholder 2", placeholder: "type=\"body\" idx=\"1\"",
                                    box: geometry.pictureArea,
                                    bodyProperties: "<a:bodyPr vert=\"horz\" rtlCol=\"0\"><a:normAutofit/></a:bodyPr>",
                                    paragraphs: emptyParagraph)
        let footer = placeholderShape(id: 4, name: "Footer Placeholder 3", placeholder: "type=\"ftr\" sz=\"quarter\" idx=\"11\"",
                                      box: geometry.footer, bodyProperties: "<a:bodyPr vert=\"horz\" rtlCol=\"0\" anchor=\"ctr\"/>",
                                      listStyle: Self.footerListStyle,
                                      paragraphs: emptyParagraph)
        let bodyLevels = (1...3).map { level -> String in
            let indent = 228_600
            let size = [2400, 2000, 1800][level - 1]
            return "<a:lvl\(level)pPr marL=\"\(indent * (2 * level - 1))\" indent=\"-\(indent)\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\">"
                + "<a:lnSpc><a:spcPct val=\"90000\"/></a:lnSpc><a:spcBef><a:spcPts val=\"1000\"/></a:spcBef>"
                + "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>"
                + "<a:defRPr sz=\"\(size)\" kern=\"1200\">\(Self.fill("tx1"))\(Self.minorFonts)</a:defRPr></a:lvl\(level)pPr>"
        }.joined()
        return "<p:sldMaster \(Self.namespaces)>"
            + "<p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>"
            + Self.treeStart + title + body + footer + "</p:spTree></p:cSld>"
            + "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\""
            + " accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
            + "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/><p:sldLayoutId id=\"2147483650\" r:id=\"rId2\"/></p:sldLayoutIdLst>"
            + "<p:txStyles>"
            + "<p:titleStyle><a:lvl1pPr algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\">"
            + "<a:lnSpc><a:spcPct val=\"90000\"/></a:lnSpc><a:spcBef><a:spcPct val=\"0\"/></a:spcBef><a:buNone/>"
            + "<a:defRPr sz=\"3200\" b=\"1\" kern=\"1200\">\(Self.fill("tx1"))\(Self.majorFonts)</a:defRPr></a:lvl1pPr></p:titleStyle>"
            + "<p:bodyStyle>\(bodyLevels)</p:bodyStyle>"
            + "<p:otherStyle><a:defPPr><a:defRPr lang=\"\(language)\"/></a:defPPr>"
            + "<a:lvl1pPr marL=\"0\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\">"
            + "<a:defRPr sz=\"1800\" kern=\"1200\">\(Self.fill("tx1"))\(Self.minorFonts)</a:defRPr></a:lvl1pPr></p:otherStyle>"
            + "</p:txStyles></p:sldMaster>"
    }

    func layout(type: String, name: String, shapes: String) -> String {
        "<p:sldLayout \(Self.namespaces) type=\"\(type)\" preserve=\"1\">"
            + "<p:cSld name=\"\(name)\">\(Self.treeStart)\(shapes)</p:spTree></p:cSld>"
            + "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    }

    func titleSlideLayout() -> String {
        let title = placeholderShape(
            id: 2, name: "Title 1", placeholder: "type=\"ctrTitle\"", box: geometry.centeredTitle,
            bodyProperties: "<a:bodyPr anchor=\"b\"><a:normAutofit/></a:bodyPr>",
            listStyle: "<a:lstStyle><a:lvl1pPr algn=\"ctr\"><a:defRPr sz=\"4400\">\(Self.fill("accent1"))</a:defRPr></a:lvl1pPr></a:lstStyle>",
            paragraphs: emptyParagraph)
        let subtitle = placeholderShape(
            id: 3, name: "Subtitle 2", placeholder: "type=\"subTitle\" idx=\"1\"", box: geometry.subtitle,
            bodyProperties: "<a:bodyPr><a:normAutofit/></a:bodyPr>",
            listStyle: "<a:lstStyle><a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"ctr\"><a:buNone/><a:defRPr sz=\"2400\"/></a:lvl1pPr></a:lstStyle>",
            paragraphs: emptyParagraph)
        let footer = placeholderShape(id: 4, name: "Footer Placeholder 3", placeholder: "type=\"ftr\" sz=\"quarter\" idx=\"11\"",
                                      box: geometry.footer, bodyProperties: "<a:bodyPr vert=\"horz\" rtlCol=\"0\" anchor=\"ctr\"/>",
                                      listStyle: Self.footerListStyle, paragraphs: emptyParagraph)
        return layout(type: "title", name: "Title Slide", shapes: title + subtitle + footer)
    }

    func titleOnlyLayout() -> String {
        let title = placeholderShape(id: 2, name: "Title 1", placeholder: "type=\"title\"", box: geometry.title,
                                     bodyProperties: Self.autofitBody, paragraphs: emptyParagraph)
        return layout(type: "titleOnly", name: "Title Only", shapes: title)
    }

    // MARK: - Slides

    func slide(shapes: String) -> String {
        "<p:sld \(Self.namespaces)><p:cSld>\(Self.treeStart)\(shapes)</p:spTree></p:cSld>"
            + "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    }

    func titleSlide() -> String {
        var shapes = placeholderShape(id: 2, name: "Title 1", placeholder: "type=\"ctrTitle\"", box: nil,
                                      bodyProperties: Self.shrinkingBody,
                                      paragraphs: paragraph(deck.title))
        if let subtitle = deck.subtitle {
            shapes += placeholderShape(id: 3, name: "Subtitle 2", placeholder: "type=\"subTitle\" idx=\"1\"", box: nil,
                                       bodyProperties: Self.shrinkingBody,
                                       paragraphs: paragraph(subtitle))
        }
        if let footer = deck.footer {
            shapes += placeholderShape(id: 4, name: "Footer Placeholder 3",
                                       placeholder: "type=\"ftr\" sz=\"quarter\" idx=\"11\"", box: nil,
                                       paragraphs: paragraph(footer, themeFont: true))
        }
        if let logo = deck.logo, let size = PNGHeader.size(of: logo) {
            let box = geometry.logo(pixelWidth: size.width, pixelHeight: size.height, rightToLeft: deck.rightToLeft)
            shapes += "<p:pic><p:nvPicPr><p:cNvPr id=\"5\" name=\"Logo\" descr=\"\(XMLText.attribute(deck.footer ?? deck.title))\"/>"
                + "<p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
                + "<p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
                + "<p:spPr>\(box.xfrm)<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
        }
        return slide(shapes: shapes)
    }

    func chartSlide(_ chart: DeckSlide, number: Int) -> String {
        let title = placeholderShape(id: 2, name: "Title 1", placeholder: "type=\"title\"", box: nil,
                                     bodyProperties: Self.shrinkingBody,
                                     paragraphs: paragraph(chart.title))
        if chart.chart != nil {
            return slide(shapes: title + chartWithFootnotes(chart, number: number, box: geometry.pictureArea, placeholder: nil))
        }
        let box = geometry.picture(pixelWidth: chart.pixelWidth, pixelHeight: chart.pixelHeight)
        let picture = "<p:pic><p:nvPicPr>"
            + "<p:cNvPr id=\"3\" name=\"Chart \(number)\" descr=\"\(XMLText.attribute(chart.alternativeText))\""
            + " title=\"\(XMLText.attribute(chart.title))\"/>"
            + "<p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
            + "<p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
            + "<p:spPr>\(box.xfrm)<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
        return slide(shapes: title + picture)
    }
}
