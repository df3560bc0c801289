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
 * The index counts, for every name, how many of A's bigrams it shares, and keeps the names that
 * share enough for one of the ways (register.NamePostings); a name that shares none of them can be
 * similar only when A is short and repeats its bigrams ({@link #isBounded()}).
 *
 * <p>Each way also bounds the other name's size, which the index keeps with every name. Dice: b
 * distinct bigrams with 8s ≥ 3(a + b) and s ≤ min(a, b), so 3a/5 ≤ b ≤ 5a/3. Levenshtein: the
 * distance is at least the difference of the lengths, so 3n/4 ≤ m ≤ 4n/3 for lengths n and m. The
 * bounds are widened by one on each side: no rounding can lose a name.
 */
public record SimilarNameProbe(String key, String core, List<String> bigrams, int probes, int length) {

    /** The terms of {@code name}; {@link #isEmpty()} when it has no key (nothing is similar to it). */
    public static SimilarNameProbe of(String name) {
        return ofKey(DuplicateMatcher.key(name));
    }

    /** The terms of a key as {@link #of} made it (stored in the register): the key is not made again. */
    public static SimilarNameProbe ofKey(String key) {
        List<String> bigrams = List.copyOf(CharacterBigrams.of(key));
        int length = key.codePointCount(0, key.length());
        return new SimilarNameProbe(key, DuplicateMatcher.core(key), bigrams, probes(length, bigrams.size()), length);
    }

    /** Fewest distinct bigrams of a name of Dice ≥ 0.75 to this one (widened by one). */
    public int diceMinBigrams() {
        return Math.max(1, (3 * bigrams.size() + 4) / 5 - 1);
    }

    /** Most distinct bigrams of a name of Dice ≥ 0.75 to this one (widened by one). */
    public int diceMaxBigrams() {
        return 5 * bigrams.size() / 3 + 1;
    }

    /** Shortest name (code points of its key) of Levenshtein ratio ≥ 0.75 to this one (widened by one). */
    public int levenshteinMinLength() {
        return Math.max(1, (3 * length + 3) / 4 - 1);
    }

    /** Longest name of Levenshtein ratio ≥ 0.75 to this one (widened by one). */
    public int levenshteinMaxLength() {
        return 4 * length / 3 + 1;
    }

    /**
     * Whether a name of {@code length} code points and {@code bigrams} distinct bigrams that shares
     * {@code shared} of this one's a bigrams (n code points) may be similar by Dice or by
     * Levenshtein ratio:
     * <ul>
     *   <li>Dice: 3a/5 ≤ b ≤ 5a/3 (widened by one) and s ≥ max(⌈3(a + b)/8⌉, ⌈3a/5⌉);
     *   <li>Levenshtein: 3n/4 ≤ m ≤ 4n/3 (widened by one) and s ≥ a − (2e − max(0, m − n)),
     *       e = ⌊max(n, m)/4⌋.
     * </ul>
     */
    public boolean maySharedBeSimilar(int length, int bigrams, int shared) {
        int a = this.bigrams.size();
        boolean byDice = bigrams >= diceMinBigrams() && bigrams <= diceMaxBigrams()
                && shared >= Math.max((3 * (a + bigrams) + 7) / 8, (3 * a + 4) / 5);
        boolean byLevenshtein = length >= levenshteinMinLength() && length <= levenshteinMaxLength()
                && shared >= levenshteinLeastShared(length);
        return byDice || byLevenshtein;
    }

    /** The bigrams a name of {@code length} code points keeps of this one's within a quarter of edits: a − (2e − max(0, m − n)). */
    private int levenshteinLeastShared(int length) {
        return bigrams.size() - 2 * (Math.max(this.length, length) / 4) + Math.max(0, length - this.length);
    }

    /**
     * The fewest shared bigrams with which {@link #maySharedBeSimilar} holds for a name of any size:
     * the index skips the sizes of every name that shares fewer (issue 12: most names share a
     * common bigram or two with a probe, and testing each of them was most of a lookup's time).
     */
    public int leastShared() {
        int a = bigrams.size();
        int least = (3 * a + 4) / 5;
        for (int m = levenshteinMinLength(); m <= levenshteinMaxLength(); m++) {
            least = Math.min(least, levenshteinLeastShared(m));
        }
        return least;
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
     * How many of the bigrams, rarest first, a similar name shares at least one of (prefix
     * filtering); 0 when a similar name may share none, and only a scan can tell.
     */
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
