/// Reading a template's package: its relationships, main part, masters and layouts.
struct TemplatePackage {
    let parts: [String: [UInt8]]
    let file: String
    let mainPart: String

    static let presentationTypes = [
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    ]
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    init(parts: [String: [UInt8]], file: String) throws(DeckTemplateError) {
        self.parts = parts
        self.file = file
        guard let types = parts["[Content_Types].xml"].flatMap(PackageXML.init) else {
            throw .unusable(file, "no readable [Content_Types].xml")
        }
        guard parts["_rels/.rels"] != nil else { throw .unusable(file, "no package relationships (_rels/.rels)") }
        if parts.keys.contains(where: { $0.lowercased().hasSuffix("vbaproject.bin") })
            || types.elements.contains(where: { ($0.attributes["ContentType"] ?? "").contains("macroEnabled") }) {
            throw .unusable(file, "it contains macros")
        }
        for name in parts.keys where name.hasSuffix(".rels") {
            guard let rels = PackageXML(parts[name]!) else { throw .unusable(file, "\(name) is not well-formed XML") }
            for rel in rels.all("Relationship") where rel.attributes["TargetMode"] == "External"
                && rel.attributes["Type"] != Self.relationships + "hyperlink" {
                throw .unusable(file, "\(name) refers to an external file (\(rel.attributes["Target"] ?? ""))")
            }
        }
        guard let main = Self.targets(of: "", in: parts, type: "officeDocument").first else {
            throw .unusable(file, "no presentation part")
        }
        let type = types.all("Override").first { $0.attributes["PartName"] == "/" + main }?.attributes["ContentType"]
        guard let type, Self.presentationTypes.contains(type), parts[main] != nil else {
            throw .unusable(file, "no presentation part (the main part is \(type ?? "missing"))")
        }
        mainPart = main
    }

    /// The rels file of `part` ("" is the package).
    static func relsPath(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return part.isEmpty ? "_rels/.rels" : "_rels/\(part).rels" }
        return part[..<slash] + "/_rels/" + part[part.index(after: slash)...] + ".rels"
    }

    /// `target` of a relationship from `part`, as a part name.
    static func resolve(_ target: String, from part: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : part.split(separator: "/").dropLast()
        for segment in target.split(separator: "/") {
            if segment == ".." { if !segments.isEmpty { segments.removeLast() } } else if segment != "." { segments.append(segment) }
        }
        return segments.joined(separator: "/")
    }

    /// Relationships of `part`: id → (type's last word, target part); internal ones only.
    static func relationships(of part: String, in parts: [String: [UInt8]]) -> [(id: String, type: String, target: String)] {
        guard let rels = parts[relsPath(of: part)].flatMap(PackageXML.init) else { return [] }
        return rels.all("Relationship").compactMap { rel in
            guard rel.attributes["TargetMode"] != "External", let id = rel.attributes["Id"], let type = rel.attributes["Type"],
                  let target = rel.attributes["Target"] else { return nil }
            return (id, String(type.split(separator: "/").last ?? ""), resolve(target, from: part))
        }
    }

    static func targets(of part: String, in parts: [String: [UInt8]], type: String) -> [String] {
        relationships(of: part, in: parts).filter { $0.type == type }.map(\.target)
    }

    func slideSize() throws(DeckTemplateError) -> (Int, Int) {
        guard let presentation = PackageXML(parts[mainPart]!) else { throw .unusable(file, "\(mainPart) is not well-formed XML") }
        guard let size = presentation.elements.first(where: { $0.name.hasSuffix("sldSz") }),
              let cx = size.attributes["cx"].flatMap(Int.init), let cy = size.attributes["cy"].flatMap(Int.init),
              (914_400...51_206_400).contains(cx), (914_400...51_206_400).contains(cy) else {
            throw .unusable(file, "no valid slide size (p:sldSz)")
        }
        return (cx, cy)
    }

    /// The first master with both a title layout and a layout for a chart under a title.
    func layouts() throws(DeckTemplateError) -> (title: DeckTemplate.Layout, chart: DeckTemplate.Layout) {
        guard let presentation = PackageXML(parts[mainPart]!) else { throw .unusable(file, "\(mainPart) is not well-formed XML") }
        let rels = Self.relationships(of: mainPart, in: parts)
        let masters = presentation.elements.filter { $0.name.hasSuffix("sldMasterId") }.compactMap { element in
            rels.first { $0.id == element.attributes["r:id"] && $0.type == "slideMaster" }?.target
        }
        guard !masters.isEmpty else { throw .unusable(file, "no slide master") }
        for master in masters {
            guard let masterXML = parts[master].flatMap(PackageXML.init) else { throw .unusable(file, "\(master) is missing or not well-formed") }
            guard !Self.targets(of: master, in: parts, type: "theme").isEmpty else { continue }
            let masterShapes = PlaceholderShape.all(in: masterXML)
            let masterRels = Self.relationships(of: master, in: parts)
            let layouts = masterXML.elements.filter { $0.name.hasSuffix("sldLayoutId") }.compactMap { element in
                masterRels.first { $0.id == element.attributes["r:id"] && $0.type == "slideLayout" }?.target
            }
            var title: DeckTemplate.Layout?
            var chart: (layout: DeckTemplate.Layout, rank: Int)?
            for layout in layouts {
                guard let xml = parts[layout].flatMap(PackageXML.init) else { throw .unusable(file, "\(layout) is missing or not well-formed") }
                let shapes = PlaceholderShape.all(in: xml)
                let types = shapes.map(\.type)
                let layoutType = xml.elements.first?.attributes["type"]
                if title == nil {
                    let heading = types.contains("ctrTitle") ? "ctrTitle" : types.contains("title") && (types.contains("subTitle") || layoutType == "title") ? "title" : nil
                    if let heading {
                        title = DeckTemplate.Layout(part: layout, titleType: heading,
                                                    subtitleIndex: shapes.first { $0.type == "subTitle" }?.index ?? (types.contains("subTitle") ? "1" : nil),
                                                    footerIndex: shapes.first { $0.type == "ftr" }?.index,
                                                    contentType: nil, contentIndex: nil, contentBox: Box(x: 0, y: 0, cx: 0, cy: 0))
                        continue
                    }
                }
                guard types.contains("title") else { continue }
                let contents = shapes.filter { ["obj", "chart", "body"].contains($0.type) }
                guard contents.count == 1, let content = contents.first else { continue }
                let rank = ["obj", "chart", "body"].firstIndex(of: content.type)!
                guard chart == nil || rank < chart!.rank else { continue }
                let inherited = (masterShapes.first { $0.type == content.type } ?? masterShapes.first { $0.type == "body" })?.box
                guard let box = content.box ?? inherited else { continue }
                chart = (DeckTemplate.Layout(part: layout, titleType: "title", subtitleIndex: nil,
                                             contentType: content.type == "obj" ? nil : content.type,
                                             contentIndex: content.index, contentBox: box), rank)
            }
            if let title, let chart { return (title, chart.layout) }
        }
        throw .unusable(file, "no master has both a title layout (ctrTitle, or title and subTitle) and a title-and-content layout")
    }
}

/// A placeholder of a layout or master: its type (absent means `obj`), idx and frame if it has one.
struct PlaceholderShape {
    var type: String
    var index: String?
    var box: Box?

    static func all(in xml: PackageXML) -> [PlaceholderShape] {
        var shapes: [PlaceholderShape] = []
        var shapeDepth: Int?
        var current: PlaceholderShape?
        var off: (Int, Int)?
        func close() {
            if let shape = current { shapes.append(shape) }
            current = nil
            off = nil
        }
        for element in xml.elements {
            let depth = element.ancestors.count
            if let started = shapeDepth, depth <= started { close(); shapeDepth = nil }
            if ["p:sp", "p:pic", "p:graphicFrame"].contains(element.name), element.ancestors.last == "p:spTree" {
                shapeDepth = depth
                continue
            }
            guard shapeDepth != nil else { continue }
            if element.name == "p:ph" {
                current = PlaceholderShape(type: element.attributes["type"] ?? "obj", index: element.attributes["idx"], box: nil)
            } else if element.name == "a:off", element.ancestors.suffix(2) == ["p:spPr", "a:xfrm"] || element.ancestors.last == "p:xfrm" {
                off = (Int(element.attributes["x"] ?? "") ?? 0, Int(element.attributes["y"] ?? "") ?? 0)
            } else if element.name == "a:ext", let off, let cx = element.attributes["cx"].flatMap(Int.init),
                      let cy = element.attributes["cy"].flatMap(Int.init), cx > 0, cy > 0 {
                current?.box = Box(x: off.0, y: off.1, cx: cx, cy: cy)
            }
        }
        close()
        return shapes
    }
}
