#!/bin/sh
# The quirks in the other formats Word and WPS save: each .docx variant whose quirk lives in a
# different structure of another format, re-saved by LibreOffice — as "MS Word 97" (.doc: symbol
# characters and fonts, nested table levels, header and text-box stories, revision marks, FFData of
# form check boxes, placeholders as plain text), as RTF (\header, \shptxt, \deleted, a symbol font
# named but \fcharset0), as Word 2003 XML (PUA symbols, a symbol font through a character style)
# and as a web page (<input type="checkbox">); all kept under a .doc name. Then the RTF with
# Word's FORMCHECKBOX fields (make_rtf_formfields.py). Needs Debian's libreoffice-writer and
# python3. Run from this folder after make_variants.py and make_producers.sh.
set -eu
/usr/bin/python3 make_formcheckbox.py
OUT=$(mktemp -d)
convert() { # FORMAT-FILTER PREFIX EXTENSION QUIRK...
    filter=$1 prefix=$2 extension=$3
    shift 3
    mkdir -p "$OUT/$prefix"
    for quirk in "$@"; do
        cp "proposal_$quirk.docx" "$OUT/$prefix/proposal_$prefix-${quirk%-*}-libreoffice.docx"
    done
    soffice --headless --convert-to "$filter" --outdir "$OUT/$prefix/out" "$OUT/$prefix"/*.docx >/dev/null
    for file in "$OUT/$prefix/out"/*."$extension"; do
        name=$(basename "$file" ".$extension")
        cp "$file" "$name.doc"
    done
}
convert 'doc:MS Word 97' doc97 doc tick-wingdings-sym-pythondocx tick-wingdings2-letter-pythondocx \
    nested-tables-handedited cover-textbox-handedited cover-header-pythondocx tracked-changes-handedited \
    content-controls-handedited formcheckbox-hyperlink-handedited
convert rtf rtf rtf cover-header-pythondocx cover-textbox-handedited tracked-changes-handedited \
    tick-wingdings2-letter-pythondocx
convert 'xml:MS Word 2003 XML' word2003xml xml tick-wingdings-sym-pythondocx tick-wingdings2-letter-pythondocx
convert 'html:HTML (StarWriter)' htm html formcheckbox-hyperlink-handedited
rm -r "$OUT"
/usr/bin/python3 make_rtf_formfields.py
