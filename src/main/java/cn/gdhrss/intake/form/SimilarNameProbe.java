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
 */
public record SimilarNameProbe(String key, String core, List<String> bigrams, int probes) {

    /** The terms of {@code name}; {@link #isEmpty()} when it has no key (nothing is similar to it). */
    public static SimilarNameProbe of(String name) {
        String key = DuplicateMatcher.key(name);
        List<String> bigrams = List.copyOf(CharacterBigrams.of(key));
        return new SimilarNameProbe(key, DuplicateMatcher.core(key), bigrams, probes(key.codePointCount(0, key.length()), bigrams.size()));
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

    /** {@link DuplicateMatcher#isSimilar} of this name and the name whose key is {@code otherKey}. */
    public boolean isSimilarToKey(String otherKey) {
        return DuplicateMatcher.similarityOfKeys(key, otherKey) >= DuplicateMatcher.SIMILAR_THRESHOLD;
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
