package cn.gdhrss.intake.register;

import cn.gdhrss.intake.form.SimilarNameProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bigram postings of every indexed occupation name, in memory, loaded once from the keys the
 * register stores (V11) and appended to as {@link ProposalNameIndex#catchUp} indexes new names
 * (issue 12). In memory the lookup counts a name's shared bigrams over all of the probe's bigrams,
 * the sharpest count, where SQLite could afford only the rarest few: on 100,000 proposals that left
 * hundreds to thousands of candidates per name, 6.6 s of the 9.3 s an import of 1,000 mails spent
 * beyond an import into an empty register.
 *
 * <p>A posting left from a name since changed or deleted only adds to a candidate's count, and the
 * stored key then decides: it never hides the current name, whose postings and size are added when
 * it is indexed. What the postings cannot see is a name written by another connection, or one that
 * a rolled-back transaction of this connection wrote, changed or deleted: the postings are loaded
 * again when {@code PRAGMA data_version} says another connection committed, and forgotten when this
 * one rolls back (register.StatementCache).
 */
final class NamePostings {
    private final Map<String, Postings> byBigram = new HashMap<>();
    private boolean loaded;
    private long dataVersion;
    /** Per proposal id: the size of its current name, code points of the key then distinct bigrams, a byte each. */
    private int[] sizes = new int[0];
    /** Per proposal id during one count: the probe's bigrams it shares; and the ids counted. */
    private int[] shared = new int[0];
    private int[] touched = new int[0];

    /** Loads the postings when not loaded yet or when another connection committed since. */
    void bringUpToDate(Connection connection) throws SQLException {
        long version = dataVersion(connection);
        if (loaded && version == dataVersion) {
            return;
        }
        byBigram.clear();
        try (PreparedStatement statement = connection.prepareStatement("SELECT proposal_ref, name_key FROM proposal_name_keys ORDER BY proposal_ref");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                addLoaded(rows.getLong(1), SimilarNameProbe.ofKey(rows.getString(2)));
            }
        }
        byBigram.values().forEach(Postings::trim);
        loaded = true;
        dataVersion = version;
    }

    /** The terms of a name {@link ProposalNameIndex#catchUp} has just indexed; nothing when not loaded (the load will read it). */
    void add(long proposalId, SimilarNameProbe terms) {
        if (loaded) {
            addLoaded(proposalId, terms);
        }
    }

    /** Forgets every posting: the next lookup loads them again (after a rollback of this connection). */
    void forget() {
        loaded = false;
        byBigram.clear();
    }

    /**
     * Adds to {@code found} the ids of the names that share enough of the probe's bigrams to be
     * similar to it by their size ({@link SimilarNameProbe#maySharedBeSimilar}).
     *
     * <p>A name sharing none of the {@code n - least + 1} rarest of the probe's {@code n} indexed bigrams shares at most
     * {@code least - 1} of them and cannot be similar, so only those bigrams' postings bring new
     * names; the common ones (tens of thousands of postings on 100,000 proposals) are only counted
     * for the names already met, by binary search when that is cheaper than reading them through.
     */
    void collect(SimilarNameProbe probe, Set<Long> found) {
        List<Postings> lists = new ArrayList<>();
        for (String bigram : probe.bigrams()) {
            Postings postings = byBigram.get(bigram);
            if (postings != null) {
                lists.add(postings);
            }
        }
        lists.sort(Comparator.comparingInt(postings -> postings.size));
        int least = probe.leastShared();
        // Of the probe's bigrams only those held by some name can be shared.
        int bringing = Math.max(0, Math.min(lists.size(), lists.size() - least + 1));
        int count = 0;
        for (int i = 0; i < bringing; i++) {
            count = countInto(lists.get(i), count);
        }
        for (int i = bringing; i < lists.size(); i++) {
            countMet(lists.get(i), count);
        }
        for (int i = 0; i < count; i++) {
            int id = touched[i];
            if (shared[id] >= least && probe.maySharedBeSimilar(sizes[id] >>> 8, sizes[id] & 0xff, shared[id])) {
                found.add((long) id);
            }
            shared[id] = 0;
        }
    }

    /** Counts one bigram's postings; returns how many ids are touched now. */
    private int countInto(Postings postings, int count) {
        for (int i = 0; i < postings.size; i++) {
            int id = postings.ids[i];
            if (shared[id]++ == 0) {
                touched[count++] = id;
            }
        }
        return count;
    }

    /** Counts one bigram for the {@code count} ids already touched, without touching others. */
    private void countMet(Postings postings, int count) {
        int steps = 32 - Integer.numberOfLeadingZeros(Math.max(1, postings.size));
        if ((long) count * steps < postings.size) {
            for (int i = 0; i < count; i++) {
                if (Arrays.binarySearch(postings.ids, 0, postings.size, touched[i]) >= 0) {
                    shared[touched[i]]++;
                }
            }
            return;
        }
        for (int i = 0; i < postings.size; i++) {
            int id = postings.ids[i];
            if (shared[id] > 0) {
                shared[id]++;
            }
        }
    }

    private void addLoaded(long proposalId, SimilarNameProbe terms) {
        int id = Math.toIntExact(proposalId);
        if (id >= shared.length) {
            int capacity = Math.max(1024, Math.max(id + 1, shared.length * 3 / 2));
            sizes = Arrays.copyOf(sizes, capacity);
            shared = Arrays.copyOf(shared, capacity);
            touched = Arrays.copyOf(touched, capacity);
        }
        // A key is at most DuplicateMatcher's 64 code points: its sizes fit in a byte each.
        sizes[id] = Math.min(terms.length(), 0xff) << 8 | Math.min(terms.bigrams().size(), 0xff);
        for (String bigram : terms.bigrams()) {
            byBigram.computeIfAbsent(bigram, unused -> new Postings()).add(id);
        }
    }

    private static long dataVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("PRAGMA data_version");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The ids of the names that hold one bigram, ascending and each once (binary search relies on it). */
    private static final class Postings {
        int[] ids = new int[4];
        int size;

        void add(int id) {
            // Loaded in id order and new names get higher ids, so this is nearly always an append; a
            // renamed proposal's id may come again, or lower.
            int at = size == 0 || ids[size - 1] < id ? size : Arrays.binarySearch(ids, 0, size, id);
            if (at >= 0 && at < size) {
                return;
            }
            int insertion = at == size ? size : -at - 1;
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, Math.max(4, size * 2));
            }
            System.arraycopy(ids, insertion, ids, insertion + 1, size - insertion);
            ids[insertion] = id;
            size++;
        }

        void trim() {
            ids = Arrays.copyOf(ids, size);
        }
    }
}
