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

/**
 * What the reply policy needs of a received message: its headers as intake stored them (issue 11),
 * and the Message-IDs of ours its first megabyte mentions (a bounce quotes the mail it returns):
 * that body scan is the one thing still read from the raw bytes.
 */
public final class IncomingMailReader {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_IDS = 50;

    private static final int MAX_LOCAL_PART = 200;

    /** "@domain>" in lower case: where one of our Message-IDs ends. */
    private final byte[] idEnd;

    /** @param ownDomain the domain of our Message-IDs */
    public IncomingMailReader(String ownDomain) {
        this.idEnd = ("@" + ownDomain.toLowerCase(Locale.ROOT) + ">").getBytes(StandardCharsets.ISO_8859_1);
    }

    public IncomingMail read(StoredHeaders headers, Path rawMessage) throws IOException {
        byte[] head;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(rawMessage))) {
            head = in.readNBytes(MAX_BYTES);
        }
        return new IncomingMail(headers.headers(), ownIdsIn(head));
    }

    /**
     * Every {@code <local@domain>} with a local part of 1 to 200 printable ASCII characters other than
     * angle brackets, in order. Found from where "@domain>" occurs, not by trying a pattern at every
     * position of up to a megabyte (issue 12: that was a fiftieth of an import).
     */
    List<String> ownIdsIn(byte[] text) {
        Set<String> ids = new LinkedHashSet<>();
        for (int at = indexOf(text, 0); at >= 0 && ids.size() < MAX_IDS; at = indexOf(text, at + 1)) {
            int start = at;
            while (start > 0 && at - start <= MAX_LOCAL_PART && isLocalPartCharacter(text[start - 1])) {
                start--;
            }
            int length = at - start;
            if (start > 0 && text[start - 1] == '<' && length >= 1 && length <= MAX_LOCAL_PART) {
                ids.add(new String(text, start, length + idEnd.length - 1, StandardCharsets.ISO_8859_1));
            }
        }
        return List.copyOf(ids);
    }

    private static boolean isLocalPartCharacter(byte b) {
        return b >= '!' && b <= '~' && b != '<' && b != '>';
    }

    /** The next position of {@link #idEnd} from {@code from}, ASCII letters compared without case. */
    private int indexOf(byte[] text, int from) {
        int last = text.length - idEnd.length;
        for (int i = from; i <= last; i++) {
            if (text[i] == '@' && matchesAt(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(byte[] text, int at) {
        for (int k = 1; k < idEnd.length; k++) {
            byte b = text[at + k];
            if ((b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b) != idEnd[k]) {
                return false;
            }
        }
        return true;
    }
}
