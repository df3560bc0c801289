package cn.gdhrss.intake.casefile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference numbers quoted in a subject: {@code XZY-2026-0001}, also typed with full-width dashes or lower case. */
public final class CaseReferences {
    private static final Pattern REFERENCE = Pattern.compile("(?i)XZY\\s*[-－—–_]\\s*(\\d{4})\\s*[-－—–_]\\s*(\\d{4,6})");
    private static final int MAX_REFERENCES = 20;

    private CaseReferences() {}

    /** The references in {@code text}, normalised, in order of appearance, at most twenty. */
    public static List<String> find(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find() && found.size() < MAX_REFERENCES) {
            found.add(String.format(Locale.ROOT, "XZY-%s-%04d", matcher.group(1), Integer.parseInt(matcher.group(2))));
        }
        return List.copyOf(found);
    }
}
