#!/usr/bin/env python3
"""Writes the uploaded files of tests/scenario/document_text.test.mjs into a folder: documents
with text (a two-page PDF, a DOCX, an ODT) and hostile or broken ones (zip bombs, a package of
too many entries, a PDF locked by a user password, a damaged PDF, HTML named .pdf, an empty
file, a PDF whose text takes minutes to lay out). Everything is made here from the standard library, so that the tests need no fixture.

Usage: make_documents.py FOLDER
"""
import hashlib
import io
import os
import random
import struct
import sys
import zipfile
import zlib

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def docx(paragraphs, extra_entries=0, body_xml=None):
    body = body_xml if body_xml is not None else ''.join(
        f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        for i in range(extra_entries):
            z.writestr(f'word/media/extra{i}.xml', '<x/>')
    return out.getvalue()


def docx_bomb(expanded):
    """A DOCX whose document.xml is `expanded` bytes of spaces inside one paragraph."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b' ' * (1 << 20)
            left = expanded
            while left > 0:
                f.write(chunk[:min(left, len(chunk))])
                left -= len(chunk)
            f.write(b'</w:t></w:r></w:p></w:body></w:document>')
    return out.getvalue()


def odt(paragraphs):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text')  # stored, first
        z.writestr('META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>', zipfile.ZIP_DEFLATED)
        ps = ''.join(f'<text:p>{p}</text:p>' for p in paragraphs)
        z.writestr('content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>' + ps + '</office:text></office:body></office:document-content>', zipfile.ZIP_DEFLATED)
    return out.getvalue()


def pdf(pages, encrypt=None):
    """A PDF with one line of Helvetica text per page. `encrypt`: a user password; the file is
    then encrypted with the Standard security handler (RC4, 40 bits, revision 2), PDF 1.7
    section 7.6.3, algorithms 2, 3 and 4."""
    file_id = hashlib.md5(repr(pages).encode()).digest()
    objects = []  # (number, bytes without encryption)
    n_pages = len(pages)
    kids = ' '.join(f'{4 + 2 * i} 0 R' for i in range(n_pages))
    objects.append((1, b'<< /Type /Catalog /Pages 2 0 R >>'))
    objects.append((2, f'<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>'.encode()))
    objects.append((3, b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'))
    streams = {}
    for i, text in enumerate(pages):
        page_no, content_no = 4 + 2 * i, 5 + 2 * i
        objects.append((page_no, f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_no} 0 R >>'.encode()))
        escaped = text.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')
        streams[content_no] = f'BT /F1 12 Tf 72 760 Td ({escaped}) Tj ET'.encode('latin-1')
        objects.append((content_no, None))
    key = None
    encrypt_no = 4 + 2 * n_pages
    if encrypt is not None:
        pad = bytes.fromhex('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A')
        owner = (b'owner-' + encrypt.encode())[:32] + pad
        owner = owner[:32]
        okey = hashlib.md5(owner).digest()[:5]
        user = (encrypt.encode() + pad)[:32]
        o_value = rc4(okey, user)
        p_value = -4
        key = hashlib.md5(user + o_value + struct.pack('<i', p_value) + file_id).digest()[:5]
        u_value = rc4(key, pad)
        objects.append((encrypt_no, f'<< /Filter /Standard /V 1 /R 2 /Length 40 /O <{o_value.hex()}> /U <{u_value.hex()}> /P {p_value} >>'.encode()))
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = {}
    for number, body in sorted(objects):
        offsets[number] = len(out)
        if number in streams:
            data = streams[number]
            if key is not None:
                data = rc4(hashlib.md5(key + struct.pack('<i', number)[:3] + b'\x00\x00').digest()[:10], data)
            out += f'{number} 0 obj\n<< /Length {len(data)} >>\nstream\n'.encode() + data + b'\nendstream\nendobj\n'
        else:
            out += f'{number} 0 obj\n'.encode() + body + b'\nendobj\n'
    size = max(offsets) + 1
    xref = len(out)
    out += f'xref\n0 {size}\n0000000000 65535 f \n'.encode()
    for i in range(1, size):
        out += f'{offsets[i]:010d} 00000 n \n'.encode()
    trailer = f'<< /Size {size} /Root 1 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]'
    if key is not None:
        trailer += f' /Encrypt {encrypt_no} 0 R'
    out += f'trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    return bytes(out)


def fan_out_pdf(fan, depth):
    """A PDF of about 2 KB whose one page draws a form `fan` times, each form but the last drawing
    the next `fan` times, `depth` forms down to a word of text: fan ** depth words to lay out (the
    "billion laughs" of PDF). Reading its text costs minutes of processor time and a growing
    amount of memory."""
    objects = {1: b'<< /Type /Catalog /Pages 2 0 R >>',
               2: b'<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
               3: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
               4: b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 10 0 R >> >> /Contents 5 0 R >>'}
    streams = {5: (b'<<', b'/X Do ' * fan)}
    for level in range(depth):
        number = 10 + level
        if level == depth - 1:
            streams[number] = (b'<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 3 0 R >> >>',
                               b'BT /F1 1 Tf 0 0 Td (quokka) Tj ET')
        else:
            streams[number] = (f'<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X {number + 1} 0 R >> >>'.encode(),
                               b'/X Do ' * fan)
    out = bytearray(b'%PDF-1.4\n')
    offsets = {}
    for number in sorted(list(objects) + list(streams)):
        offsets[number] = len(out)
        if number in objects:
            out += f'{number} 0 obj\n'.encode() + objects[number] + b'\nendobj\n'
        else:
            head, content = streams[number]
            data = zlib.compress(content)
            out += f'{number} 0 obj\n'.encode() + head + f' /Length {len(data)} /Filter /FlateDecode >>\nstream\n'.encode() + data + b'\nendstream\nendobj\n'
    size = max(offsets) + 1
    xref = len(out)
    out += f'xref\n0 {size}\n0000000000 65535 f \n'.encode()
    for i in range(1, size):
        out += (f'{offsets[i]:010d} 00000 n \n' if i in offsets else '0000000000 65535 f \n').encode()
    out += f'trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    return bytes(out)


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    rnd = random.Random(13)
    words = ''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz ') for _ in range(3_000_000))
    files = {
        'text.pdf': pdf(['Introduction to the quokkapage report.',
                         'The Council recalls Resolution 102 (Rev. Dubai, 2018) and document C22/33; zebrapage.']),
        'text.docx': docx(['Considering the wombatdocx matter,',
                           'having regard to Resolution 140 (Rev. Dubai, 2018),', 'the group decided.']),
        'text.odt': odt(['The platypusodt note cites Resolution 133 (Rev. Dubai, 2018).']),
        'locked.pdf': pdf(['A secret page.'], encrypt='secret'),
        'damaged.pdf': b'%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R' + bytes(range(256)) * 8,
        'html.pdf': b'<!DOCTYPE html>\n<html><head><title>Not a PDF</title></head><body><p>Hello</p></body></html>\n',
        'empty.pdf': b'',
        # 1.5 MiB of spaces: compressed about a thousand times (the ratio limit).
        'ratio-bomb.docx': docx_bomb(3 << 19),
        # 200 MiB once inflated, above the default 64 MiB: refused before anything is inflated.
        'size-bomb.docx': docx_bomb(200 << 20),
        # 3 MB of random letters (ratio about 2): above a limit of 2 MB set on the command line.
        'large.docx': docx([], body_xml='<w:p><w:r><w:t>' + words + '</w:t></w:r></w:p>'),
        'many-entries.docx': docx(['Many entries.'], extra_entries=40),
        # 10 ** 6 words drawn through five levels of forms: minutes of processor time.
        'fan-out.pdf': fan_out_pdf(10, 6),
    }
    for name, data in files.items():
        with open(os.path.join(folder, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
