#!/usr/bin/env python3
"""Reads the first sheet of an XLSX file with the standard library alone (zipfile and
ElementTree over the OOXML parts, not Plenary's code) and prints its rows as JSON: a list of
rows, each a list of cells (strings, or numbers for numeric cells). For
tests/scenario/exports.test.mjs.

Usage: read_xlsx.py FILE
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}


def column(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def main():
    z = zipfile.ZipFile(sys.argv[1])
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    rows = []
    for row in sheet.find('m:sheetData', NS).findall('m:row', NS):
        cells = []
        for c in row.findall('m:c', NS):
            i = column(c.get('r'))
            while len(cells) < i:
                cells.append('')
            v = c.find('m:v', NS)
            if c.get('t') == 's':
                cells.append(shared[int(v.text)])
            elif c.get('t') == 'inlineStr':
                cells.append(''.join(t.text or '' for t in c.iter('{%s}t' % NS['m'])))
            elif v is not None:
                num = float(v.text)
                cells.append(int(num) if num.is_integer() else num)
            else:
                cells.append('')
        rows.append(cells)
    print(json.dumps(rows, ensure_ascii=False))


if __name__ == '__main__':
    main()
