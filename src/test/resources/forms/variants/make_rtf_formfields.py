#!/usr/bin/python3
"""The RTF variant with 申报类别 as check box form fields, written the way Word writes a FORMCHECKBOX
field to RTF (LibreOffice drops form fields when it saves RTF, so they are edited in by hand):
新职业 checked (\\ffres25, default \\ffdefres1), the other two unchecked (\\ffres0).
Run from this folder after make_producers.sh: /usr/bin/python3 make_rtf_formfields.py"""

SOURCE = "proposal_rtf-libreoffice.doc"
TARGET = "proposal_rtf-formcheckbox-handedited.doc"


def check_box(result, default):
    return ("{\\field\\flddirty{\\*\\fldinst {\\lang1024\\langfe1024\\noproof  FORMCHECKBOX }"
            "{\\lang1024\\langfe1024\\noproof {\\*\\datafield 650000001400000000000000000000000000000000000000}"
            "{\\*\\formfield{\\fftype1\\ffres%d\\fftypetxt0\\ffhps20\\ffdefres%d}}}}{\\fldrslt }}" % (result, default))


def main():
    text = open(SOURCE, encoding="latin-1").read()
    text = text.replace("(\\u8730\\'3f)}", check_box(25, 1) + "}", 1)
    for _ in range(2):
        text = text.replace("( )}", check_box(0, 0) + "}", 1)
    with open(TARGET, "w", encoding="latin-1", newline="") as out:
        out.write(text)


if __name__ == "__main__":
    main()
