import FolioArchive
import Foundation

/// A deck built on an organisation's template: its masters, layouts, theme and media kept, its own
/// slides dropped completely (slide list, sections, custom shows, every relationship to them and the
/// parts only they used), Folio's slides added on the layouts the template has for them.
extension DeckParts {
    static let mainTypes = (template: "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
                            slideshow: "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
                            presentation: "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")

    func parts(on template: DeckTemplate) throws -> [ZipWriter.Entry] {
        var parts = template.parts
        let main = template.mainPart
        let mainRels = TemplatePackage.relsPath(of: main)
        // 1. The template's slides and every reference to them.
        let dropped = Set(TemplatePackage.relationships(of: main, in: parts).filter { $0.type == "slide" }.map(\.target))
        for name in Array(parts.keys) where name.hasSuffix(".rels") {
            let source = Self.source(ofRels: name)
            let text = String(decoding: parts[name]!, as: UTF8.self)
            let kept = Self.replacing(#"<Relationship\b[^>]*?/>"#, in: text) { element in
                guard let target = Self.attribute("Target", in: element), !element.contains("TargetMode=\"External\"") else { return element }
                return dropped.contains(TemplatePackage.resolve(target, from: source)) ? "" : element
            }
            if kept != text { parts[name] = Array(kept.utf8) }
        }
        for slide in dropped {
            parts[slide] = nil
            parts[TemplatePackage.relsPath(of: slide)] = nil
        }
        // 2. Folio's slides, on the template's layouts.
        let layoutTitle = "../" + template.titleLayout.part.split(separator: "/").suffix(2).joined(separator: "/")
        let layoutChart = "../" + template.chartLayout.part.split(separator: "/").suffix(2).joined(separator: "/")
        var overrides: [(String, String)] = []
        var relsToAdd: [(String, String, String)] = []
        var slideIDs = ""
        func add(_ path: String, _ xml: String) { parts[path] = Array((Self.declaration + xml).utf8) }
        for number in 1...(deck.slides.count + 1) {
            let path = "ppt/slides/slide\(number).xml"
            guard parts[path] == nil else { throw SlideDeckError.archive("the template keeps a part named \(path)") }
            overrides.append(("/" + path, Self.presentationML + "slide+xml"))
            relsToAdd.append(("rIdFolio\(number)", Rel.slide, TemplatePackage.relative(path, from: main)))
            slideIDs += "<p:sldId id=\"\(255 + number)\" r:id=\"rIdFolio\(number)\"/>"
        }
        // Presenter notes hang on the template's notes master, or on Folio's when it has none.
        var notesMaster = TemplatePackage.relationships(of: main, in: parts).first { $0.type == "notesMaster" }?.target
        var notesMasterID = ""
        if hasNotes, notesMaster == nil {
            let path = "ppt/notesMasters/folio-notesMaster1.xml"
            add(path, self.notesMaster())
            add("ppt/notesMasters/_rels/folio-notesMaster1.xml.rels", relationships([("rId1", Rel.theme, "../theme/folio-notes-theme1.xml")]))
            add("ppt/theme/folio-notes-theme1.xml", theme())
            overrides.append(("/" + path, Self.presentationML + "notesMaster+xml"))
            overrides.append(("/ppt/theme/folio-notes-theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"))
            relsToAdd.append(("rIdFolioNotes", Rel.notesMaster, TemplatePackage.relative(path, from: main)))
            notesMasterID = "<p:notesMasterIdLst><p:notesMasterId r:id=\"rIdFolioNotes\"/></p:notesMasterIdLst>"
            notesMaster = path
        }
        add("ppt/slides/slide1.xml", templateTitleSlide(template.titleLayout))
        add("ppt/slides/_rels/slide1.xml.rels", relationships([("rId1", Rel.slideLayout, layoutTitle)]))
        for (index, chartSlide) in deck.slides.enumerated() {
            let number = index + 1
            let layout = template.chartLayout
            var shapes = placeholderShape(id: 2, name: "Title 1", placeholder: "type=\"title\"", box: nil,
                                          bodyProperties: Self.shrinkingBody, paragraphs: paragraph(chartSlide.title))
            var rels = [("rId1", Rel.slideLayout, layoutChart)]
            if let chart = chartSlide.chart {
                let placeholder = (layout.contentType.map { "type=\"\($0)\" " } ?? "") + "idx=\"\(layout.contentIndex ?? "1")\""
                shapes += chartWithFootnotes(chartSlide, number: number, box: layout.contentBox, placeholder: placeholder)
                let chartPath = "ppt/charts/folio-chart\(number).xml"
                let workbookPath = "ppt/embeddings/folio-chart\(number).xlsx"
                add(chartPath, ChartPart(chart: chart, language: language).xml)
                add("ppt/charts/_rels/folio-chart\(number).xml.rels",
                    relationships([("rId1", Rel.package, "../embeddings/folio-chart\(number).xlsx")]))
                parts[workbookPath] = workbooks[index] ?? []
                overrides.append(("/" + chartPath, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"))
                rels.append(("rId2", Rel.chart, "../charts/folio-chart\(number).xml"))
            } else {
                let box = Self.fitted(pixelWidth: chartSlide.pixelWidth, pixelHeight: chartSlide.pixelHeight, in: layout.contentBox)
                shapes += "<p:pic><p:nvPicPr>"
                    + "<p:cNvPr id=\"3\" name=\"Chart \(number)\" descr=\"\(XMLText.attribute(chartSlide.alternativeText))\""
                    + " title=\"\(XMLText.attribute(chartSlide.title))\"/>"
                    + "<p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
                    + "<p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
                    + "<p:spPr>\(box.xfrm)<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
                parts["ppt/media/folio-image\(number).png"] = chartSlide.png
                rels.append(("rId2", Rel.image, "../media/folio-image\(number).png"))
            }
            if let notes = chartSlide.speakerNotes, let notesMaster {
                let path = "ppt/notesSlides/folio-notesSlide\(number + 1).xml"
                add(path, notesSlide(notes))
                add("ppt/notesSlides/_rels/folio-notesSlide\(number + 1).xml.rels", relationships([
                    ("rId1", Rel.notesMaster, TemplatePackage.relative(notesMaster, from: path)),
                    ("rId2", Rel.slide, "../slides/slide\(number + 1).xml"),
                ]))
                overrides.append(("/" + path, Self.presentationML + "notesSlide+xml"))
                rels.append(("rId3", Rel.notesSlide, "../notesSlides/folio-notesSlide\(number + 1).xml"))
            }
            add("ppt/slides/slide\(number + 1).xml", slide(shapes: shapes))
            add("ppt/slides/_rels/slide\(number + 1).xml.rels", relationships(rels))
        }
        // 3. The presentation lists Folio's slides only, and is a presentation (not a template).
        var presentation = String(decoding: parts[main]!, as: UTF8.self)
        for pattern in [#"<p:sldIdLst\b[^>]*/>"#, #"<p:sldIdLst\b.*?</p:sldIdLst>"#, #"<p:custShowLst\b.*?</p:custShowLst>"#,
                        #"<p:custShowLst\b[^>]*/>"#,
                        #"<p:ext uri="\{521415D9-36F7-43E2-AB2F-B90AF26B5E84\}">.*?</p:ext>"#] {
            presentation = Self.replacing(pattern, in: presentation) { _ in "" }
        }
        let anchor = ["</p:handoutMasterIdLst>", "</p:notesMasterIdLst>", "</p:sldMasterIdLst>"]
            .compactMap { presentation.range(of: $0) }.first
        guard let anchor else { throw SlideDeckError.archive("the template's presentation has no slide master list") }
        // Schema order: sldMasterIdLst, notesMasterIdLst, handoutMasterIdLst, sldIdLst.
        presentation.insert(contentsOf: "<p:sldIdLst>\(slideIDs)</p:sldIdLst>", at: anchor.upperBound)
        if !notesMasterID.isEmpty, let masters = presentation.range(of: "</p:sldMasterIdLst>") {
            presentation.insert(contentsOf: notesMasterID, at: masters.upperBound)
        }
        parts[main] = Array(presentation.utf8)
        var mainRelsText = String(decoding: parts[mainRels] ?? Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".utf8), as: UTF8.self)
        let added = relsToAdd.map { "<Relationship Id=\"\($0.0)\" Type=\"\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
        mainRelsText = mainRelsText.replacingOccurrences(of: "</Relationships>", with: added + "</Relationships>")
        parts[mainRels] = Array(mainRelsText.utf8)
        // 4. Parts nothing reaches any more (the dropped slides' notes, charts, media) go.
        let reachable = Self.reachable(in: parts)
        for name in Array(parts.keys) where name != "[Content_Types].xml" {
            let owner = name.hasSuffix(".rels") ? Self.source(ofRels: name) : name
            if owner.isEmpty { continue }
            if !reachable.contains(owner) { parts[name] = nil }
        }
        // 5. Content types: the main part a presentation, overrides only for parts that exist.
        var types = String(decoding: parts["[Content_Types].xml"]!, as: UTF8.self)
        types = types.replacingOccurrences(of: Self.mainTypes.template, with: Self.mainTypes.presentation)
            .replacingOccurrences(of: Self.mainTypes.slideshow, with: Self.mainTypes.presentation)
        types = Self.replacing(#"<Override\b[^>]*?/>"#, in: types) { element in
            guard let name = Self.attribute("PartName", in: element) else { return element }
            return parts[String(name.dropFirst())] == nil ? "" : element
        }
        var defaults = ""
        for (ext, type) in [("png", "image/png"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
        where !types.lowercased().contains("extension=\"\(ext)\"") {
            defaults += "<Default Extension=\"\(ext)\" ContentType=\"\(type)\"/>"
        }
        let additions = defaults + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined()
        types = types.replacingOccurrences(of: "</Types>", with: additions + "</Types>")
        parts["[Content_Types].xml"] = Array(types.utf8)

        let stored: Set<String> = ["png", "jpg", "jpeg", "gif", "xlsx", "mp4", "wdp"]
        return ["[Content_Types].xml"].compactMap { name in parts[name].map { ZipWriter.Entry(path: name, bytes: $0, compressed: true) } }
            + parts.keys.filter { $0 != "[Content_Types].xml" }.sorted().map { name in
                let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
                return ZipWriter.Entry(path: name, bytes: parts[name]!, compressed: !stored.contains(ext))
            }
    }

    /// The title slide on the template's title layout.
    func templateTitleSlide(_ layout: DeckTemplate.Layout) -> String {
        var shapes = placeholderShape(id: 2, name: "Title 1", placeholder: "type=\"\(layout.titleType)\"", box: nil,
                                      bodyProperties: Self.shrinkingBody, paragraphs: paragraph(deck.title))
        if let subtitle = deck.subtitle, let index = layout.subtitleIndex {
            shapes += placeholderShape(id: 3, name: "Subtitle 2", placeholder: "type=\"subTitle\" idx=\"\(index)\"", box: nil,
                                       bodyProperties: Self.shrinkingBody, paragraphs: paragraph(subtitle))
        }
        if let footer = deck.footer, let index = layout.footerIndex {
            shapes += placeholderShape(id: 4, name: "Footer Placeholder 3", placeholder: "type=\"ftr\" sz=\"quarter\" idx=\"\(index)\"",
                                       box: nil, paragraphs: paragraph(footer))
        }
        return slide(shapes: shapes)
    }

    /// The largest box of the picture's aspect ratio in `area`, centred.
    static func fitted(pixelWidth: Int, pixelHeight: Int, in area: Box) -> Box {
        var cx = area.cx, cy = area.cy
        if pixelWidth * area.cy >= pixelHeight * area.cx {
            cy = (area.cx * pixelHeight + pixelWidth / 2) / pixelWidth
        } else {
            cx = (area.cy * pixelWidth + pixelHeight / 2) / pixelHeight
        }
        return Box(x: area.x + (area.cx - cx) / 2, y: area.y + (area.cy - cy) / 2, cx: max(1, cx), cy: max(1, cy))
    }

    /// The part a rels file belongs to ("" for the package's).
    static func source(ofRels name: String) -> String {
        guard name != "_rels/.rels" else { return "" }
        let folder = name.split(separator: "/").dropLast(2).joined(separator: "/")
        let file = String(name.split(separator: "/").last!.dropLast(5))
        return folder.isEmpty ? file : folder + "/" + file
    }

    /// Every part reached through relationships from the package's.
    static func reachable(in parts: [String: [UInt8]]) -> Set<String> {
        var seen: Set<String> = []
        var queue = [""]
        while let part = queue.popLast() {
            for rel in TemplatePackage.relationships(of: part, in: parts) where !seen.contains(rel.target) && parts[rel.target] != nil {
                seen.insert(rel.target)
                queue.append(rel.target)
            }
        }
        return seen
    }

    static func attribute(_ name: String, in element: String) -> String? {
        guard let range = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// `text` with every match of `pattern` (dot matches newlines) replaced by `transform` of it.
    static func replacing(_ pattern: String, in text: String, _ transform: (String) -> String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return text }
        let source = text as NSString
        var result = ""
        var last = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            result += transform(source.substring(with: match.range))
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }
}

extension TemplatePackage {
    /// `path` as a relationship target from `part`.
    static func relative(_ path: String, from part: String) -> String {
        let folder = part.split(separator: "/").dropLast()
        let target = path.split(separator: "/")
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: folder.count - common) + target[common...].map(String.init)).joined(separator: "/")
    }
}
