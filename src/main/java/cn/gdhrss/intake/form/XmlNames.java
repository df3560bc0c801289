package cn.gdhrss.intake.form;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The names of one XML part as {@link WordXmlScanner} meets them, one {@link Name} per spelling, so
 * tags match by identity and switch on cached hashes.
 */
final class XmlNames {
    /** The default namespace's prefix, canonical like every other. */
    static final String NO_PREFIX = "";
    static final String XML_PREFIX = "xml";

    private Name[] table = new Name[256];
    private int count;
    private final Map<String, String> parts = new HashMap<>(Map.of(NO_PREFIX, NO_PREFIX, XML_PREFIX, XML_PREFIX));

    /**
     * A qualified name as written, with its parts; one instance per spelling within a part, and its
     * parts one instance per spelling too, so names and prefixes compare by identity.
     */
    static final class Name {
        final String qualified;
        final char[] spelling;
        final @Nullable String prefix;
        final String local;
        /** The binding its prefix had at {@link #generation}: a name is mostly met under the root's declarations. */
        int generation = -1;
        int binding;

        Name(String qualified, @Nullable String prefix, String local) {
            this.qualified = qualified;
            this.spelling = qualified.toCharArray();
            this.prefix = prefix;
            this.local = local;
        }
    }

    /** @param hash {@link String#hashCode()} of the spelling */
    Name of(char[] chars, int start, int length, int colon, int hash) {
        int mask = table.length - 1;
        for (int slot = hash & mask;; slot = (slot + 1) & mask) {
            Name name = table[slot];
            if (name == null) {
                return add(slot, new String(chars, start, length), colon);
            }
            if (name.spelling.length == length && Arrays.equals(name.spelling, 0, length, chars, start, start + length)) {
                return name;
            }
        }
    }

    private String part(String spelled) {
        return parts.computeIfAbsent(spelled, key -> key);
    }

    private Name add(int slot, String qualified, int colon) {
        Name name = colon < 0 ? new Name(qualified, null, part(qualified))
                : new Name(qualified, part(qualified.substring(0, colon)), part(qualified.substring(colon + 1)));
        table[slot] = name;
        if (++count * 2 > table.length) {
            Name[] old = table;
            table = new Name[old.length * 2];
            int mask = table.length - 1;
            for (Name kept : old) {
                if (kept != null) {
                    int at = kept.qualified.hashCode() & mask;
                    while (table[at] != null) {
                        at = (at + 1) & mask;
                    }
                    table[at] = kept;
                }
            }
        }
        return name;
    }
}
