#!/usr/bin/python3
"""The filled proposal with legacy form fields, as old Word templates have them: 申报类别 ticked with
FORMCHECKBOX fields (新职业 checked, the others not; the "(√)"/"( )" texts removed) and 电子信箱 a
HYPERLINK field, as Word's AutoFormat makes of a typed e-mail address.
Run from this folder: /usr/bin/python3 make_formcheckbox.py"""
import zipfile

BASE = "../testDOCX_filled_libreoffice.docx"
TARGET = "proposal_formcheckbox-hyperlink-handedited.docx"


def check_box(checked, number):
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check%d"/><w:enabled/>'
            '<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="%d"/></w:checkBox>'
            '</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>') % (number, 1 if checked else 0)


def main():
    with zipfile.ZipFile(BASE) as source:
        xml = source.read("word/document.xml").decode("utf-8")
        xml = xml.replace("<w:t>(√)</w:t></w:r>", "<w:t></w:t></w:r>" + check_box(True, 1), 1)
        for number in (2, 3):
            xml = xml.replace("<w:t>( )</w:t></w:r>", "<w:t></w:t></w:r>" + check_box(False, number), 1)
        xml = xml.replace(
            "<w:t>zhangsan@example.com</w:t></w:r>",
            '<w:t></w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            ' HYPERLINK "mailto:zhangsan@example.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
            '</w:r><w:r><w:t>zhangsan@example.com</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>', 1)
        with zipfile.ZipFile(TARGET, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = xml.encode("utf-8") if item.filename == "word/document.xml" else source.read(item.filename)
                target.writestr(item, data)


if __name__ == "__main__":
    main()
