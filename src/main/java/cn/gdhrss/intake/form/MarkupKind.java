package cn.gdhrss.intake.form;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a text file that starts with markup or a MIME header is, from its first kilobytes. */
enum MarkupKind {
    /** Word/WPS "Word 2003 XML" ({@code w:wordDocument}). */
    WORD_2003_XML,
    /** A web page (.htm) saved by Word, WPS or LibreOffice. */
    HTML,
    /** A single-file web page (.mht): the page and its pictures as MIME parts. */
    MHT,
    OTHER;

    /** Enough to see past an XML prolog, a DOCTYPE and Word's long {@code <html xmlns…>} tag. */
    static final int HEAD_BYTES = 8192;

    static MarkupKind of(byte[] head) {
        // ASCII view: every marker looked for is ASCII in UTF-8, GBK and Latin-1 alike.
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "").stripLeading();
        if (isMimeHeader(text)) {
            return MHT;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("schemas.microsoft.com/office/word/2003/wordml") || lower.contains("<w:worddocument")) {
            return WORD_2003_XML;
        }
        if (lower.contains("<html") || lower.startsWith("<!doctype html") || lower.contains("<body")
                || lower.contains("<table")) {
            return HTML;
        }
        return OTHER;
    }

    /** Word writes "MIME-Version: 1.0" first; Internet Explorer "From: &lt;Saved by …&gt;". */
    static boolean isMimeHeader(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("mime-version:") || lower.startsWith("from: <saved by")
                || lower.startsWith("content-type: multipart/related");
    }
}
