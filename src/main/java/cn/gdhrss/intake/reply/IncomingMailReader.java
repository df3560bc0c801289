package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.register.StoredHeaders;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reply policy needs of a received message: its headers as intake stored them (issue 11),
 * and the Message-IDs of ours its first megabyte mentions (a bounce quotes the mail it returns):
 * that body scan is the one thing still read from the raw bytes.
 */
public final class IncomingMailReader {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_IDS = 50;

    private final Pattern ownId;
    private final String ownDomainMark;

    /** @param ownDomain the domain of our Message-IDs */
    public IncomingMailReader(String ownDomain) {
        this.ownDomainMark = "@" + ownDomain.toLowerCase(Locale.ROOT);
        this.ownId = Pattern.compile("<([!-;=?-~&&[^<>]]{1,200}@" + Pattern.quote(ownDomain) + ")>", Pattern.CASE_INSENSITIVE);
    }

    public IncomingMail read(StoredHeaders headers, Path rawMessage) throws IOException {
        byte[] head;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(rawMessage))) {
            head = in.readNBytes(MAX_BYTES);
        }
        return new IncomingMail(headers.headers(), ownIdsIn(new String(head, StandardCharsets.ISO_8859_1)));
    }

    private List<String> ownIdsIn(String text) {
        // Most mail never mentions our domain: a plain search settles it before the pattern is tried
        // at every position of up to a megabyte (issue 12).
        if (!text.toLowerCase(Locale.ROOT).contains(ownDomainMark)) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = ownId.matcher(text);
        while (matcher.find() && ids.size() < MAX_IDS) {
            ids.add(matcher.group(1));
        }
        return List.copyOf(ids);
    }
}
