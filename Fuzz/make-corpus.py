#!/usr/bin/env python3
"""Rebuilds the seed corpora in Fuzz/Corpus/<format>/ from the sample, the shipped styles and the
text literals of the tests. Seeds are named by content hash, so rerunning adds nothing twice.

    python3 Fuzz/make-corpus.py [path/to/folio]   # folio (for convert) defaults to .build/debug/folio

Only the seeds are committed; what a fuzzing run adds goes to Fuzz/.build/corpus/<format>/.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")
MAX_SEED = 20_000  # bytes; the sample itself is 18 KB


def add(fmt, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or len(data) > MAX_SEED:
        return
    folder = os.path.join(CORPUS, fmt)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def swift_literals(path):
    """Multi-line string literals ("" "...", #" ""...""" "#) with the closing delimiter's indentation removed."""
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r'(#?)"""\n(.*?)\n([ \t]*)"""\1', text, re.S):
        raw, body, indent = m.group(1), m.group(2), m.group(3)
        if "\\(" in body and not raw:
            continue  # interpolation: not a literal input
        lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in body.split("\n")]
        value = "\n".join(lines)
        if not raw:
            value = unescape(value)
        yield value + "\n"


def unescape(s):
    def repl(m):
        e = m.group(1)
        if e.startswith("u{"):
            return chr(int(e[2:-1], 16))
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}.get(e, e)
    return re.sub(r'\\(u\{[0-9a-fA-F]+\}|.)', repl, s)


def is_csv(text):
    first = text.lstrip().split("\n", 1)[0].lower()
    return ("," in first or ";" in first) and ("indicator" in first or "outcome" in first)


def main():
    folio = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "folio")
    sample = os.path.join(ROOT, "Assets", "samples", "outcome4.yaml")
    add("yaml", open(sample, "rb").read())

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([folio, "convert", sample, "-o", os.path.join(tmp, "outcome4.json")], check=True)
        subprocess.run([folio, "convert", sample, "-o", os.path.join(tmp, "csv")], check=True)
        sample_json = open(os.path.join(tmp, "outcome4.json"), "rb").read()
        add("json", sample_json)
        # A compact form too, so the fuzzer starts from short lines as well.
        add("json", json.dumps(json.loads(sample_json), ensure_ascii=True, separators=(",", ":")))
        csv = {n: open(os.path.join(tmp, "csv", n), "rb").read() for n in ("indicators.csv", "countries.csv", "report.yaml")}
        add("csv", csv["indicators.csv"] + b"\0" + csv["countries.csv"] + b"\0" + csv["report.yaml"])
        add("csv", csv["indicators.csv"] + b"\0" + csv["countries.csv"])
        add("csv", csv["indicators.csv"])
        # Workbooks: the samples as Folio writes them (the fuzzer mutates ZIP and XML alike).
        for name in ("outcome4.yaml", "results-over-time.yaml"):
            out = os.path.join(tmp, name.replace(".yaml", ".xlsx"))
            subprocess.run([folio, "convert", os.path.join(ROOT, "Assets", "samples", name), "-o", out], check=True)
            add("xlsx", open(out, "rb").read())

    styles = os.path.join(ROOT, "Styles")
    for name in sorted(os.listdir(styles)):
        if name.endswith(".yaml"):
            add("style", open(os.path.join(styles, name), "rb").read())

    tests = os.path.join(ROOT, "Tests", "FolioModelTests")
    csv_parts = {"indicators": [], "countries": [], "report": []}
    for name in sorted(os.listdir(tests)):
        if not name.endswith(".swift"):
            continue
        for literal in swift_literals(os.path.join(tests, name)):
            if is_csv(literal):
                header = literal.lstrip().split("\n", 1)[0].lower()
                csv_parts["countries" if "country" in header and "outcome" not in header else "indicators"].append(literal)
            elif name.startswith("JSON") or literal.lstrip().startswith(("{", "[")):
                add("json", literal)
            else:
                add("yaml", literal)
                if name.startswith("CSV"):
                    csv_parts["report"].append(literal)
    countries = csv_parts["countries"] or [""]
    for i, indicators in enumerate(csv_parts["indicators"]):
        seed = indicators + "\0" + countries[i % len(countries)]
        if csv_parts["report"] and i % 2 == 0:
            seed += "\0" + csv_parts["report"][i % len(csv_parts["report"])]
        add("csv", seed)
    for literal in swift_literals(os.path.join(ROOT, "Tests", "FolioLayoutTests", "StyleSheetTests.swift")):
        add("style", literal)

    # Shapes the tests build in code rather than write out: anchors and aliases, deep nesting,
    # byte order marks, CR line ends, escapes.
    add("yaml", "a: &x [1, 2]\nb: *x\nc: {<<: *x}\n")
    add("yaml", "\ufefftitle: T\r\noutcomes:\r\n  - {id: '1', title: x, indicators: [{id: a, description: d, target: 1, result: 0}]}\r\n")
    add("yaml", "- " * 40 + "x\n")
    add("yaml", "--- !!map\n? !!str a\n: |\n  block\n...\n")
    add("json", '{"title": "\\ud83d\\ude00 \\u00e9", "outcomes": []}')
    add("json", "[" * 40 + "]" * 40)
    add("json", '{"a": -0.5e+10, "b": [true, false, null], "c": {}}')
    add("style", "extends: fuzz\n")
    add("style", "extends: slides\ncolors: {regions: ['#112233', '#445566']}\npage: {size: [600, 800]}\n")


if __name__ == "__main__":
    main()
