package cn.gdhrss.intake.form;

import java.util.Arrays;

/**
 * {@link DuplicateMatcher#isSimilar} of one fixed key against many others, with the fixed key's
 * bigrams, length and core worked out once (issue 12: a lookup on 100,000 proposals checks hundreds
 * of candidate keys, and building two bigram sets of strings per pair was a third of its time).
 * The same answer as {@code similarityOfKeys(key, other) >= SIMILAR_THRESHOLD} for every pair:
 * the score is capped at {@value DuplicateMatcher#SAME_CORE_SCORE}, above the threshold, so it
 * reaches it exactly when the keys are equal, share a core, or Dice or the Levenshtein ratio does.
 */
public final class SimilarKeyMatcher {
    /** The bigram of a one-character key is the character itself; no code point fills the low half. */
    private static final long SINGLE = 0xFFFF_FFFFL;

    private final String key;
    private final String core;
    private final long[] bigrams;
    private final int length;

    SimilarKeyMatcher(String key) {
        this.key = key;
        this.core = DuplicateMatcher.core(key);
        this.bigrams = packedBigrams(key);
        this.length = key.codePointCount(0, key.length());
    }

    /** Whether the name whose key is {@code otherKey} is similar to this one. */
    public boolean isSimilar(String otherKey) {
        if (key.isEmpty() || otherKey.isEmpty()) {
            return false;
        }
        if (key.equals(otherKey) || !core.isEmpty() && core.equals(DuplicateMatcher.core(otherKey))) {
            return true;
        }
        long[] theirs = packedBigrams(otherKey);
        if (2.0 * shared(bigrams, theirs) / (bigrams.length + theirs.length) >= DuplicateMatcher.SIMILAR_THRESHOLD) {
            return true;
        }
        // The distance is at least the difference of the lengths: most candidates end here.
        int otherLength = otherKey.codePointCount(0, otherKey.length());
        int longer = Math.max(length, otherLength);
        if (1 - (double) Math.abs(length - otherLength) / longer < DuplicateMatcher.SIMILAR_THRESHOLD) {
            return false;
        }
        return DuplicateMatcher.levenshteinRatio(key, otherKey) >= DuplicateMatcher.SIMILAR_THRESHOLD;
    }

    /** The distinct bigrams of {@link CharacterBigrams#of}, two code points in a long each, sorted. */
    static long[] packedBigrams(String key) {
        int[] codePoints = key.codePoints().toArray();
        if (codePoints.length == 1) {
            return new long[] {(long) codePoints[0] << 32 | SINGLE};
        }
        long[] packed = new long[Math.max(0, codePoints.length - 1)];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (long) codePoints[i] << 32 | codePoints[i + 1];
        }
        Arrays.sort(packed);
        int distinct = 0;
        for (int i = 0; i < packed.length; i++) {
            if (i == 0 || packed[i] != packed[i - 1]) {
                packed[distinct++] = packed[i];
            }
        }
        return Arrays.copyOf(packed, distinct);
    }

    private static int shared(long[] first, long[] second) {
        int count = 0;
        for (int i = 0, j = 0; i < first.length && j < second.length;) {
            if (first[i] == second[j]) {
                count++;
                i++;
                j++;
            } else if (first[i] < second[j]) {
                i++;
            } else {
                j++;
            }
        }
        return count;
    }
}
