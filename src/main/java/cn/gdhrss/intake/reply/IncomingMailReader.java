package cn.gdhrss.intake.reply;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the headers of an archived message and the Message-IDs of ours it mentions. Bounded: the
 * first megabyte only, at most 500 headers of 4,000 characters; broken headers give what could be read.
 */
public final class IncomingMailReader {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_HEADERS = 500;
    private static final int MAX_VALUE = 4000;
    private static final int MAX_IDS = 50;

    private final Pattern ownId;

    /** @param ownDomain the domain of our Message-IDs */
    public IncomingMailReader(String ownDomain) {
        this.ownId = Pattern.compile("<([!-;=?-~&&[^<>]]{1,200}@" + Pattern.quote(ownDomain) + ")>", Pattern.CASE_INSENSITIVE);
    }

    public IncomingMail read(Path rawMessage) throws IOException {
        byte[] head;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(rawMessage))) {
            head = in.readNBytes(MAX_BYTES);
        }
        return new IncomingMail(headersOf(head), ownIdsIn(new String(head, StandardCharsets.ISO_8859_1)));
    }

    private static Map<String, List<String>> headersOf(byte[] head) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try {
            Enumeration<Header> all = new InternetHeaders(new ByteArrayInputStream(head)).getAllHeaders();
            int count = 0;
            while (all.hasMoreElements() && count++ < MAX_HEADERS) {
                Header header = all.nextElement();
                String value = header.getValue() == null ? "" : header.getValue();
                headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE));
            }
        } catch (MessagingException e) {
            // Unreadable headers: the policy then sees none and decides on what it has.
        }
        return headers;
    }

    private List<String> ownIdsIn(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = ownId.matcher(text);
        while (matcher.find() && ids.size() < MAX_IDS) {
            ids.add(matcher.group(1));
        }
        return List.copyOf(ids);
    }
}
