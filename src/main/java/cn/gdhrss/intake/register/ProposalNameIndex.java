package cn.gdhrss.intake.register;

import cn.gdhrss.intake.form.SimilarKeyMatcher;
import cn.gdhrss.intake.form.SimilarNameProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The index of occupation names: their keys and cores in the register (migrations V11, V18), their
 * bigram postings in memory ({@link NamePostings}), brought up to date from the queue the triggers
 * fill, then asked for the proposals that may be similar to given names. Runs inside the caller's
 * transaction.
 */
final class ProposalNameIndex {
    private ProposalNameIndex() {}

    /** Indexes the proposals whose name was added or changed since the last lookup: their keys in the register, their bigrams in {@code postings}. */
    static void catchUp(Connection connection, NamePostings postings) throws SQLException {
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
            try (PreparedStatement key = connection.prepareStatement(
                    "INSERT OR REPLACE INTO proposal_name_keys (proposal_ref, name_key, core) VALUES (?, ?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    SimilarNameProbe terms = SimilarNameProbe.of(names.get(i));
                    postings.add(ids.get(i), terms);
                    key.setLong(1, ids.get(i));
                    key.setString(2, terms.key());
                    key.setString(3, terms.core());
                    key.addBatch();
                }
                key.executeBatch();
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
    static @Nullable Set<Long> similar(Connection connection, NamePostings postings, Collection<String> names) throws SQLException {
        List<SimilarNameProbe> probes = new ArrayList<>();
        for (String name : names) {
            SimilarNameProbe probe = SimilarNameProbe.of(name);
            if (!probe.isEmpty()) {
                if (!probe.isBounded()) {
                    return null;
                }
                probes.add(probe);
            }
        }
        if (probes.isEmpty()) {
            return Set.of();
        }
        postings.bringUpToDate(connection);
        Set<Long> candidates = new TreeSet<>();
        for (SimilarNameProbe probe : probes) {
            postings.collect(probe, candidates);
            if (!probe.core().isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT proposal_ref FROM proposal_name_keys WHERE core = ? AND core <> ''")) {
                    statement.setString(1, probe.core());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            candidates.add(rows.getLong(1));
                        }
                    }
                }
            }
        }
        List<SimilarKeyMatcher> matchers = probes.stream().map(SimilarNameProbe::keyMatcher).toList();
        // Decided on the stored keys, a narrow table, before the caller reads the proposals' wide rows;
        // a candidate from a posting of a name since changed or deleted is decided on its current key or has none.
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

}
