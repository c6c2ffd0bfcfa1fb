import FolioArchive

/// Native charts and presenter notes: the parts a deck of pictures does without, so such a deck
/// keeps exactly its bytes.
extension DeckParts {
    static let presentationML = "application/vnd.openxmlformats-officedocument.presentationml."

    /// Content types of the chart parts, notes master and notes slides.
    var chartOverrides: [(String, String)] {
        var overrides: [(String, String)] = []
        for (index, slide) in deck.slides.enumerated() where slide.chart != nil {
            overrides.append(("/ppt/charts/chart\(index + 1).xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"))
        }
        if hasNotes {
            overrides.append(("/ppt/notesMasters/notesMaster1.xml", Self.presentationML + "notesMaster+xml"))
            overrides.append(("/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"))
            for (index, slide) in deck.slides.enumerated() where slide.speakerNotes != nil {
                overrides.append(("/ppt/notesSlides/notesSlide\(index + 2).xml", Self.presentationML + "notesSlide+xml"))
            }
        }
        return overrides
    }

    /// The frame holding chart `number` (its part is related as rId2), with the alternative text as
    /// `descr`. `placeholder` is the inside of `<p:ph …/>` when the frame fills a layout's content placeholder.
    func chartFrame(_ slide: DeckSlide, number: Int, box: Box, placeholder: String?) -> String {
        "<p:graphicFrame><p:nvGraphicFramePr>"
            + "<p:cNvPr id=\"3\" name=\"Chart \(number)\" descr=\"\(XMLText.attribute(slide.alternativeText))\""
            + " title=\"\(XMLText.attribute(slide.title))\"/>"
            + "<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr>"
            + (placeholder.map { "<p:nvPr><p:ph \($0)/></p:nvPr>" } ?? "<p:nvPr/>") + "</p:nvGraphicFramePr>"
            + "<p:xfrm><a:off x=\"\(box.x)\" y=\"\(box.y)\"/><a:ext cx=\"\(box.cx)\" cy=\"\(box.cy)\"/></p:xfrm>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
            + "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"rId2\"/>"
            + "</a:graphicData></a:graphic></p:graphicFrame>"
    }

    /// The chart's frame in `box`, less room at the bottom for its footnotes (notes and source),
    /// which follow in a text box in small grey type, one paragraph a line.
    func chartWithFootnotes(_ slide: DeckSlide, number: Int, box: Box, placeholder: String?) -> String {
        guard !slide.footnotes.isEmpty else { return chartFrame(slide, number: number, box: box, placeholder: placeholder) }
        let lineHeight = 190_500                     // 15 pt: 11 pt type and its leading
        let height = min(box.cy / 3, lineHeight * slide.footnotes.count + 91_440)
        let chart = Box(x: box.x, y: box.y, cx: box.cx, cy: box.cy - height)
        let notes = Box(x: box.x, y: box.y + box.cy - height, cx: box.cx, cy: height)
        let run = "<a:rPr lang=\"\(language)\" sz=\"1100\" dirty=\"0\"><a:solidFill><a:schemeClr val=\"tx1\">"
            + "<a:lumMod val=\"65000\"/><a:lumOff val=\"35000\"/></a:schemeClr></a:solidFill></a:rPr>"
        let direction = deck.rightToLeft ? "<a:pPr rtl=\"1\"/>" : ""
        let paragraphs = slide.footnotes.map { line in
            "<a:p>\(direction)<a:r>\(run)<a:t>\(XMLText.content(line))</a:t></a:r></a:p>"
        }.joined()
        return chartFrame(slide, number: number, box: chart, placeholder: placeholder)
            + "<p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Chart notes \(number)\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
            + "<p:spPr>\(notes.xfrm)<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"
            + "<p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"45720\" rIns=\"0\" bIns=\"0\" anchor=\"b\"><a:normAutofit/></a:bodyPr>"
            + "<a:lstStyle/>\(paragraphs)</p:txBody></p:sp>"
    }

    /// A notes master of the notes page's two places: the slide's image above, the notes below.
    func notesMaster() -> String {
        let image = "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>"
            + "<p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr>"
            + "<p:spPr>\(Box(x: 685_800, y: 1_143_000, cx: 5_486_400, cy: 3_086_100).xfrm)"
            + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln w=\"12700\">\(Self.fill("tx1"))</a:ln></p:spPr></p:sp>"
        let body = placeholderShape(id: 3, name: "Notes Placeholder 2", placeholder: "type=\"body\" sz=\"quarter\" idx=\"1\"",
                                    box: Box(x: 685_800, y: 4_400_550, cx: 5_486_400, cy: 3_600_450),
                                    bodyProperties: "<a:bodyPr vert=\"horz\" rtlCol=\"0\"/>", paragraphs: emptyParagraph)
        return "<p:notesMaster \(Self.namespaces)>"
            + "<p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>"
            + Self.treeStart + image + body + "</p:spTree></p:cSld>"
            + "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\""
            + " accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
            + "<p:notesStyle><a:lvl1pPr marL=\"0\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\">"
            + "<a:defRPr sz=\"1200\" kern=\"1200\">\(Self.fill("tx1"))\(Self.minorFonts)</a:defRPr></a:lvl1pPr></p:notesStyle>"
            + "</p:notesMaster>"
    }

    /// A notes page: the slide's image, then the notes, one paragraph per line.
    func notesSlide(_ notes: String) -> String {
        let image = "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>"
            + "<p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr>"
            + "<p:spPr/></p:sp>"
        let paragraphs = XMLText.cleaned(notes).split(separator: "\n", omittingEmptySubsequences: false)
            .map { paragraph(String($0)) }.joined()
        let body = placeholderShape(id: 3, name: "Notes Placeholder 2", placeholder: "type=\"body\" idx=\"1\"", box: nil,
                                    paragraphs: paragraphs)
        return "<p:notes \(Self.namespaces)><p:cSld>" + Self.treeStart + image + body + "</p:spTree></p:cSld>"
            + "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    }
}
