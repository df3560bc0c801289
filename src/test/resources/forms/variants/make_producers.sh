#!/bin/sh
# Writes the producer variants of the filled proposal (see README.md). Needs Debian's
# libreoffice-writer, pandoc and python3. Run from this folder.
set -eu
BASE=../testDOCX_filled_libreoffice.docx
OUT=$(mktemp -d)
cp "$BASE" "$OUT/proposal.docx"
soffice --headless --convert-to rtf --outdir "$OUT" "$OUT/proposal.docx" >/dev/null
soffice --headless --convert-to 'xml:MS Word 2003 XML' --outdir "$OUT" "$OUT/proposal.docx" >/dev/null
soffice --headless --convert-to 'html:HTML (StarWriter)' --outdir "$OUT" "$OUT/proposal.docx" >/dev/null
cp "$OUT/proposal.rtf" proposal_rtf-libreoffice.doc
cp "$OUT/proposal.xml" proposal_word2003xml-libreoffice.doc
cp "$OUT/proposal.html" proposal_htm-utf8-libreoffice.doc
# Retyped by another tool: pandoc reads the web page and writes plain tables (no merged cells).
pandoc -f html -t docx -o proposal_retyped-plain-tables-pandoc.docx "$OUT/proposal.html"
/usr/bin/python3 make_markup.py "$OUT/proposal.html" ../testDOCX_filled_libreoffice.docx
rm -r "$OUT"
