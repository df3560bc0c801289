package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gdhrss.intake.form.DuplicateMatcher;
import cn.gdhrss.intake.register.FormRepository.ProposalName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bigram index finds exactly the proposals a scan of the register finds similar (issue 12):
 * names from a small alphabet, so that many pairs are similar in each of the three ways (same
 * core, Dice, Levenshtein), compared name by name with {@link DuplicateMatcher} over every row.
 */
class ProposalNameIndexTest {
    private static final String ALPHABET = "数据标注分析智能训练运维工程技术人员师";
    private final DuplicateMatcher matcher = new DuplicateMatcher();

    @TempDir
    Path dir;

    @Test
    void findsEverySimilarNameAScanFinds() throws Exception {
        Random random = new Random(7);
        try (Database database = Database.open(dir.resolve("register.db"))) {
            FormRepository forms = new FormRepository(database, Clock.systemUTC());
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= 600; i++) {
                names.add(name(random));
            }
            names.addAll(List.of("数据标注员", "数据标注师", "数据 标注（员）", "ＡＩ训练师", "大数据工程技术人员", "人工智能训练员", "员", "标注"));
            insert(database, names);
            int compared = 0;
            long candidatesSeen = 0;
            for (int q = 0; q < 400; q++) {
                String query = q < 8 ? names.get(600 + q) : name(random);
                List<Long> scan = similar(query, forms.listProposalNames(-1));
                List<ProposalName> near = forms.listProposalNamesNear(List.of(query), -1);
                assertThat(similar(query, near)).as("similar to %s", query).isEqualTo(scan);
                compared += scan.size();
                candidatesSeen += near.size();
            }
            assertThat(compared).as("similar pairs checked").isGreaterThan(1000);
            assertThat(candidatesSeen).as("rows read through the index").isLessThan(400L * names.size() / 2);
        }
    }

    /**
     * Names built as real ones are (domain, trade words, role word), where a few bigrams are rare
     * and the rest common, so that the lookup counts shared bigrams over more than the fewest it
     * must read, and edits of every size in between.
     */
    @Test
    void countsSharedBigramsWithoutLosingASimilarName() throws Exception {
        Random random = new Random(12);
        try (Database database = Database.open(dir.resolve("register.db"))) {
            FormRepository forms = new FormRepository(database, Clock.systemUTC());
            List<String> names = tradeNames(random, 3000, true);
            insert(database, names);
            int compared = 0;
            for (int q = 0; q < 300; q++) {
                String query = edited(q % 2 == 0 ? names.get(random.nextInt(names.size())) : tradeName(random), random);
                List<Long> scan = similar(query, forms.listProposalNames(-1));
                assertThat(similar(query, forms.listProposalNamesNear(List.of(query), -1))).as("similar to %s", query).isEqualTo(scan);
                compared += scan.size();
            }
            assertThat(compared).as("similar pairs checked").isGreaterThan(300);
        }
    }

    private static List<String> tradeNames(Random random, int count, boolean edit) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(edit ? edited(tradeName(random), random) : tradeName(random));
        }
        return names;
    }

    private static String tradeName(Random random) {
        List<String> domains = List.of("数据", "智能", "无人机", "碳排放", "低空", "工业互联网", "数字孪生", "康养");
        String words = "标注分析运维管理规划设计开发测试评估调度监测修复培训咨询";
        List<String> roles = List.of("员", "师", "工程技术人员", "技术员", "管理员", "技师");
        StringBuilder name = new StringBuilder(domains.get(random.nextInt(domains.size())));
        for (int word = 1 + random.nextInt(3); word > 0; word--) {
            int at = random.nextInt(words.length() / 2) * 2;
            name.append(words, at, at + 2);
        }
        return name.append(roles.get(random.nextInt(roles.size()))).toString();
    }

    /** Up to three insertions, substitutions or deletions anywhere, characters from the same words. */
    private static String edited(String base, Random random) {
        StringBuilder name = new StringBuilder(base);
        for (int edits = random.nextInt(4); edits > 0; edits--) {
            char any = base.charAt(random.nextInt(base.length()));
            int at = random.nextInt(name.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> name.insert(at, any);
                case 1 -> { if (at < name.length()) { name.setCharAt(at, any); } }
                default -> { if (at < name.length() && name.length() > 1) { name.deleteCharAt(at); } }
            }
        }
        return name.toString();
    }

    /**
     * Dice bounds a similar name's distinct bigrams, not its length: a name that repeats a bigram
     * is found however long it is (an upper bound on the length would lose it).
     */
    @Test
    void findsANameThatRepeatsItsBigramsFarBeyondItsLength() throws Exception {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            FormRepository forms = new FormRepository(database, Clock.systemUTC());
            insert(database, List.of("标注标注标注标注标注标注员", "数据标注员", "标注分析员"));
            List<Long> scan = similar("标注员", forms.listProposalNames(-1));
            assertThat(names(forms.listProposalNamesNear(List.of("标注员"), -1))).contains("标注标注标注标注标注标注员");
            assertThat(similar("标注员", forms.listProposalNamesNear(List.of("标注员"), -1))).isEqualTo(scan);
        }
    }

    /**
     * Renamed proposals come back into the postings of bigrams that later proposals already hold,
     * below their ids; the lookup finds what a scan finds all the same (the common bigrams' postings
     * are searched, not read through, and must stay in order for that).
     */
    @Test
    void findsRenamedOlderProposalsInTheCommonBigramsOfNewerOnes() throws Exception {
        Random random = new Random(21);
        try (Database database = Database.open(dir.resolve("register.db"))) {
            FormRepository forms = new FormRepository(database, Clock.systemUTC());
            insert(database, tradeNames(random, 1500, false));
            forms.listProposalNamesNear(List.of("数据标注员"), -1);
            for (long id = 1; id <= 200; id++) {
                renameProposal(database, id, edited(tradeName(random), random));
            }
            int compared = 0;
            for (int q = 0; q < 300; q++) {
                String query = edited(tradeName(random), random);
                List<Long> scan = similar(query, forms.listProposalNames(-1));
                assertThat(similar(query, forms.listProposalNamesNear(List.of(query), -1))).as("similar to %s", query).isEqualTo(scan);
                compared += scan.stream().filter(id -> id <= 200).count();
            }
            assertThat(compared).as("similar pairs with a renamed proposal").isGreaterThan(50);
        }
    }

    @Test
    void followsRenamesAndDeletions() throws Exception {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            FormRepository forms = new FormRepository(database, Clock.systemUTC());
            insert(database, List.of("数据标注员", "无人机驾驶员", "碳排放管理员"));
            assertThat(names(forms.listProposalNamesNear(List.of("数据标注师"), -1))).contains("数据标注员");
            database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE proposals SET occupation_name = '农业数字化技术员' WHERE occupation_name = '数据标注员'")) {
                    statement.executeUpdate();
                }
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM proposals WHERE occupation_name = '无人机驾驶员'")) {
                    statement.executeUpdate();
                }
                return null;
            });
            assertThat(names(forms.listProposalNamesNear(List.of("数据标注师"), -1))).doesNotContain("数据标注员");
            assertThat(names(forms.listProposalNamesNear(List.of("农业数字化技术人员"), -1))).contains("农业数字化技术员");
            assertThat(names(forms.listProposalNamesNear(List.of("无人机驾驶员"), -1))).doesNotContain("无人机驾驶员");
            assertThat(names(forms.listProposalNamesNear(List.of("碳排放管理师", "  "), -1))).containsExactly("碳排放管理员");
        }
    }

    /**
     * The postings are kept in memory by each open register (issue 12): a name another process
     * indexed or renamed, after this one loaded them, is found all the same. The pairs are similar
     * by their bigrams, not by the same core, which the register looks up by itself.
     */
    @Test
    void findsANameAnotherConnectionIndexed() throws Exception {
        Path file = dir.resolve("register.db");
        try (Database service = Database.open(file); Database staff = Database.open(file)) {
            FormRepository serviceForms = new FormRepository(service, Clock.systemUTC());
            FormRepository staffForms = new FormRepository(staff, Clock.systemUTC());
            insert(service, List.of("无人机驾驶员", "碳排放管理员"));
            assertThat(near(serviceForms, "数据标注员")).isEmpty();
            insert(staff, List.of("智能数据标注员"));
            assertThat(near(staffForms, "数据标注员")).containsExactly("智能数据标注员");
            assertThat(near(serviceForms, "数据标注员")).containsExactly("智能数据标注员");
            rename(staff, "碳排放管理员", "无人机驾驶培训员");
            assertThat(near(staffForms, "无人机驾驶员")).contains("无人机驾驶培训员");
            assertThat(near(serviceForms, "无人机驾驶员")).containsExactly("无人机驾驶员", "无人机驾驶培训员");
            assertThat(near(serviceForms, "碳排放管理师")).isEmpty();
        }
    }

    /**
     * A rename or deletion looked up inside a transaction that then fails is undone with it: the
     * names in memory are those of the register, not of the transaction that was rolled back.
     */
    @Test
    void forgetsWhatARolledBackTransactionIndexed() throws Exception {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            FormRepository forms = new FormRepository(database, Clock.systemUTC());
            insert(database, List.of("智能数据标注员", "无人机驾驶培训员", "碳排放管理员"));
            assertThat(near(forms, "数据标注员")).containsExactly("智能数据标注员");
            assertThatThrownBy(() -> database.inTransaction(connection -> {
                rename(database, "智能数据标注员", "农业数字化技术员");
                assertThat(near(forms, "数据标注员")).isEmpty();
                throw new IllegalStateException("the step failed");
            })).hasMessage("the step failed");
            assertThat(near(forms, "数据标注员")).containsExactly("智能数据标注员");
            database.inTransaction(connection -> {
                try {
                    database.inTransaction(savepoint -> {
                        rename(database, "无人机驾驶培训员", "碳排放管理技术员");
                        assertThat(near(forms, "无人机驾驶员")).isEmpty();
                        throw new IllegalStateException("one message failed");
                    });
                } catch (IllegalStateException expected) {
                    // The savepoint alone is undone; the transaction goes on.
                }
                return null;
            });
            assertThat(near(forms, "无人机驾驶员")).containsExactly("无人机驾驶培训员");
        }
    }

    /** The names found through the index for {@code query}, checked against a scan of the register. */
    private List<String> near(FormRepository forms, String query) {
        List<ProposalName> found = forms.listProposalNamesNear(List.of(query), -1);
        assertThat(similar(query, found)).as("similar to %s", query).isEqualTo(similar(query, forms.listProposalNames(-1)));
        return names(found.stream().filter(row -> matcher.isSimilar(query, row.name())).toList());
    }

    private static void renameProposal(Database database, long id, String to) {
        renameWhere(database, "id", id, to);
    }

    private static void rename(Database database, String from, String to) {
        renameWhere(database, "occupation_name", from, to);
    }

    private static void renameWhere(Database database, String column, Object value, String to) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE proposals SET occupation_name = ? WHERE " + column + " = ?")) {
                statement.setString(1, to);
                statement.setObject(2, value);
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
            return null;
        });
    }

    private List<Long> similar(String query, List<ProposalName> rows) {
        return rows.stream().filter(row -> matcher.isSimilar(query, row.name())).map(ProposalName::proposalId).toList();
    }

    private static List<String> names(List<ProposalName> rows) {
        return rows.stream().map(ProposalName::name).toList();
    }

    /** A base name with up to two random edits and a role word that may change: many near pairs. */
    private static String name(Random random) {
        List<String> bases = List.of("数据标注", "智能训练", "运维工程", "标注分析", "数据", "工程技术", "智能", "训练数据分析", "人", "数据标注数据");
        List<String> roles = List.of("员", "师", "工", "技术员", "工程技术人员", "", "技师");
        StringBuilder name = new StringBuilder(bases.get(random.nextInt(bases.size())));
        for (int edits = random.nextInt(3); edits > 0; edits--) {
            char any = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            int at = random.nextInt(name.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> name.insert(at, any);
                case 1 -> { if (at < name.length()) { name.setCharAt(at, any); } }
                default -> { if (at < name.length() && name.length() > 1) { name.deleteCharAt(at); } }
            }
        }
        return name.append(roles.get(random.nextInt(roles.size()))).toString();
    }

    /** One message, document and proposal a name, every other column empty. */
    private static void insert(Database database, List<String> names) {
        database.inTransaction(connection -> {
            for (String name : names) {
                long message = insertRow(connection, "messages", List.of("sha256", "mailbox", "size", "received_at", "registered_at", "raw_path", "status"),
                        List.of(name + System.nanoTime(), "test", 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "raw", "parsed"));
                long document = insertRow(connection, "documents", List.of("message_ref", "attachment_seq", "file_name", "document_class", "is_form"),
                        List.of(message, 1, "a.docx", "proposal", 1));
                insertRow(connection, "proposals", List.of("document_ref", "message_ref", "occupation_name", "error_count", "warning_count"),
                        List.of(document, message, name, 0, 0));
            }
            return null;
        });
    }

    /** Inserts the given columns and '' into every other NOT NULL column without a default. */
    private static long insertRow(Connection connection, String table, List<String> columns, List<Object> values) throws SQLException {
        List<String> all = new ArrayList<>(columns);
        List<Object> allValues = new ArrayList<>(values);
        try (PreparedStatement info = connection.prepareStatement("SELECT name, \"notnull\", dflt_value, pk FROM pragma_table_info(?)")) {
            info.setString(1, table);
            try (ResultSet rows = info.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(2) == 1 && rows.getString(3) == null && rows.getInt(4) == 0 && !all.contains(rows.getString(1))) {
                        all.add(rows.getString(1));
                        allValues.add("");
                    }
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ("
                + CaseRows.placeholders(all.size()) + ")")) {
            for (int i = 0; i < allValues.size(); i++) {
                insert.setObject(i + 1, allValues.get(i));
            }
            insert.executeUpdate();
        }
        try (PreparedStatement id = connection.prepareStatement("SELECT last_insert_rowid()"); ResultSet rows = id.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
