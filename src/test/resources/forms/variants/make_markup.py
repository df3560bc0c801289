#!/usr/bin/python3
"""The hand-made variants: a GB2312 single-file web page (.mht, quoted-printable) as Word writes
it, and a Strict Open XML .docx (the transitional namespaces of LibreOffice's .docx rewritten to
ISO/IEC 29500 Strict, as Word's "Strict Open XML Document" writes them).
Usage: make_markup.py PAGE.html FILLED.docx"""
import quopri
import re
import sys
import zipfile


def mht(page_path):
    html = open(page_path, encoding="utf-8").read()
    html = html.replace('content="text/html; charset=utf-8"', 'content="text/html; charset=gb2312"')
    body = quopri.encodestring(html.encode("gb18030")).decode("ascii")
    boundary = "----=_NextPart_01DC0000.12345678"
    text = ("MIME-Version: 1.0\r\n"
            'Content-Type: multipart/related; boundary="%s"\r\n\r\n'
            "此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n"
            "--%s\r\nContent-Location: file:///C:/proposal.htm\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            'Content-Type: text/html; charset="gb2312"\r\n\r\n%s\r\n\r\n'
            "--%s\r\nContent-Location: file:///C:/proposal.files/filelist.xml\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            'Content-Type: text/xml; charset="utf-8"\r\n\r\n<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office">\r\n</xml>\r\n\r\n'
            "--%s--\r\n") % (boundary, boundary, body.replace("\n", "\r\n"), boundary, boundary)
    with open("proposal_mht-gb2312-qp-handedited.doc", "wb") as out:
        out.write(text.encode("gb18030"))


STRICT = [
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
    ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
]


def strict(docx_path):
    with zipfile.ZipFile(docx_path) as source, \
            zipfile.ZipFile("proposal_strict-ooxml-handedited.docx", "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith(".xml") or item.filename.endswith(".rels"):
                text = data.decode("utf-8")
                for transitional, iso in STRICT:
                    text = text.replace(transitional, iso)
                if item.filename == "word/document.xml":
                    text = re.sub(r"<w:document ", '<w:document w:conformance="strict" ', text, count=1)
                data = text.encode("utf-8")
            target.writestr(item, data)


if __name__ == "__main__":
    mht(sys.argv[1])
    strict(sys.argv[2])
