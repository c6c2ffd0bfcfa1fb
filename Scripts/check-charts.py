#!/usr/bin/env python3
"""Reads the native charts of a .pptx back with python-pptx and openpyxl, as JSON on standard output.

Usage: check-charts.py DECK.pptx

For each slide: its layout's name, and for each chart its type (python-pptx's XL_CHART_TYPE name),
categories, series (name and values), the frame's alt text (descr), and whether the embedded
workbook's cells (Sheet1: names across row 1 from B1, categories down column A from A2) equal the
chart's cached data. Also the deck's layouts, its theme's name, fonts and accent 1, and each slide's notes.

Exit status: 0 when the deck could be read, 3 when python-pptx or openpyxl is missing, 1 otherwise.
"""
import io
import json
import re
import sys

try:
    import openpyxl
    from pptx import Presentation
except ImportError as error:
    print(f"missing: {error}", file=sys.stderr)
    sys.exit(3)

NS_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def workbook_matches(chart):
    part = chart.part.chart_workbook.xlsx_part
    if part is None:
        return "no embedded workbook"
    sheet = openpyxl.load_workbook(io.BytesIO(part.blob))["Sheet1"]
    plot = chart.plots[0]
    categories = list(plot.categories)
    for row, category in enumerate(categories, start=2):
        if sheet.cell(row=row, column=1).value != category:
            return f"A{row} is {sheet.cell(row=row, column=1).value!r}, the chart says {category!r}"
    for column, series in enumerate(chart.series, start=2):
        if sheet.cell(row=1, column=column).value != series.name:
            return f"row 1 column {column} is {sheet.cell(row=1, column=column).value!r}, not {series.name!r}"
        for row, value in enumerate(series.values, start=2):
            cell = sheet.cell(row=row, column=column).value
            if not (cell is None and value is None) and (cell is None or value is None or abs(cell - value) > 1e-9):
                return f"row {row} column {column} is {cell!r}, the chart says {value!r}"
    return True


def main(path):
    deck = Presentation(path)
    theme = None
    for rel in deck.slide_master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            xml = rel.target_part.blob.decode("utf-8")
            theme = {
                "name": (re.search(r'<a:theme [^>]*name="([^"]*)"', xml) or [None, None])[1],
                "major": (re.search(r'<a:majorFont><a:latin typeface="([^"]*)"', xml) or [None, None])[1],
                "minor": (re.search(r'<a:minorFont><a:latin typeface="([^"]*)"', xml) or [None, None])[1],
                "accent1": (re.search(r'<a:accent1><a:srgbClr val="([^"]*)"', xml) or [None, None])[1],
            }
    out = {"size": [deck.slide_width, deck.slide_height], "theme": theme,
           "layouts": [layout.name for layout in deck.slide_layouts], "slides": []}
    for slide in deck.slides:
        entry = {"layout": slide.slide_layout.name, "title": slide.shapes.title.text if slide.shapes.title else None,
                 "notes": slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else None, "charts": []}
        for shape in slide.shapes:
            if not shape.has_chart:
                continue
            chart = shape.chart
            descr = shape._element.find(f"{NS_P}nvGraphicFramePr/{NS_P}cNvPr").get("descr")
            entry["charts"].append({
                "type": chart.chart_type.name if chart.chart_type else None,
                "categories": list(chart.plots[0].categories),
                "series": [{"name": s.name, "values": list(s.values)} for s in chart.series],
                "descr": descr,
                "frame": [shape.left, shape.top, shape.width, shape.height],
                "workbook": workbook_matches(chart),
            })
        out["slides"].append(entry)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception as error:  # a deck python-pptx cannot read is the finding
        print(f"{sys.argv[1]}: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
