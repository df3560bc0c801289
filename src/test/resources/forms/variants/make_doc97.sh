#!/bin/sh
# The Word 97-2003 (.doc) variants: the .docx variants whose quirk lives in a different structure of
# the binary format (symbol characters and fonts, nested tables, the header and text-box stories,
# revision marks, legacy form check boxes and fields), each re-saved by LibreOffice as
# "MS Word 97". Needs Debian's libreoffice-writer and python3. Run from this folder.
set -eu
/usr/bin/python3 make_formcheckbox.py
OUT=$(mktemp -d)
for quirk in tick-wingdings-sym-pythondocx tick-wingdings2-letter-pythondocx nested-tables-handedited \
        cover-textbox-handedited cover-header-pythondocx tracked-changes-handedited content-controls-handedited \
        formcheckbox-hyperlink-handedited; do
    name=${quirk%-*}
    cp "proposal_$quirk.docx" "$OUT/proposal_doc97-$name-libreoffice.docx"
done
soffice --headless --convert-to 'doc:MS Word 97' --outdir . "$OUT"/*.docx >/dev/null
rm -r "$OUT"
