package cn.gdhrss.intake.form;

import cn.gdhrss.intake.form.XmlNames.Name;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A forward scanner over one WordprocessingML part that gives {@link DocxLayoutEvents} the events
 * the JDK's StAX parser gives (issue 12: StAX was 28 % of the import's time). It reads the XML that
 * Word, WPS, LibreOffice and python-docx write: UTF-8, or UTF-16 with a byte order mark; any
 * namespace prefixes, resolved by their declared URI; the five predefined entities and character
 * references; CDATA sections (character data, as StAX reports them); comments and processing
 * instructions (skipped); XML 1.0 line ends and attribute-value normalisation.
 *
 * <p>It checks well-formedness at least as strictly as StAX up to where reading stops, so a part
 * it reads to the end is one StAX reads to the end with the same events. Anything else makes it
 * answer false before it has given all events: a DTD, another encoding, XML 1.1, a name outside
 * ASCII, an undeclared entity or prefix, a character XML forbids, a tag left open, text past a
 * cell's bound (where StAX's splitting of character data would show). The caller then reads the
 * part again with StAX, from a fresh {@link DocxLayoutEvents}.
 */
final class WordXmlScanner {

    /** Below the JDK's limits (1,000 characters a name, 10,000 attributes an element), which StAX enforces. */
    private static final int MAX_NAME = 200;
    private static final int MAX_ATTRIBUTES = 200;
    private static final int MAX_DEPTH = 10_000;

    /** The part holds what this scanner does not read exactly as StAX does. */
    private static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;
        private static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super(null, null, false, false);
        }
    }

    private final char[] chars;
    private final int end;
    private int at;
    private final DocxLayoutEvents events;
    private final XmlNames names = new XmlNames();
    private final StringBuilder buffer = new StringBuilder();

    private Name[] openNames = new Name[64];
    private int[] openNamespaces = new int[64];
    private int[] openBindings = new int[64];
    private int depth;

    private final XmlNamespaceBindings bindings = new XmlNamespaceBindings();

    /** The attributes of the current start tag; a value is decoded only when asked for. */
    private final Name[] attributeNames = new Name[MAX_ATTRIBUTES];
    private final int[] attributeStarts = new int[MAX_ATTRIBUTES];
    private final int[] attributeEnds = new int[MAX_ATTRIBUTES];
    private final boolean[] attributesVerbatim = new boolean[MAX_ATTRIBUTES];
    private final @Nullable String[] attributeUris = new String[MAX_ATTRIBUTES];
    private int attributeCount;
    private final DocxLayoutEvents.Attributes attributes = this::attribute;

    private WordXmlScanner(char[] chars, int start, int end, DocxLayoutEvents events) {
        this.chars = chars;
        this.at = start;
        this.end = end;
        this.events = events;
    }

    /**
     * Gives the part's events to {@code events}, until the end or until it {@link DocxLayoutEvents#isFull()}.
     *
     * @return false when the part is not certain to be read as StAX reads it; {@code events} then holds
     *     an unknown share of the part and is to be dropped
     */
    static boolean scan(byte[] part, DocxLayoutEvents events) {
        try {
            XmlPartChars decoded = XmlPartChars.of(part);
            if (decoded == null) {
                return false;
            }
            new WordXmlScanner(decoded.chars(), decoded.start(), decoded.end(), events).document(decoded.utf16());
            return true;
        } catch (Unsure | RuntimeException e) {
            // A fault of the scanner's own is no reason to read a part otherwise than StAX would.
            return false;
        }
    }

    private void document(boolean utf16) throws Unsure {
        if (events.isFull()) {
            throw Unsure.INSTANCE;
        }
        if (startsWith("<?xml") && at + 5 < end && isSpace(chars[at + 5])) {
            declaration(utf16);
        } else if (utf16) {
            // UTF-16 without a declaration is rare enough to leave to StAX.
            throw Unsure.INSTANCE;
        }
        prolog();
        content();
        epilogue();
    }

    /** {@code <?xml version="1.0" encoding="…" standalone="…"?>}, in that order, as StAX requires. */
    private void declaration(boolean utf16) throws Unsure {
        at += 5;
        String version = pseudoAttribute("version", true);
        String encoding = pseudoAttribute("encoding", false);
        String standalone = pseudoAttribute("standalone", false);
        skipSpaces();
        expect('?');
        expect('>');
        if (!"1.0".equals(version) || standalone != null && !standalone.equals("yes") && !standalone.equals("no")) {
            throw Unsure.INSTANCE;
        }
        String expected = utf16 ? "UTF-16" : "UTF-8";
        if (encoding == null ? utf16 : !encoding.equalsIgnoreCase(expected)) {
            throw Unsure.INSTANCE;
        }
    }

    private @Nullable String pseudoAttribute(String name, boolean required) throws Unsure {
        int mark = at;
        if (!skipSpaces() || !startsWith(name)) {
            if (required) {
                throw Unsure.INSTANCE;
            }
            at = mark;
            return null;
        }
        at += name.length();
        char quote = equalsAndQuote();
        int start = at;
        while (at < end && chars[at] != quote) {
            char c = chars[at++];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                throw Unsure.INSTANCE;
            }
        }
        expect(quote);
        return new String(chars, start, at - 1 - start);
    }

    /** Misc before the root element: white space, comments, processing instructions; no DTD. */
    private void prolog() throws Unsure {
        while (true) {
            skipSpaces();
            if (!misc()) {
                if (at + 1 < end && chars[at] == '<' && isNameStart(chars[at + 1])) {
                    return;
                }
                throw Unsure.INSTANCE;
            }
        }
    }

    /** Reads a comment or a processing instruction if one starts here. */
    private boolean misc() throws Unsure {
        if (startsWith("<!--")) {
            comment();
        } else if (startsWith("<?")) {
            processingInstruction();
        } else {
            return false;
        }
        return true;
    }

    /** Each event is given only while the layout is not full: StAX's loop asks before every event. */
    private void content() throws Unsure {
        startTag();
        while (depth > 0) {
            if (events.isFull()) {
                return;
            }
            if (at >= end) {
                throw Unsure.INSTANCE;
            }
            if (chars[at] != '<') {
                text();
            } else if (at + 1 >= end) {
                throw Unsure.INSTANCE;
            } else {
                switch (chars[at + 1]) {
                    case '/' -> endTag();
                    case '?', '!' -> markup();
                    default -> startTag();
                }
            }
        }
    }

    private void epilogue() throws Unsure {
        while (!events.isFull()) {
            skipSpaces();
            if (at >= end) {
                return;
            }
            if (!misc()) {
                throw Unsure.INSTANCE;
            }
        }
    }

    /** In content, a CDATA section besides comments and processing instructions; a DOCTYPE or other declaration is refused. */
    private void markup() throws Unsure {
        if (startsWith("<![CDATA[")) {
            cdata();
        } else if (!misc()) {
            throw Unsure.INSTANCE;
        }
    }

    /** {@code <!-- … -->} with no "--" inside. */
    private void comment() throws Unsure {
        at += 4;
        while (true) {
            if (at + 1 >= end) {
                throw Unsure.INSTANCE;
            }
            if (chars[at] == '-' && chars[at + 1] == '-') {
                at += 2;
                expect('>');
                return;
            }
            skipChar();
        }
    }

    /** {@code <?target …?>}; the target may not be "xml" in any case nor hold a colon. */
    private void processingInstruction() throws Unsure {
        at += 2;
        int start = at;
        while (at < end && isNameChar(chars[at])) {
            at++;
        }
        int length = at - start;
        if (length == 0 || length > MAX_NAME || !isNameStart(chars[start])
                || length == 3 && new String(chars, start, 3).equalsIgnoreCase("xml")) {
            throw Unsure.INSTANCE;
        }
        if (!startsWith("?>") && !skipSpaces()) {
            throw Unsure.INSTANCE;
        }
        while (!startsWith("?>")) {
            if (at >= end) {
                throw Unsure.INSTANCE;
            }
            skipChar();
        }
        at += 2;
    }

    /** {@code <![CDATA[ … ]]>}: character data, as StAX reports it (not coalescing, but the text adds up the same). */
    private void cdata() throws Unsure {
        at += 9;
        boolean wanted = events.wantsText();
        buffer.setLength(0);
        int run = at;
        while (true) {
            if (at + 2 >= end) {
                throw Unsure.INSTANCE;
            }
            char c = chars[at];
            if (c == ']' && chars[at + 1] == ']' && chars[at + 2] == '>') {
                break;
            }
            if (c == '\r') {
                run = flushLineEnd(run, wanted);
            } else {
                skipChar();
            }
        }
        if (wanted) {
            buffer.append(chars, run, at - run);
        }
        at += 3;
        if (wanted) {
            give(buffer.toString());
        }
    }

    /** Character data up to the next markup: entities resolved, line ends made "\n", "]]>" refused. */
    private void text() throws Unsure {
        boolean wanted = events.wantsText();
        buffer.setLength(0);
        int start = at;
        int run = at;
        while (at < end) {
            char c = chars[at];
            if (c > '>' && c < 0xD800 || c >= 0x20 && c < '&' || c > '&' && c < '<') {
                at++;
            } else if (c == '<') {
                break;
            } else if (c == '&') {
                if (wanted) {
                    buffer.append(chars, run, at - run);
                }
                reference(wanted);
                run = at;
            } else if (c == '\r') {
                run = flushLineEnd(run, wanted);
            } else if (c == '>' && at - 2 >= start && chars[at - 1] == ']' && chars[at - 2] == ']') {
                throw Unsure.INSTANCE;
            } else {
                skipChar();
            }
        }
        if (at >= end) {
            throw Unsure.INSTANCE;
        }
        if (wanted) {
            buffer.append(chars, run, at - run);
            give(buffer.toString());
        }
    }

    /** XML 1.0 §2.11: "\r\n" and a lone "\r" are read as "\n". Returns where the next run starts. */
    private int flushLineEnd(int run, boolean wanted) {
        if (wanted) {
            buffer.append(chars, run, at - run).append('\n');
        }
        at++;
        if (at < end && chars[at] == '\n') {
            at++;
        }
        return at;
    }

    /**
     * Past {@link LayoutBuilder#MAX_CELL_CHARS} the layout keeps only whole pieces of character data
     * as StAX happens to split them; up to it, the pieces add up to the same paragraph.
     */
    private void give(String text) throws Unsure {
        events.text(text);
        if (events.paragraphLength() >= LayoutBuilder.MAX_CELL_CHARS) {
            throw Unsure.INSTANCE;
        }
    }

    /** {@code &name;} of the five predefined entities or a character reference; appended when wanted. */
    private void reference(boolean wanted) throws Unsure {
        at++;
        if (at < end && chars[at] == '#') {
            int code = characterReference();
            if (wanted) {
                buffer.appendCodePoint(code);
            }
            return;
        }
        char resolved;
        if (startsWith("amp;")) {
            resolved = '&';
        } else if (startsWith("lt;")) {
            resolved = '<';
        } else if (startsWith("gt;")) {
            resolved = '>';
        } else if (startsWith("quot;")) {
            resolved = '"';
        } else if (startsWith("apos;")) {
            resolved = '\'';
        } else {
            throw Unsure.INSTANCE;
        }
        at += resolved == '<' || resolved == '>' ? 3 : resolved == '&' ? 4 : 5;
        if (wanted) {
            buffer.append(resolved);
        }
    }

    /** {@code &#65;} or {@code &#x41;} (lower-case x only) of a character XML allows. */
    private int characterReference() throws Unsure {
        at++;
        int radix = 10;
        if (at < end && chars[at] == 'x') {
            radix = 16;
            at++;
        }
        int start = at;
        int code = 0;
        while (at < end && chars[at] != ';') {
            int digit = Character.digit(chars[at], radix);
            if (digit < 0 || chars[at] > 'f' || at - start >= 8) {
                throw Unsure.INSTANCE;
            }
            code = code * radix + digit;
            at++;
        }
        if (at == start || at >= end || !isXmlChar(code)) {
            throw Unsure.INSTANCE;
        }
        at++;
        return code;
    }

    private static boolean isXmlChar(int code) {
        return code == 0x9 || code == 0xA || code == 0xD || code >= 0x20 && code <= 0xD7FF
                || code >= 0xE000 && code <= 0xFFFD || code >= 0x10000 && code <= 0x10FFFF;
    }

    /** Steps over one character XML allows (a surrogate pair as one), refusing any other. */
    private void skipChar() throws Unsure {
        char c = chars[at];
        if (c >= 0x20 && c < 0xD800 || c == '\n' || c == '\t' || c >= 0xE000 && c <= 0xFFFD) {
            at++;
        } else if (Character.isHighSurrogate(c) && at + 1 < end && Character.isLowSurrogate(chars[at + 1])) {
            at += 2;
        } else if (c == '\r') {
            at++;
        } else {
            throw Unsure.INSTANCE;
        }
    }

    private void startTag() throws Unsure {
        at++;
        Name name = name();
        int outerBindings = bindings.mark();
        attributeCount = 0;
        boolean empty;
        while (true) {
            boolean spaced = skipSpaces();
            if (at >= end) {
                throw Unsure.INSTANCE;
            }
            char c = chars[at];
            if (c == '>') {
                at++;
                empty = false;
                break;
            }
            if (c == '/') {
                at++;
                expect('>');
                empty = true;
                break;
            }
            if (!spaced) {
                throw Unsure.INSTANCE;
            }
            readAttribute(outerBindings);
        }
        int namespace = resolveElement(name);
        resolveAttributes();
        events.start(namespace, name.local, attributes);
        if (empty) {
            unbindTo(outerBindings);
            if (events.isFull()) {
                return;
            }
            events.end(namespace, name.local);
        } else {
            push(name, namespace, outerBindings);
        }
    }

    /** {@code name = "value"}: a namespace declaration is bound at once, any other attribute kept. */
    private void readAttribute(int outerBindings) throws Unsure {
        Name name = name();
        char quote = equalsAndQuote();
        int start = at;
        boolean verbatim = attributeValue(quote);
        int valueEnd = at - 1;
        if (name.prefix == null && name.local.equals("xmlns")) {
            declare(XmlNames.NO_PREFIX, value(start, valueEnd, verbatim), outerBindings);
        } else if ("xmlns".equals(name.prefix)) {
            declare(name.local, value(start, valueEnd, verbatim), outerBindings);
        } else {
            if (attributeCount == MAX_ATTRIBUTES) {
                throw Unsure.INSTANCE;
            }
            attributeNames[attributeCount] = name;
            attributeStarts[attributeCount] = start;
            attributeEnds[attributeCount] = valueEnd;
            attributesVerbatim[attributeCount++] = verbatim;
        }
    }

    private void declare(String prefix, String uri, int outerBindings) throws Unsure {
        if (!bindings.declare(prefix, uri, outerBindings)) {
            throw Unsure.INSTANCE;
        }
    }

    private void unbindTo(int outerBindings) {
        bindings.unbindTo(outerBindings);
    }

    private int resolveElement(Name name) throws Unsure {
        int index = bindings.indexOf(name);
        if (index >= 0) {
            return bindings.namespaceAt(index);
        }
        if (name.prefix != null) {
            throw Unsure.INSTANCE;
        }
        return DocxLayoutEvents.OTHER;
    }

    /** Prefixed attributes take their prefix's URI, others none; two of one URI and local name are an error. */
    private void resolveAttributes() throws Unsure {
        for (int i = 0; i < attributeCount; i++) {
            Name name = attributeNames[i];
            String uri = null;
            if (name.prefix == XmlNames.XML_PREFIX) {
                uri = XmlNamespaceBindings.XML_NAMESPACE;
            } else if (name.prefix != null) {
                int index = bindings.indexOf(name);
                if (index < 0) {
                    throw Unsure.INSTANCE;
                }
                uri = bindings.uriAt(index);
            }
            attributeUris[i] = uri;
            for (int j = 0; j < i; j++) {
                if (attributeNames[j].local == name.local && Objects.equals(attributeUris[j], uri)) {
                    throw Unsure.INSTANCE;
                }
            }
        }
    }

    private @Nullable String attribute(String localName) {
        for (int i = 0; i < attributeCount; i++) {
            if (attributeNames[i].local.equals(localName)) {
                return value(attributeStarts[i], attributeEnds[i], attributesVerbatim[i]);
            }
        }
        return null;
    }

    /**
     * Checks a quoted value up to and past its closing quote: "<" refused, references resolvable.
     *
     * @return whether the value is its characters as written (no reference, no white space to normalise)
     */
    private boolean attributeValue(char quote) throws Unsure {
        boolean verbatim = true;
        while (true) {
            if (at >= end) {
                throw Unsure.INSTANCE;
            }
            char c = chars[at];
            if (c > '<' && c < 0xD800 || c >= 0x20 && c < '<' && c != '&' && c != quote) {
                at++;
            } else if (c == quote) {
                at++;
                return verbatim;
            } else if (c == '<') {
                throw Unsure.INSTANCE;
            } else if (c == '&') {
                reference(false);
                verbatim = false;
            } else if (c == '\t' || c == '\n' || c == '\r') {
                at++;
                verbatim = false;
            } else {
                skipChar();
            }
        }
    }

    /** A checked value, references resolved and white space characters made spaces (XML 1.0 §3.3.3). */
    private String value(int start, int valueEnd, boolean verbatim) {
        if (verbatim) {
            return new String(chars, start, valueEnd - start);
        }
        int resume = at;
        buffer.setLength(0);
        at = start;
        int run = at;
        while (at < valueEnd) {
            char c = chars[at];
            if (c == '&') {
                buffer.append(chars, run, at - run);
                referenceChecked();
                run = at;
            } else if (c == '\t' || c == '\n' || c == '\r') {
                buffer.append(chars, run, at - run).append(' ');
                at += c == '\r' && at + 1 < valueEnd && chars[at + 1] == '\n' ? 2 : 1;
                run = at;
            } else {
                at++;
            }
        }
        buffer.append(chars, run, at - run);
        at = resume;
        return buffer.toString();
    }

    /** A reference already checked by {@link #attributeValue(char)}, appended to the buffer. */
    private void referenceChecked() {
        try {
            reference(true);
        } catch (Unsure e) {
            throw new IllegalStateException("reference checked before", e);
        }
    }

    /** The end tag must spell the open element's name: compared as written, there is nothing to look up. */
    private void endTag() throws Unsure {
        at += 2;
        depth--;
        Name name = openNames[depth];
        char[] spelling = name.spelling;
        int length = spelling.length;
        if (at + length >= end || !Arrays.equals(chars, at, at + length, spelling, 0, length)) {
            throw Unsure.INSTANCE;
        }
        at += length;
        skipSpaces();
        expect('>');
        unbindTo(openBindings[depth]);
        events.end(openNamespaces[depth], name.local);
    }

    private void push(Name name, int namespace, int outerBindings) throws Unsure {
        if (depth == openNames.length) {
            if (depth >= MAX_DEPTH) {
                throw Unsure.INSTANCE;
            }
            openNames = Arrays.copyOf(openNames, depth * 2);
            openNamespaces = Arrays.copyOf(openNamespaces, depth * 2);
            openBindings = Arrays.copyOf(openBindings, depth * 2);
        }
        openNames[depth] = name;
        openNamespaces[depth] = namespace;
        openBindings[depth++] = outerBindings;
    }

    /** An ASCII QName: NCName, or NCName ":" NCName. */
    private Name name() throws Unsure {
        int start = at;
        int colon = -1;
        if (at >= end || !isNameStart(chars[at])) {
            throw Unsure.INSTANCE;
        }
        int hash = chars[at++];
        while (at < end) {
            char c = chars[at];
            if (c < 0x80 && NAME_CHARS[c]) {
                hash = 31 * hash + c;
            } else if (c == ':' && colon < 0 && at + 1 < end && isNameStart(chars[at + 1])) {
                colon = at;
                hash = 31 * hash + c;
            } else {
                break;
            }
            at++;
        }
        if (at >= end || at - start > MAX_NAME || chars[at] > 0x7F || chars[at] == ':') {
            throw Unsure.INSTANCE;
        }
        return names.of(chars, start, at - start, colon - start, hash);
    }

    /** ASCII name characters but the colon, which {@link #name()} takes once, between two NCNames. */
    private static final boolean[] NAME_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            NAME_CHARS[c] = isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.';
        }
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return c < 0x80 && NAME_CHARS[c];
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private boolean skipSpaces() {
        int start = at;
        while (at < end && isSpace(chars[at])) {
            at++;
        }
        return at > start;
    }

    private boolean startsWith(String literal) {
        if (at + literal.length() > end) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (chars[at + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code Eq} and the opening quote of a value: {@code S? '=' S? ('"' | "'")}. */
    private char equalsAndQuote() throws Unsure {
        skipSpaces();
        expect('=');
        skipSpaces();
        char quote = next();
        if (quote != '"' && quote != '\'') {
            throw Unsure.INSTANCE;
        }
        return quote;
    }

    private char next() throws Unsure {
        if (at >= end) {
            throw Unsure.INSTANCE;
        }
        return chars[at++];
    }

    private void expect(char c) throws Unsure {
        if (next() != c) {
            throw Unsure.INSTANCE;
        }
    }
}
