package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Character bigrams of keys, and an inverted index from bigram to the keys that contain it, built
 * once so that "closest names" costs the postings of the query's few bigrams, not a scan.
 */
final class CharacterBigrams {

    private static final int[] NONE = new int[0];

    private final List<String> keys;
    private final int[] bigramCounts;
    private final Map<String, int[]> postings;

    /** Indexes the given keys; a key's position in the list is its id. */
    CharacterBigrams(List<String> keys) {
        this.keys = List.copyOf(keys);
        this.bigramCounts = new int[this.keys.size()];
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int id = 0; id < this.keys.size(); id++) {
            Set<String> bigrams = of(this.keys.get(id));
            bigramCounts[id] = bigrams.size();
            for (String bigram : bigrams) {
                lists.computeIfAbsent(bigram, unused -> new ArrayList<>()).add(id);
            }
        }
        this.postings = new HashMap<>();
        lists.forEach((bigram, ids) -> postings.put(bigram, ids.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** A scored key of the index. */
    record Scored(int id, String key, double dice) {}

    /** Keys sharing at least one bigram with {@code key}, best Dice first, at most {@code limit}. */
    List<Scored> closest(String key, int limit) {
        List<Scored> scored = sharing(key);
        scored.sort(Comparator.comparingDouble(Scored::dice).reversed().thenComparing(Scored::key));
        return scored.size() > limit ? scored.subList(0, limit) : scored;
    }

    /** Every key sharing at least one bigram with {@code key}, in no particular order. */
    List<Scored> sharing(String key) {
        Set<String> query = of(key);
        int[] shared = new int[keys.size()];
        List<Integer> seen = new ArrayList<>();
        for (String bigram : query) {
            for (int id : postings.getOrDefault(bigram, NONE)) {
                if (shared[id]++ == 0) {
                    seen.add(id);
                }
            }
        }
        List<Scored> scored = new ArrayList<>(seen.size());
        for (int id : seen) {
            scored.add(new Scored(id, keys.get(id), 2.0 * shared[id] / (query.size() + bigramCounts[id])));
        }
        return scored;
    }

    /** Dice coefficient of the two keys' bigram sets; a one-character key is its own bigram. */
    static double dice(String a, String b) {
        Set<String> first = of(a);
        Set<String> second = of(b);
        if (first.isEmpty() || second.isEmpty()) {
            return 0;
        }
        long shared = first.stream().filter(second::contains).count();
        return 2.0 * shared / (first.size() + second.size());
    }

    /** The distinct bigrams of a key, by code point; a one-character key yields itself. */
    static Set<String> of(String key) {
        int[] codePoints = key.codePoints().toArray();
        Set<String> bigrams = new LinkedHashSet<>();
        if (codePoints.length == 1) {
            bigrams.add(key);
        }
        for (int i = 0; i + 1 < codePoints.length; i++) {
            bigrams.add(new String(codePoints, i, 2));
        }
        return bigrams;
    }
}
