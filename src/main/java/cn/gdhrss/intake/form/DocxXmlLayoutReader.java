package cn.gdhrss.intake.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;
import org.jspecify.annotations.Nullable;

/**
 * Streams WordprocessingML into a {@link Layout} without building POI's object model, which costs
 * most of the time of reading a form. Reads the transitional and the Strict namespace of a .docx
 * and Word 2003 XML ({@code w:wordDocument}, which WPS and Word save as "Word 2003 XML" under a
 * .doc name): the element names are the same. What a reader of the printed form sees (issue 13):
 * the accepted view of tracked changes (insertions in; deletions and move-from out), content
 * controls showing their placeholder as empty, text boxes and nested tables in document order,
 * ticks from symbol fonts (w:sym, a letter in a Wingdings run or style, a U+F0xx character) and
 * legacy form check boxes (FORMCHECKBOX) as marks; field instructions
 * and alternate renderings left out. Call {@link #read} once per part (page headers first, then
 * the body), then {@link #build}.
 *
 * <p>Each part is read by {@link WordXmlScanner}, a quarter of the import's time cheaper than the
 * JDK's StAX parser (issue 12). Whatever the scanner cannot read exactly as StAX does (a DTD,
 * another encoding, malformed XML, a part too large to hold) makes the reader start over with
 * StAX alone, from the first part: the layout, the limits and the errors of bad input stay those
 * of the StAX reader.
 */
final class DocxXmlLayoutReader {

    /** POI's factory: DTDs and external entities off (XXE, billion laughs). */
    private static final XMLInputFactory FACTORY = XMLHelper.newXMLInputFactory();
    /** A form is some 20,000 XML events; past this the part is a bomb and reading stops. */
    private static final int MAX_EVENTS = 5_000_000;
    /**
     * The parts the scanner holds in memory together. StAX gives at most one event per byte, so
     * under this bound it never reaches {@link #MAX_EVENTS}, and the scanner need not count them.
     */
    private static final int MAX_SCANNED_BYTES = MAX_EVENTS / 2;
    /** Fonts whose letters are pictures: a "R" in Wingdings 2 is a ticked box. */
    private static final List<String> SYMBOL_FONTS = List.of("wingdings", "webdings", "symbol");
    static final String CHECKED_BOX = "☑";
    static final String EMPTY_BOX = "☐";

    /** Where a part's bytes come from; opened again when the reader starts over with StAX. */
    @FunctionalInterface
    interface Part {
        /** A new stream of the part's bytes, which the reader closes. */
        InputStream open() throws IOException;
    }

    private DocxLayoutEvents events = new DocxLayoutEvents();
    /** The parts read by the scanner, kept to be read again by StAX. */
    private final List<byte[]> scannedParts = new ArrayList<>();
    private long scannedBytes;
    private boolean streaming;
    private int eventCount;

    DocxXmlLayoutReader() {
        this(false);
    }

    private DocxXmlLayoutReader(boolean streaming) {
        this.streaming = streaming;
    }

    /** The StAX reader alone, as before the scanner: what the scanner is compared with. */
    static DocxXmlLayoutReader streamingOnly() {
        return new DocxXmlLayoutReader(true);
    }

    /** Reads the main part of a .docx or a Word 2003 XML file. */
    Layout read(Part documentXml) throws IOException {
        readPart(documentXml);
        return build();
    }

    /** Adds one part (a page header, the body) to the layout. */
    void readPart(Part part) throws IOException {
        if (!streaming) {
            byte[] bytes = readWithinBound(part);
            if (bytes != null && WordXmlScanner.scan(bytes, events)) {
                scannedParts.add(bytes);
                scannedBytes += bytes.length;
                return;
            }
            startOverStreaming();
            if (bytes != null) {
                stream(new ByteArrayInputStream(bytes));
                return;
            }
        }
        try (InputStream in = part.open()) {
            stream(in);
        }
    }

    Layout build() {
        return events.build();
    }

    /** Whether every part so far was read by the scanner (tests: the comparison with StAX is not vacuous). */
    boolean isScanned() {
        return !streaming;
    }

    /** The part's bytes; null when they do not fit the scanner's bound or the stream fails (StAX then meets the same). */
    private byte @Nullable [] readWithinBound(Part part) {
        long room = MAX_SCANNED_BYTES - scannedBytes - 2L * (scannedParts.size() + 1);
        if (room <= 0 || events.isFull()) {
            return null;
        }
        try (InputStream in = part.open()) {
            byte[] bytes = in.readNBytes((int) room + 1);
            return bytes.length > room ? null : bytes;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The layout as the StAX reader alone would have built it: the parts scanned so far read again. */
    private void startOverStreaming() throws IOException {
        streaming = true;
        events = new DocxLayoutEvents();
        eventCount = 0;
        for (byte[] bytes : scannedParts) {
            stream(new ByteArrayInputStream(bytes));
        }
        scannedParts.clear();
        scannedBytes = 0;
    }

    private void stream(InputStream partXml) throws IOException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(partXml);
            try {
                DocxLayoutEvents.Attributes attributes = name -> attribute(reader, name);
                while (reader.hasNext() && !events.isFull() && eventCount++ < MAX_EVENTS) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        events.start(DocxLayoutEvents.namespaceOf(reader.getNamespaceURI()), reader.getLocalName(), attributes);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        events.end(DocxLayoutEvents.namespaceOf(reader.getNamespaceURI()), reader.getLocalName());
                    } else if (event == XMLStreamConstants.CHARACTERS && events.wantsText()) {
                        events.text(reader.getText());
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable WordprocessingML part: " + e.getMessage(), e);
        }
    }

    /** Word 2003 XML and some writers leave the attributes unqualified. */
    private static @Nullable String attribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (name.equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    static boolean isSymbolFont(String font) {
        String lower = font.toLowerCase(Locale.ROOT);
        return SYMBOL_FONTS.stream().anyMatch(lower::startsWith);
    }

    /** The letters of a symbol-font run as marks: each stands for a picture in the font. */
    static String symbolText(String text) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                marks.append(c);
            } else {
                marks.append(SymbolMarks.mark(c < '\u0100' ? (char) ('\uF000' + c) : c));
            }
        }
        return marks.toString();
    }
}
