package cn.gdhrss.intake.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer without locks, for the streamed sheet XML of the 汇总表 (issue 12): POI
 * writes it a character or a short string at a time, and {@code BufferedWriter}'s lock on every
 * call was the largest cost of a 100,000-row workbook (JFR). One thread writes; nothing is shared.
 */
final class UnsynchronizedUtf8Writer extends Writer {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    /** A high surrogate whose low half has not come yet, or 0. */
    private char pendingHigh;

    UnsynchronizedUtf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(text.charAt(i));
        }
    }

    /** Text of ASCII characters only (markup, numbers), a byte each. */
    void writeAscii(String text) throws IOException {
        if (pendingHigh != 0) {
            write(text, 0, text.length());
            return;
        }
        for (int index = 0; index < text.length(); index++) {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) text.charAt(index);
        }
    }

    /**
     * Cell text escaped as POI's {@code SheetDataWriter.outputEscapedString} escapes it, character
     * for character, and encoded in the same pass: markup characters, line ends, tab and no-break
     * space as references, other control characters and U+FFFE/U+FFFF as ?, a lone surrogate as ?
     * (as {@link #put} writes it).
     */
    void writeEscaped(String text) throws IOException {
        if (pendingHigh != 0) {
            for (int index = 0; index < text.length(); index++) {
                put(text.charAt(index));
            }
            return;
        }
        for (int index = 0; index < text.length(); index++) {
            if (used > buffer.length - 8) {
                drain();
            }
            char c = text.charAt(index);
            if (c >= 0x80) {
                index = putNonAscii(text, index, c);
            } else if (c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"') {
                buffer[used++] = (byte) c;
            } else {
                putReference(c);
            }
        }
    }

    /** Writes the character at {@code index} (a pair when it starts one); returns the index of its last char. */
    private int putNonAscii(String text, int index, char c) {
        if (c == '\u00A0') {
            putAscii("&#xa0;");
        } else if (c < 0x800) {
            buffer[used++] = (byte) (0xC0 | c >> 6);
            buffer[used++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))) {
            int code = Character.toCodePoint(c, text.charAt(index + 1));
            buffer[used++] = (byte) (0xF0 | code >> 18);
            buffer[used++] = (byte) (0x80 | code >> 12 & 0x3F);
            buffer[used++] = (byte) (0x80 | code >> 6 & 0x3F);
            buffer[used++] = (byte) (0x80 | code & 0x3F);
            return index + 1;
        } else if (Character.isSurrogate(c) || c >= 0xFFFE) {
            buffer[used++] = '?';
        } else {
            buffer[used++] = (byte) (0xE0 | c >> 12);
            buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
            buffer[used++] = (byte) (0x80 | c & 0x3F);
        }
        return index;
    }

    private void putReference(char c) {
        switch (c) {
            case '<' -> putAscii("&lt;");
            case '>' -> putAscii("&gt;");
            case '&' -> putAscii("&amp;");
            case '"' -> putAscii("&quot;");
            case '\n' -> putAscii("&#xa;");
            case '\r' -> putAscii("&#xd;");
            case '\t' -> putAscii("&#x9;");
            default -> buffer[used++] = '?';
        }
    }

    /** At most 8 bytes, room for which the caller made. */
    private void putAscii(String reference) {
        for (int index = 0; index < reference.length(); index++) {
            buffer[used++] = (byte) reference.charAt(index);
        }
    }

    private void put(char c) throws IOException {
        if (used > buffer.length - 4) {
            drain();
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int code = Character.toCodePoint(high, c);
                buffer[used++] = (byte) (0xF0 | code >> 18);
                buffer[used++] = (byte) (0x80 | code >> 12 & 0x3F);
                buffer[used++] = (byte) (0x80 | code >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | code & 0x3F);
                return;
            }
            buffer[used++] = '?'; // a lone surrogate, as the JDK's encoder replaces it
            put(c);
            return;
        }
        if (c < 0x80) {
            buffer[used++] = (byte) c;
        } else if (c < 0x800) {
            buffer[used++] = (byte) (0xC0 | c >> 6);
            buffer[used++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buffer[used++] = '?';
        } else {
            buffer[used++] = (byte) (0xE0 | c >> 12);
            buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
            buffer[used++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            put('?');
        }
        flush();
        out.close();
    }
}
