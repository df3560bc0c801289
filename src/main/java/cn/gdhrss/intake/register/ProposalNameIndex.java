package cn.gdhrss.intake.register;

import cn.gdhrss.intake.form.SimilarKeyMatcher;
import cn.gdhrss.intake.form.SimilarNameProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The bigram index of occupation names (migration V11): brought up to date from the queue the
 * triggers fill, then asked for the proposals that may be similar to given names. Runs inside the
 * caller's transaction.
 */
final class ProposalNameIndex {
    private ProposalNameIndex() {}

    /** Indexes the proposals whose name was added or changed since the last lookup. */
    static void catchUp(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // CROSS JOIN keeps the queue as the outer loop: with a plain JOIN SQLite scanned the
        // 100,000 proposals' name index on every lookup (27 ms of the 28 per name, issue 12).
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT p.id, p.occupation_name FROM proposal_name_pending q CROSS JOIN proposals p ON p.id = q.proposal_ref");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
                names.add(rows.getString(2));
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM proposal_name_bigrams WHERE proposal_ref = ?");
                    PreparedStatement key = connection.prepareStatement(
                            "INSERT OR REPLACE INTO proposal_name_keys (proposal_ref, name_key, core) VALUES (?, ?, ?)");
                    PreparedStatement bigram = connection.prepareStatement(
                            "INSERT OR IGNORE INTO proposal_name_bigrams (bigram, name_length, bigram_count, proposal_ref) VALUES (?, ?, ?, ?)");
                    PreparedStatement count = connection.prepareStatement(
                            "INSERT INTO name_bigram_counts (bigram, names) VALUES (?, 1) ON CONFLICT (bigram) DO UPDATE SET names = names + 1")) {
                for (int i = 0; i < ids.size(); i++) {
                    long id = ids.get(i);
                    SimilarNameProbe terms = SimilarNameProbe.of(names.get(i));
                    forget.setLong(1, id);
                    forget.executeUpdate();
                    key.setLong(1, id);
                    key.setString(2, terms.key());
                    key.setString(3, terms.core());
                    key.executeUpdate();
                    for (String one : terms.bigrams()) {
                        bigram.setString(1, one);
                        bigram.setInt(2, terms.length());
                        bigram.setInt(3, terms.bigrams().size());
                        bigram.setLong(4, id);
                        bigram.addBatch();
                        count.setString(1, one);
                        count.addBatch();
                    }
                }
                bigram.executeBatch();
                count.executeBatch();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM proposal_name_pending")) {
            statement.executeUpdate();
        }
    }

    /**
     * Ids of the proposals similar to one of {@code names} ({@link cn.gdhrss.intake.form.DuplicateMatcher#isSimilar}),
     * ascending. {@code null} when a name is such that only a scan can tell (see
     * {@link SimilarNameProbe#isBounded()}).
     */
    static @Nullable Set<Long> similar(Connection connection, Collection<String> names) throws SQLException {
        List<SimilarNameProbe> probes = new ArrayList<>();
        for (String name : names) {
            SimilarNameProbe probe = SimilarNameProbe.of(name);
            if (!probe.isEmpty()) {
                probes.add(probe);
            }
        }
        Set<Long> candidates = candidates(connection, probes);
        if (candidates == null) {
            return null;
        }
        List<SimilarKeyMatcher> matchers = probes.stream().map(SimilarNameProbe::keyMatcher).toList();
        // Decided on the stored keys, a narrow table, before the caller reads the proposals' wide rows.
        Set<Long> similar = new TreeSet<>();
        List<Long> ids = new ArrayList<>(candidates);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT proposal_ref, name_key FROM proposal_name_keys WHERE proposal_ref IN (" + CaseRows.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String key = rows.getString(2);
                        if (matchers.stream().anyMatch(matcher -> matcher.isSimilar(key))) {
                            similar.add(rows.getLong(1));
                        }
                    }
                }
            }
        }
        return similar;
    }

    /** Ids of the proposals that may be similar to one of the probes' names; null when only a scan can tell. */
    private static @Nullable Set<Long> candidates(Connection connection, List<SimilarNameProbe> probes) throws SQLException {
        Set<Long> found = new TreeSet<>();
        for (SimilarNameProbe probe : probes) {
            if (!probe.isBounded()) {
                return null;
            }
            collectByCount(connection, probe, rarest(connection, probe.bigrams()), found);
            if (!probe.core().isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT proposal_ref FROM proposal_name_keys WHERE core = ? AND core <> ''")) {
                    statement.setString(1, probe.core());
                    collect(statement, found);
                }
            }
        }
        return found;
    }

    /**
     * The names that may reach the threshold by Dice or by Levenshtein ratio, in one pass over the
     * postings of the p rarest bigrams, p enough for both ways (issue 12: a query for each way read
     * the postings of the shorter prefix twice). Counting over more bigrams than a way needs only
     * sharpens its count: a name that shares s of the a bigrams shares at least s − (a − p) of any p.
     * <ul>
     *   <li>Dice: a name of b distinct bigrams needs s ≥ max(⌈3(a + b)/8⌉, ⌈3a/5⌉).
     *   <li>Levenshtein: a name of m code points is at most e = ⌊max(n, m)/4⌋ edits away, of which
     *       at least m − n are insertions (one bigram each), so it keeps all but
     *       2e − max(0, m − n) of the probe's distinct bigrams.
     * </ul>
     * Each way bounds the name's size (see {@link SimilarNameProbe}), checked on every posting
     * from the index alone. Dice bounds only the distinct bigrams, not the length: a name may
     * repeat a bigram any number of times within its {@code DuplicateMatcher} cut.
     */
    private static void collectByCount(Connection connection, SimilarNameProbe probe, Rarest rarest, Set<Long> found) throws SQLException {
        int distinct = probe.bigrams().size();
        List<String> prefix = rarest.prefix(Math.max(probe.diceProbes(), probe.levenshteinProbes()));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT proposal_ref FROM proposal_name_bigrams WHERE bigram IN (" + numberedFrom(10, prefix.size()) + ")"
                        + " AND name_length >= ?1 AND (bigram_count BETWEEN ?2 AND ?3 OR name_length BETWEEN ?4 AND ?5)"
                        + " GROUP BY proposal_ref HAVING"
                        + " max(bigram_count) BETWEEN ?2 AND ?3"
                        + " AND count(*) >= max((3 * (?6 + max(bigram_count)) + 7) / 8, ?7) - (?6 - ?8)"
                        + " OR max(name_length) BETWEEN ?4 AND ?5"
                        + " AND count(*) >= ?8 - 2 * (max(?9, max(name_length)) / 4) + max(0, max(name_length) - ?9)")) {
            bind(statement, prefix, 10);
            statement.setInt(1, Math.min(probe.diceMinBigrams(), probe.levenshteinMinLength()));
            statement.setInt(2, probe.diceMinBigrams());
            statement.setInt(3, probe.diceMaxBigrams());
            statement.setInt(4, probe.levenshteinMinLength());
            statement.setInt(5, probe.levenshteinMaxLength());
            statement.setInt(6, distinct);
            statement.setInt(7, (3 * distinct + 4) / 5);
            statement.setInt(8, prefix.size());
            statement.setInt(9, probe.length());
            collect(statement, found);
        }
    }

    /** {@code ?first, ?first+1, …}: numbered, since the query names its other parameters by number. */
    private static String numberedFrom(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(number -> "?" + number).collect(Collectors.joining(", "));
    }

    /** Binds the bigrams from parameter {@code first} on. */
    private static void bind(PreparedStatement statement, List<String> bigrams, int first) throws SQLException {
        for (int i = 0; i < bigrams.size(); i++) {
            statement.setString(first + i, bigrams.get(i));
        }
    }

    private static void collect(PreparedStatement statement, Set<Long> found) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getLong(1));
            }
        }
    }

    /** The probe's bigrams by how many names hold them, fewest first (absent ones first: they cost nothing). */
    private record Rarest(List<String> bigrams, List<Long> names) {
        /** Postings beyond this many are not worth a sharper count (issue 12; a name has at most 63 bigrams). */
        private static final int MAX_EXTRA = 2;

        /**
         * At least {@code fewest} of the rarest bigrams, and up to {@value #MAX_EXTRA} more while
         * each holds no more names than those before it together: each one more raises the count
         * a candidate needs by one, at most doubling the postings read.
         */
        List<String> prefix(int fewest) {
            long postings = 0;
            for (int i = 0; i < fewest; i++) {
                postings += names.get(i);
            }
            int size = fewest;
            while (size < bigrams.size() && size < fewest + MAX_EXTRA && names.get(size) <= postings) {
                postings += names.get(size);
                size++;
            }
            return bigrams.subList(0, size);
        }
    }

    private static Rarest rarest(Connection connection, List<String> bigrams) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT bigram, names FROM name_bigram_counts WHERE bigram IN (" + CaseRows.placeholders(bigrams.size()) + ")")) {
            for (int i = 0; i < bigrams.size(); i++) {
                statement.setString(i + 1, bigrams.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        List<String> sorted = new ArrayList<>(bigrams);
        sorted.sort(Comparator.comparingLong((String bigram) -> counts.getOrDefault(bigram, 0L)).thenComparing(bigram -> bigram));
        return new Rarest(sorted, sorted.stream().map(bigram -> counts.getOrDefault(bigram, 0L)).toList());
    }
}
