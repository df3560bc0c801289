package cn.gdhrss.intake.attachment;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds uuencoded files ("begin 644 name" ... "end") inside a text part, as Lotus Notes and old
 * clients send them, and keeps the text around them as body text. Streams: a text part of any size
 * is scanned line by line without being held in memory.
 */
final class UuencodeScanner {

    private static final Pattern BEGIN = Pattern.compile("begin [0-7]{3,4} (.+?)\\s*");
    /** Lines longer than this are read through but only their start is looked at. */
    private static final int MAX_LINE_BYTES = 4096;

    /** A uuencoded file whose "begin" line starts at {@code offset} bytes into the decoded part. */
    record Block(long offset, String name) {}

    /** The text outside blocks (at most the asked number of bytes) and the blocks, in order. */
    record Scan(byte[] text, List<Block> blocks) {}

    Scan scan(InputStream part, int maxTextBytes, int maxBlocks) throws IOException {
        InputStream in = new BufferedInputStream(part);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<Block> blocks = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long offset = 0;
        boolean insideBlock = false;
        long lineLength;
        while ((lineLength = readLine(in, line)) > 0) {
            String start = line.toString(StandardCharsets.ISO_8859_1);
            Matcher begin = BEGIN.matcher(start);
            if (!insideBlock && begin.matches() && blocks.size() < maxBlocks) {
                blocks.add(new Block(offset, EncodedWords.decodeUnlabelled(begin.group(1))));
                insideBlock = true;
            } else if (insideBlock) {
                insideBlock = !start.strip().equals("end");
            } else if (text.size() + line.size() <= maxTextBytes) {
                line.writeTo(text);
            }
            offset += lineLength;
        }
        return new Scan(text.toByteArray(), blocks);
    }

    /** Reads one line into {@code line} (its first {@link #MAX_LINE_BYTES} bytes); returns its full length. */
    private static long readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        long length = 0;
        int b;
        while ((b = in.read()) >= 0) {
            length++;
            if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            }
            if (b == '\n') {
                break;
            }
        }
        return length;
    }
}
