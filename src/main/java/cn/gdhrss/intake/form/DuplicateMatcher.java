package cn.gdhrss.intake.form;

import java.util.List;

/**
 * How alike two occupation names are, for linking proposals of the same or a very similar
 * occupation (issue 3, "Duplicates in the register") and for the "already exists" check against
 * the catalogues. A pure function of its two arguments: thread-safe, no state.
 *
 * <p>Names are compared by their key: full-width/half-width forms, spaces, line breaks and
 * bracket characters do not count, and 人员 equals 员. On the keys:
 * <ul>
 *   <li>equal keys score 1.0 (the same occupation);
 *   <li>keys that differ only in the role word at the end (…员/…师/…工/…技师/…技术员/…工程技术员,
 *       with at least two characters before it) score {@value #SAME_CORE_SCORE}:
 *       数据标注员 and 数据标注师 name one trade;
 *   <li>otherwise the larger of the Dice coefficient of character bigrams and the Levenshtein
 *       ratio (1 − distance / longer length).
 * </ul>
 * Names are cut to {@value #MAX_COMPARED_CHARS} characters before comparing, so a hostile
 * "name" of a megabyte costs no more than a real one.
 */
public final class DuplicateMatcher {

    /** Score at and above which two names are "very similar". */
    public static final double SIMILAR_THRESHOLD = 0.75;
    static final double SAME_CORE_SCORE = 0.9;
    static final int MAX_COMPARED_CHARS = 64;

    /** Role words at the end of a key, longest first (keys have 人员 already written as 员). */
    private static final List<String> ROLE_ENDINGS = List.of("工程技术员", "技术员", "技师", "员", "师", "工");

    /** Similarity in [0, 1]; 0 when either name is empty after normalising. */
    public double similarity(String a, String b) {
        return similarityOfKeys(key(a), key(b));
    }

    /** Equal after normalising brackets, spaces, full-width forms and 人员/员; never for empty names. */
    public boolean isSameOccupation(String a, String b) {
        String keyA = key(a);
        return !keyA.isEmpty() && keyA.equals(key(b));
    }

    /** Similarity at or above {@link #SIMILAR_THRESHOLD}; true for the same occupation too. */
    public boolean isSimilar(String a, String b) {
        return similarity(a, b) >= SIMILAR_THRESHOLD;
    }

    static String key(String name) {
        String key = NameKeys.occupationKey(name);
        return key.length() > MAX_COMPARED_CHARS ? key.substring(0, MAX_COMPARED_CHARS) : key;
    }

    static double similarityOfKeys(String a, String b) {
        return similarityOfKeys(a, b, CharacterBigrams.dice(a, b));
    }

    /** As {@link #similarityOfKeys(String, String)} with the bigram Dice coefficient already known. */
    static double similarityOfKeys(String a, String b, double dice) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        String coreA = core(a);
        if (!coreA.isEmpty() && coreA.equals(core(b))) {
            return SAME_CORE_SCORE;
        }
        return Math.min(Math.max(dice, levenshteinRatio(a, b)), SAME_CORE_SCORE);
    }

    /**
     * Whether the keys could reach {@code threshold} at all: the same core, a Dice coefficient
     * that reaches it, or lengths close enough for the Levenshtein ratio to (the distance is at
     * least the difference of the lengths). Saves the distance for most candidates.
     */
    static boolean mayReach(String a, String b, double dice, double threshold) {
        if (dice >= threshold) {
            return true;
        }
        int lengthA = a.codePointCount(0, a.length());
        int lengthB = b.codePointCount(0, b.length());
        double bestRatio = 1 - (double) Math.abs(lengthA - lengthB) / Math.max(lengthA, lengthB);
        String coreA = core(a);
        return bestRatio >= threshold || !coreA.isEmpty() && coreA.equals(core(b));
    }

    /** The key without its role word, or "" when fewer than two characters would be left. */
    static String core(String key) {
        for (String ending : ROLE_ENDINGS) {
            if (key.endsWith(ending) && key.length() - ending.length() >= 2) {
                return key.substring(0, key.length() - ending.length());
            }
        }
        return "";
    }

    static double levenshteinRatio(String a, String b) {
        int[] first = a.codePoints().toArray();
        int[] second = b.codePoints().toArray();
        int longer = Math.max(first.length, second.length);
        return longer == 0 ? 1 : 1 - (double) levenshtein(first, second) / longer;
    }

    private static int levenshtein(int[] first, int[] second) {
        int[] previous = new int[second.length + 1];
        int[] current = new int[second.length + 1];
        for (int j = 0; j <= second.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= first.length; i++) {
            current[0] = i;
            for (int j = 1; j <= second.length; j++) {
                int substitution = previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[second.length];
    }
}
