package cn.gdhrss.intake.register;

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
                        if (probes.stream().anyMatch(probe -> probe.isSimilarToKey(key))) {
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
            Rarest rarest = rarest(connection, probe.bigrams());
            collectByDice(connection, probe, rarest, found);
            collectByLevenshtein(connection, probe, rarest, found);
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
     * The names that may reach the threshold by Dice. A name of b distinct bigrams needs
     * s ≥ max(⌈3(a + b)/8⌉, ⌈3a/5⌉) of the probe's a, so at least s − (a − p) of any p of them:
     * SQLite counts each posting's name over the p rarest and keeps only those with enough
     * (issue 12: counted in Java, the rarest bigrams' thousands of postings were each a candidate).
     */
    private static void collectByDice(Connection connection, SimilarNameProbe probe, Rarest rarest, Set<Long> found) throws SQLException {
        int distinct = probe.bigrams().size();
        List<String> prefix = rarest.prefix(probe.diceProbes());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT proposal_ref FROM proposal_name_bigrams WHERE bigram IN (" + CaseRows.placeholders(prefix.size()) + ")"
                        + " AND name_length >= ? AND bigram_count BETWEEN ? AND ? GROUP BY proposal_ref"
                        + " HAVING count(*) >= max((3 * (? + max(bigram_count)) + 7) / 8, ?) - ?")) {
            int at = bind(statement, prefix);
            statement.setInt(at, probe.diceMinBigrams());
            statement.setInt(at + 1, probe.diceMinBigrams());
            statement.setInt(at + 2, probe.diceMaxBigrams());
            statement.setInt(at + 3, distinct);
            statement.setInt(at + 4, (3 * distinct + 4) / 5);
            statement.setInt(at + 5, distinct - prefix.size());
            collect(statement, found);
        }
    }

    /**
     * The names that may reach the threshold by Levenshtein ratio. A name of m code points is at
     * most e = ⌊max(n, m)/4⌋ edits away, of which at least m − n are insertions (one bigram each),
     * so it keeps all but 2e − max(0, m − n) of the probe's distinct bigrams; counted over the p
     * rarest as for Dice.
     */
    private static void collectByLevenshtein(Connection connection, SimilarNameProbe probe, Rarest rarest, Set<Long> found)
            throws SQLException {
        List<String> prefix = rarest.prefix(probe.levenshteinProbes());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT proposal_ref FROM proposal_name_bigrams WHERE bigram IN (" + CaseRows.placeholders(prefix.size()) + ")"
                        + " AND name_length BETWEEN ? AND ? GROUP BY proposal_ref"
                        + " HAVING count(*) >= ? - 2 * (max(?, max(name_length)) / 4) + max(0, max(name_length) - ?)")) {
            int at = bind(statement, prefix);
            statement.setInt(at, probe.levenshteinMinLength());
            statement.setInt(at + 1, probe.levenshteinMaxLength());
            statement.setInt(at + 2, prefix.size());
            statement.setInt(at + 3, probe.length());
            statement.setInt(at + 4, probe.length());
            collect(statement, found);
        }
    }

    /** Binds the bigrams from the first parameter on; returns the next parameter's index. */
    private static int bind(PreparedStatement statement, List<String> bigrams) throws SQLException {
        for (int i = 0; i < bigrams.size(); i++) {
            statement.setString(i + 1, bigrams.get(i));
        }
        return bigrams.size() + 1;
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
