package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matcher of one key answers as {@link DuplicateMatcher} does, pair by pair. */
class SimilarKeyMatcherTest {
    private static final String ALPHABET = "数据标注分析员师工技术人程智能训练哈";

    @Test
    void answersAsTheDuplicateMatcherOnEveryPair() {
        Random random = new Random(5);
        List<String> keys = new ArrayList<>(List.of("员", "标注", "标注员", "标注标注标注标注标注员", "数据标注员", "数据标注师", "哈哈哈哈哈",
                "哈", "𠀀𠀁标注员", "𠀀𠀁标注师", "数据标注工程技术员", "数据标注技师", "ab", "ba", "aba"));
        for (int i = 0; i < 400; i++) {
            // Every other key an edit of an earlier one, so that many pairs are near the threshold.
            StringBuilder key = new StringBuilder(i % 2 == 1 ? keys.get(random.nextInt(keys.size())) : "");
            if (key.isEmpty()) {
                for (int length = 1 + random.nextInt(12); length > 0; length--) {
                    key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            } else {
                key.insert(random.nextInt(key.length() + 1), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            keys.add(key.toString());
        }
        int similar = 0;
        int compared = 0;
        for (String key : keys) {
            SimilarKeyMatcher matcher = new SimilarKeyMatcher(key);
            for (String other : keys) {
                boolean expected = DuplicateMatcher.similarityOfKeys(key, other) >= DuplicateMatcher.SIMILAR_THRESHOLD;
                assertThat(matcher.isSimilar(other)).as("%s ~ %s", key, other).isEqualTo(expected);
                similar += expected && !key.equals(other) ? 1 : 0;
                compared++;
            }
        }
        assertThat(similar).as("similar pairs of different keys among %d", compared).isGreaterThan(500);
    }

    @Test
    void countsRepeatedBigramsOnce() {
        assertThat(SimilarKeyMatcher.packedBigrams("标注标注标注员")).hasSize(3);
        assertThat(SimilarKeyMatcher.packedBigrams("哈")).hasSize(1);
        assertThat(new SimilarKeyMatcher("标注员").isSimilar("标注标注标注标注标注员")).isTrue();
    }
}
