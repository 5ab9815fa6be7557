"""Peer of pair 1: read every content control (tag, alias, text) of .docx files with python-docx and lxml.

Usage: peer_docx_controls.py ITERATIONS WARMUP FILE...   Prints one JSON line: {"file": {"ms": [wall ms per iteration], "cpu": [process CPU ms], "controls": n}, ...}.
Each file is read from memory (BytesIO), as our reader gets the upload's bytes; controls of the main document,
headers, footers, footnotes and endnotes are read, as ContentControlReader does.
"""
import io
import json
import sys

import docx
from docx.oxml.ns import qn
from lxml import etree

from timing import time_calls

W_SDT = qn("w:sdt")
W_SDTPR = qn("w:sdtPr")
W_TAG = qn("w:tag")
W_ALIAS = qn("w:alias")
W_CONTENT = qn("w:sdtContent")
W_T = qn("w:t")
W_VAL = qn("w:val")
NOTES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
         "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes")


def controls_of(root, found):
    for sdt in root.iter(W_SDT):
        props = sdt.find(W_SDTPR)
        tag = alias = None
        if props is not None:
            t = props.find(W_TAG)
            a = props.find(W_ALIAS)
            tag = t.get(W_VAL) if t is not None else None
            alias = a.get(W_VAL) if a is not None else None
        content = sdt.find(W_CONTENT)
        text = "".join(t.text or "" for t in content.iter(W_T)) if content is not None else ""
        found.append((tag, alias, text))


def read(data):
    document = docx.Document(io.BytesIO(data))
    found = []
    controls_of(document.element, found)
    part = document.part
    seen = set()
    for section in document.sections:
        for hf in (section.header, section.first_page_header, section.even_page_header,
                   section.footer, section.first_page_footer, section.even_page_footer):
            if not hf.is_linked_to_previous and id(hf.part) not in seen:
                seen.add(id(hf.part))
                controls_of(hf._element, found)
    for rel in part.rels.values():
        if rel.reltype in NOTES:
            controls_of(etree.fromstring(rel.target_part.blob), found)
    return found


def main():
    iterations, warmup = int(sys.argv[1]), int(sys.argv[2])
    result = {}
    for path in sys.argv[3:]:
        with open(path, "rb") as f:
            data = f.read()
        wall, cpu, found = time_calls(lambda: read(data), iterations, warmup)
        result[path] = {"ms": wall, "cpu": cpu, "controls": len(found)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
