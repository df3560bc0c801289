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
            List<String> rarest = rarest(connection, probe.bigrams());
            // One look-up per way of reaching the threshold, each with its own prefix and size bounds,
            // read from the index alone (see SimilarNameProbe).
            List<String> byDice = rarest.subList(0, probe.diceProbes());
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT proposal_ref FROM proposal_name_bigrams WHERE bigram IN (" + CaseRows.placeholders(byDice.size()) + ")"
                            + " AND name_length >= ? AND bigram_count BETWEEN ? AND ?")) {
                int at = bind(statement, byDice);
                statement.setInt(at, probe.diceMinBigrams());
                statement.setInt(at + 1, probe.diceMinBigrams());
                statement.setInt(at + 2, probe.diceMaxBigrams());
                collect(statement, found);
            }
            List<String> byLevenshtein = rarest.subList(0, probe.levenshteinProbes());
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT proposal_ref FROM proposal_name_bigrams WHERE bigram IN (" + CaseRows.placeholders(byLevenshtein.size()) + ")"
                            + " AND name_length BETWEEN ? AND ?")) {
                int at = bind(statement, byLevenshtein);
                statement.setInt(at, probe.levenshteinMinLength());
                statement.setInt(at + 1, probe.levenshteinMaxLength());
                collect(statement, found);
            }
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

    /** The bigrams by how many names hold them, fewest first (absent ones first: they cost nothing). */
    private static List<String> rarest(Connection connection, List<String> bigrams) throws SQLException {
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
        return sorted;
    }
}
