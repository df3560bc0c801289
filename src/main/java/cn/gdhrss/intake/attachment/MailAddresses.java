package cn.gdhrss.intake.attachment;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses taken from applicants' headers, parsed and validated with {@link InternetAddress}. Only
 * the bare address is ever used again (never the display name), so nothing an applicant typed
 * reaches one of our headers. The one parser of addresses (issue 11): intake stores what it finds,
 * every later step reads that.
 */
public final class MailAddresses {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final int MAX_ADDRESSES = 20;

    private MailAddresses() {}

    /** The valid bare addresses of a raw header value, lower case; empty when none is valid. */
    public static List<String> parse(String rawHeader) {
        List<String> found = parseStrictly(rawHeader);
        // Some clients encode the whole From, address included, as one encoded-word: decode and retry.
        return found.isEmpty() && rawHeader.contains("=?") ? parseStrictly(EncodedWords.decode(rawHeader)) : found;
    }

    private static List<String> parseStrictly(String rawHeader) {
        List<String> found = new ArrayList<>();
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(rawHeader.replaceAll("[\\r\\n]+", " "), false);
            for (int i = 0; i < parsed.length && found.size() < MAX_ADDRESSES; i++) {
                validated(parsed[i].getAddress()).ifPresent(found::add);
            }
        } catch (AddressException e) {
            // An unparsable header has no usable address.
        }
        return found;
    }

    /** {@code address} when it is a plain valid mailbox (ASCII, one @, a dotted domain), lower case. */
    public static Optional<String> validated(@org.jspecify.annotations.Nullable String address) {
        if (address == null || !SAFE.matcher(address).matches() || !address.substring(address.indexOf('@')).contains(".")) {
            return Optional.empty();
        }
        try {
            new InternetAddress(address, true).validate();
            return Optional.of(address.toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    public static String localPart(String address) {
        int at = address.indexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    public static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
