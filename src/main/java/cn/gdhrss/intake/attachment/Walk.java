package cn.gdhrss.intake.attachment;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of extracting one message: files found so far, problems, body text, links, temp files. */
final class Walk implements Closeable {
    private static final int MAX_CHARSET_HINTS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(Walk.class);
    private static final int MAX_PROBLEMS = 50;
    private static final int MAX_LINKS = 50;

    private final List<ExtractedFile> files = new ArrayList<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private final Map<String, CloudLink> links = new LinkedHashMap<>();
    private final StringBuilder plainText = new StringBuilder();
    private final StringBuilder htmlText = new StringBuilder();
    private final Deque<Closeable> resources = new ArrayDeque<>();
    /** Charsets the message declared so far (headers, body parts), in order: hints for its raw 8-bit names (issue 10). */
    private final Set<Charset> charsetHints = new LinkedHashSet<>();
    private @Nullable MessageFile messageFile;
    private int lastSeq;
    private int parts;

    /** The message file under the walk's top-level message, when it is read from one. */
    void messageFile(MessageFile file) {
        this.messageFile = file;
    }

    Optional<MessageFile> messageFile() {
        return Optional.ofNullable(messageFile);
    }

    int nextSeq() {
        return ++lastSeq;
    }

    void add(ExtractedFile file) {
        files.add(file);
    }

    /** True for the first part over the limit only (after {@link #countPart} said false). */
    boolean isFirstPartOverLimit(int maxParts) {
        return parts == maxParts + 1;
    }

    /** Counts a MIME part; false once the message has more parts than allowed. */
    boolean countPart(int maxParts) {
        parts++;
        return parts <= maxParts;
    }

    /** Adds what a part's raw headers declare; bounded, as the declarations come from the message. */
    void noteDeclaredCharsets(String rawHeaders) {
        if (charsetHints.size() < MAX_CHARSET_HINTS) {
            MailCharsets.declaredIn(rawHeaders).forEach(charsetHints::add);
        }
    }

    List<Charset> charsetHints() {
        return List.copyOf(charsetHints);
    }

    void problem(String sentence) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(sentence);
        }
    }

    void addPlainText(String text) {
        append(plainText, text);
    }

    void addHtmlText(String text) {
        append(htmlText, text);
    }

    void addLinks(List<CloudLink> found) {
        for (CloudLink link : found) {
            if (links.size() < MAX_LINKS) {
                links.putIfAbsent(link.url(), link);
            }
        }
    }

    List<CloudLink> links() {
        return List.copyOf(links.values());
    }

    /** Closed (and deleted) when the walk ends: spooled forwarded messages and their streams. */
    void own(Closeable resource) {
        resources.push(resource);
    }

    void ownTemporaryFile(Path file) {
        own(() -> Files.deleteIfExists(file));
    }

    Extraction result() {
        String body = plainText.length() > 0 ? plainText.toString() : htmlText.toString();
        List<ExtractedFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparingInt(ExtractedFile::seq));
        return new Extraction(ordered, body.strip(), List.copyOf(problems));
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (IOException e) {
                LOG.warn("Could not release a temporary resource of the extraction", e);
            }
        }
    }

    private static void append(StringBuilder target, String text) {
        int room = MessageExtractor.MAX_BODY_CHARS - target.length();
        if (room <= 0 || text.isBlank()) {
            return;
        }
        if (target.length() > 0) {
            target.append("\n\n");
            room -= 2;
        }
        target.append(text, 0, Math.min(text.length(), Math.max(room, 0)));
    }
}
