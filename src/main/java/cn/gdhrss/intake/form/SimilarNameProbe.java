package cn.gdhrss.intake.form;

import java.util.List;

/**
 * What a register index must hold of an occupation name, and which of it to look up, so that the
 * names {@link DuplicateMatcher#isSimilar} would call similar to a given one are found without
 * scanning the register (issue 12). Exact, not approximate: every similar name is among the
 * candidates, and the caller still decides with {@link DuplicateMatcher}.
 *
 * <p>A name B reaches {@value DuplicateMatcher#SIMILAR_THRESHOLD} against A in one of three ways:
 * <ul>
 *   <li>the same core (key without its role word): looked up by {@link #core()};
 *   <li>Dice ≥ 0.75: then B shares at least 0.6 of A's {@code a} distinct bigrams, since
 *       2s/(a+b) ≥ 0.75 and s ≤ b give s ≥ 0.6a;
 *   <li>Levenshtein ratio ≥ 0.75: at most a quarter of the longer length in edits, each of which
 *       breaks at most two of A's bigram occurrences (an insertion one), so B keeps at least
 *       {@code a - maxBroken} of A's distinct bigrams.
 * </ul>
 * When every such B shares at least {@code k ≥ 1} of A's bigrams, it shares at least one of any
 * {@code a - k + 1} of them: the index looks up only that many, the rarest (prefix filtering), so
 * that common role words like 技术员 cost nothing.
 *
 * <p>Each way also bounds the other name's size, which the index keeps with every posting, so the
 * lookup skips the postings of names too short or too long (issue 12: the rarest bigrams still had
 * thousands of postings on 100,000 proposals). Dice: b distinct bigrams with 8s ≥ 3(a + b) and
 * s ≤ min(a, b), so 3a/5 ≤ b ≤ 5a/3, looked up by its own prefix of a - ⌈3a/5⌉ + 1 bigrams.
 * Levenshtein: the distance is at least the difference of the lengths, so 3n/4 ≤ m ≤ 4n/3 for
 * lengths n and m, looked up by a prefix of {@code maxBroken + 1} bigrams. The bounds are widened
 * by one on each side: it costs a few postings and no rounding can lose a name.
 */
public record SimilarNameProbe(String key, String core, List<String> bigrams, int probes, int length) {

    /** The terms of {@code name}; {@link #isEmpty()} when it has no key (nothing is similar to it). */
    public static SimilarNameProbe of(String name) {
        String key = DuplicateMatcher.key(name);
        List<String> bigrams = List.copyOf(CharacterBigrams.of(key));
        int length = key.codePointCount(0, key.length());
        return new SimilarNameProbe(key, DuplicateMatcher.core(key), bigrams, probes(length, bigrams.size()), length);
    }

    /** How many of the bigrams, rarest first, a name of Dice ≥ 0.75 shares at least one of. */
    public int diceProbes() {
        int distinct = bigrams.size();
        return distinct - (3 * distinct + 4) / 5 + 1;
    }

    /** Fewest distinct bigrams of a name of Dice ≥ 0.75 to this one (widened by one). */
    public int diceMinBigrams() {
        return Math.max(1, (3 * bigrams.size() + 4) / 5 - 1);
    }

    /** Most distinct bigrams of a name of Dice ≥ 0.75 to this one (widened by one). */
    public int diceMaxBigrams() {
        return 5 * bigrams.size() / 3 + 1;
    }

    /** How many of the bigrams, rarest first, a name of Levenshtein ratio ≥ 0.75 shares at least one of. */
    public int levenshteinProbes() {
        return Math.min(bigrams.size(), maxBroken(length) + 1);
    }

    /** Shortest name (code points of its key) of Levenshtein ratio ≥ 0.75 to this one (widened by one). */
    public int levenshteinMinLength() {
        return Math.max(1, (3 * length + 3) / 4 - 1);
    }

    /** Longest name of Levenshtein ratio ≥ 0.75 to this one (widened by one). */
    public int levenshteinMaxLength() {
        return 4 * length / 3 + 1;
    }

    public boolean isEmpty() {
        return key.isEmpty();
    }

    /**
     * False when a similar name might share none of the bigrams (short keys with repeated
     * bigrams): the caller must then compare against the whole register.
     */
    public boolean isBounded() {
        return probes > 0;
    }

    /** {@link DuplicateMatcher#isSimilar} of this name against stored keys, for checking many of them. */
    public SimilarKeyMatcher keyMatcher() {
        return new SimilarKeyMatcher(key);
    }

    /**
     * How many of {@link #bigrams()} every name similar by Dice or Levenshtein shares (at least
     * one when {@link #isBounded()}): the index counts them before a candidate leaves SQLite.
     */
    public int shared() {
        return bigrams.size() - probes + 1;
    }

    /** How many of the bigrams, rarest first, to look up; 0 when no number of them would do. */
    static int probes(int length, int distinct) {
        if (distinct == 0) {
            return 0;
        }
        int byDice = (int) Math.ceil(0.6 * distinct - 1e-9);
        int byLevenshtein = distinct - maxBroken(length);
        int atLeast = Math.min(byDice, byLevenshtein);
        return atLeast < 1 ? 0 : distinct - atLeast + 1;
    }

    /**
     * The most bigram occurrences of a key of {@code length} characters that the edits to a
     * similar name can break: for a longer name of n characters, at most n/4 edits of which at
     * least n - length are insertions (one bigram each), the rest two each.
     */
    static int maxBroken(int length) {
        int most = 2 * (length / 4);
        for (int n = length + 1; n <= length * 4 / 3; n++) {
            int edits = n / 4;
            int insertions = n - length;
            if (edits >= insertions) {
                most = Math.max(most, insertions + 2 * (edits - insertions));
            }
        }
        return most;
    }
}
