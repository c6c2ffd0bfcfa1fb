#!/usr/bin/env python3
"""Writes an organisation's template for the deck tests: a .potx (or .pptx) whose master has
distinctive colours and fonts, whose layouts are renamed in French and reordered (title and content
last, title slide in the middle), and which carries two slides of its own, a chart and notes, a
section list and a custom show, all of which a deck built on it must drop.

Usage: make-template.py OUT.potx|OUT.pptx
"""
import io
import re
import sys
import zipfile

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

prs = Presentation()
prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)  # 4:3, unlike Folio's own 16:9
master = prs.slide_master
fill = master.background.fill
fill.solid()
fill.fore_color.rgb = RGBColor(0xFF, 0xF4, 0xD6)

names = {"Title Slide": "Diapositive de titre", "Title and Content": "Titre et contenu",
         "Section Header": "En-tête de section", "Two Content": "Deux contenus", "Comparison": "Comparaison",
         "Title Only": "Titre seul", "Blank": "Vide", "Content with Caption": "Contenu avec légende",
         "Picture with Caption": "Image avec légende", "Title and Vertical Text": "Titre et texte vertical",
         "Vertical Title and Text": "Titre vertical et texte"}
for layout in prs.slide_layouts:
    layout._element.cSld.set("name", names.get(layout.name, layout.name))

# Two slides of the template's own, which the deck must not carry over.
own = prs.slides.add_slide(prs.slide_layouts[0])
own.shapes.title.text = "ANCIENNE DIAPOSITIVE"
own.notes_slide.notes_text_frame.text = "Notes de l'ancienne diapositive"
data = CategoryChartData()
data.categories = ["x", "y"]
data.add_series("S", (777, 888))
second = prs.slides.add_slide(prs.slide_layouts[1])
second.shapes.title.text = "AUTRE"
second.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data)

buffer = io.BytesIO()
prs.save(buffer)
source = zipfile.ZipFile(buffer)
files = {name: source.read(name) for name in source.namelist()}

# Reorder the layouts: "Titre et contenu" (layout 2) last, the title slide third.
master_xml = files["ppt/slideMasters/slideMaster1.xml"].decode()
ids = re.findall(r'<p:sldLayoutId [^>]*/>', master_xml)
order = ids[2:4] + [ids[0]] + ids[4:] + [ids[1]]
master_xml = master_xml.replace("".join(ids), "".join(order))
files["ppt/slideMasters/slideMaster1.xml"] = master_xml.encode()

# A theme of its own: colours and fonts nobody would pick by default.
theme = files["ppt/theme/theme1.xml"].decode()
theme = re.sub(r'<a:accent1>.*?</a:accent1>', '<a:accent1><a:srgbClr val="8B1E3F"/></a:accent1>', theme, flags=re.S)
theme = re.sub(r'<a:dk2>.*?</a:dk2>', '<a:dk2><a:srgbClr val="3C1518"/></a:dk2>', theme, flags=re.S)
theme = re.sub(r'(<a:majorFont><a:latin typeface=")[^"]*', r'\1DejaVu Serif', theme)
theme = re.sub(r'(<a:minorFont><a:latin typeface=")[^"]*', r'\1DejaVu Sans Mono', theme)
theme = theme.replace('name="Office Theme"', 'name="Organisation"')
files["ppt/theme/theme1.xml"] = theme.encode()

# A section list and a custom show that name the template's slides.
presentation = files["ppt/presentation.xml"].decode()
slide_rids = re.findall(r'<p:sldId id="(\d+)" r:id="(rId\d+)"/>', presentation)
show = '<p:custShowLst><p:custShow name="Court" id="0"><p:sldLst>' + "".join(
    f'<p:sld r:id="{rid}"/>' for _, rid in slide_rids) + '</p:sldLst></p:custShow></p:custShowLst>'
sections = ('<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}">'
            '<p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main">'
            '<p14:section name="Partie" id="{11111111-2222-3333-4444-555555555555}"><p14:sldIdLst>'
            + "".join(f'<p14:sldId id="{sid}"/>' for sid, _ in slide_rids)
            + '</p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst>')
presentation = presentation.replace("<p:defaultTextStyle>", show + "<p:defaultTextStyle>")
presentation = presentation.replace("</p:presentation>", sections + "</p:presentation>")
files["ppt/presentation.xml"] = presentation.encode()

out = sys.argv[1]
if out.endswith(".potx"):
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
    for name in ["[Content_Types].xml"] + sorted(n for n in files if n != "[Content_Types].xml"):
        archive.writestr(name, files[name])
