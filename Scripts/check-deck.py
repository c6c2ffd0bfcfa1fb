#!/usr/bin/env python3
"""Checks a .pptx written by FolioSlides and describes it as JSON on standard output.

Usage: check-deck.py DECK.pptx

The package checks need only the standard library: the ZIP is sound (CRCs), [Content_Types].xml
comes first and gives every part a content type, every XML part is well-formed, every internal
relationship target exists and every part is reached from the package relationships. Then
python-pptx opens the deck and the JSON lists the slide size, and for each slide its layout, title
text, subtitle and footer text, and each picture's descr, title, name, position and pixel size.

Exit status: 0 when the deck could be described (problems are listed in "errors"), 3 when
python-pptx is missing, 1 on other failures.
"""
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def rels_source(rels_path):
    """The part a .rels file belongs to ('' for the package)."""
    folder, name = posixpath.split(rels_path)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")]) if name != ".rels" else ""


def check_package(path, errors):
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            errors.append(f"bad CRC or data in {bad}")
        names = archive.namelist()
        if len(names) != len(set(names)):
            errors.append("duplicate entry names")
        if not names or names[0] != "[Content_Types].xml":
            errors.append("[Content_Types].xml is not the first entry")
        parts = set(names)
        trees = {}
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    trees[name] = ET.fromstring(archive.read(name))
                except ET.ParseError as error:
                    errors.append(f"{name} is not well-formed: {error}")
        types = trees.get("[Content_Types].xml")
        if types is None:
            errors.append("no [Content_Types].xml")
            return
        defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iter(CT_NS + "Default")}
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(CT_NS + "Override")}
        for part_name in overrides:
            if part_name.lstrip("/") not in parts:
                errors.append(f"content type override for missing part {part_name}")
        for name in names:
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            extension = name.rsplit(".", 1)[-1].lower()
            if "/" + name not in overrides and extension not in defaults:
                errors.append(f"{name} has no content type")
        reached = {"[Content_Types].xml", "_rels/.rels"}
        pending = ["_rels/.rels"]
        while pending:
            rels_path = pending.pop()
            tree = trees.get(rels_path)
            if tree is None:
                continue
            source = rels_source(rels_path)
            ids = set()
            for rel in tree.iter(REL_NS + "Relationship"):
                rel_id = rel.get("Id")
                if rel_id in ids:
                    errors.append(f"{rels_path}: duplicate Id {rel_id}")
                ids.add(rel_id)
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target")
                resolved = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
                if resolved not in parts:
                    errors.append(f"{rels_path}: {rel_id} targets missing part {resolved}")
                    continue
                if resolved not in reached:
                    reached.add(resolved)
                    folder, base = posixpath.split(resolved)
                    own_rels = posixpath.join(folder, "_rels", base + ".rels")
                    if own_rels in parts:
                        reached.add(own_rels)
                        pending.append(own_rels)
        for name in names:
            if name not in reached and not name.endswith("/"):
                errors.append(f"{name} is not reached by any relationship")
        for name, tree in trees.items():
            if name.endswith(".rels"):
                continue
            # r:id / r:embed attributes must name a relationship of the part.
            rels_name = posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")
            ids = {r.get("Id") for r in trees[rels_name].iter(REL_NS + "Relationship")} if rels_name in trees else set()
            for element in tree.iter():
                for key, value in element.attrib.items():
                    if key.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}") \
                            and value not in ids:
                        errors.append(f"{name}: {key.split('}')[1]}={value} has no relationship")


def describe(path, errors):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

    deck = Presentation(path)
    slides = []
    for slide in deck.slides:
        entry = {"layout": slide.slide_layout.name, "title": None, "subtitle": None, "footer": None, "pictures": []}
        if slide.shapes.title is not None:
            entry["title"] = slide.shapes.title.text_frame.text
        for shape in slide.placeholders:
            kind = shape.placeholder_format.type
            if kind == PP_PLACEHOLDER.SUBTITLE:
                entry["subtitle"] = shape.text_frame.text
            elif kind == PP_PLACEHOLDER.FOOTER:
                entry["footer"] = shape.text_frame.text
        for shape in slide.shapes:
            if shape.shape_type != MSO_SHAPE_TYPE.PICTURE:
                continue
            properties = shape._element.nvPicPr.cNvPr
            image = shape.image
            entry["pictures"].append({
                "descr": properties.get("descr"),
                "title": properties.get("title"),
                "name": shape.name,
                "left": shape.left, "top": shape.top, "width": shape.width, "height": shape.height,
                "contentType": image.content_type,
                "pixelWidth": image.size[0], "pixelHeight": image.size[1],
            })
        slides.append(entry)
    return {
        "slideWidth": deck.slide_width,
        "slideHeight": deck.slide_height,
        "title": deck.core_properties.title,
        "layouts": [layout.name for layout in deck.slide_layouts],
        "slides": slides,
    }


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    try:
        import pptx  # noqa: F401
    except ImportError:
        print("python-pptx is not installed (python3 -m pip install python-pptx)", file=sys.stderr)
        return 3
    errors = []
    check_package(sys.argv[1], errors)
    result = describe(sys.argv[1], errors)
    result["errors"] = errors
    json.dump(result, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
