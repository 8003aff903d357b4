#!/usr/bin/env python3
"""Prints, as JSON, what an independent DOCX reader (python-docx, Debian's python3-docx) sees
in a .docx file: its body paragraphs (text, style, right-to-left or not, East Asian font, and
each run's text and language) and its footnote count. Used by
tests/scenario/official_documents.test.mjs and one_language.test.mjs."""
import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
out = []
for p in document.paragraphs:
    ppr = p._p.pPr
    runs = p._p.findall(qn('w:r'))
    east_asia = False
    rtl = False
    for r in runs:
        rpr = r.find(qn('w:rPr'))
        if rpr is None:
            continue
        fonts = rpr.find(qn('w:rFonts'))
        if fonts is not None and fonts.get(qn('w:eastAsia')):
            east_asia = True
        if rpr.find(qn('w:rtl')) is not None:
            rtl = True
    # Each run's text and language (w:lang's w:val, w:eastAsia and w:bidi; right to left or not).
    run_langs = []
    for r in runs:
        rpr = r.find(qn('w:rPr'))
        lang = rpr.find(qn('w:lang')) if rpr is not None else None
        run_langs.append({
            'text': ''.join(t.text or '' for t in r.findall(qn('w:t'))),
            'lang': lang.get(qn('w:val')) if lang is not None else None,
            'east_asia_lang': lang.get(qn('w:eastAsia')) if lang is not None else None,
            'bidi_lang': lang.get(qn('w:bidi')) if lang is not None else None,
            'rtl': rpr is not None and rpr.find(qn('w:rtl')) is not None,
        })
    out.append({
        'runs': run_langs,
        'text': p.text,
        'style': p.style.name,
        'bidi': ppr is not None and ppr.find(qn('w:bidi')) is not None,
        'rtl': rtl,
        'east_asia': east_asia,
    })
with zipfile.ZipFile(sys.argv[1]) as z:
    # Every <w:footnote> but the two separators Word requires.
    footnotes = z.read('word/footnotes.xml').decode('utf-8').count('<w:footnote ') - 2
tables = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
json.dump({'paragraphs': out, 'footnotes': footnotes, 'tables': tables}, sys.stdout,
          ensure_ascii=False)
