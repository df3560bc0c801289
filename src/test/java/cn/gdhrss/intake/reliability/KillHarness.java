package cn.gdhrss.intake.reliability;

import cn.gdhrss.intake.SampleMails;
import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.attachment.FileStore;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The kill harness of issue 11. An in-process GreenMail serves IMAP (two mailboxes holding the same
 * mails) and is the SMTP sink for the replies. One data directory takes its mailbox in one
 * uninterrupted {@code poll}; the other is killed over and over: each round starts {@code poll} in
 * a JVM of its own and kills it, at a seeded crash point ({@code -Dintake.crash-at}, between two
 * commits or mid-write) or with SIGKILL after a seeded delay (anywhere, SMTP RCPT and DATA
 * included), until the requested number of kills has landed; then it runs to the end. Finally it
 * checks: every message registered once and none failed, every stored attachment's SHA-256, every
 * table equal to the uninterrupted run's, every reply delivered at most once and none missing that
 * is not listed for staff, integrity_check ok. Prints the figures; exits 1 on any violation.
 *
 * <p>{@code KillHarness [messages] [kills] [seed] [workDir]}: {@code ./run.sh reliability kill} runs
 * 500 messages and 24 kills; {@code KillHarnessIT} a short form.
 */
public final class KillHarness {
    private static final String PASSWORD = "s3cret";
    // outbox.writing (an .eml half written) is passed only without SMTP; this harness replies over SMTP, and
    // LeftoverTemporaryFilesIT kills there instead.
    private static final String[] POINTS = {"intake.archived", "archive.writing", "intake.registered", "extract.saved",
        "parse.saved", "answer.saved", "outbox.claimed", "outbox.transmitting", "outbox.accepted"};
    private static final String[] OCCUPATIONS = {"低空飞行器运维员", "工业数据标注员", "数字孪生应用工程师", "碳排放管理员",
        "智能网联汽车测试员", "宠物康复师", "陪诊师", "家庭教育指导师"};

    private final int messages;
    private final int kills;
    private final Random random;
    private final Path work;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> killsByPoint = new HashMap<>();
    private GreenMail greenMail;
    /** The mails, raw, in the order both mailboxes get them. */
    private final List<byte[]> mails = new ArrayList<>();

    KillHarness(int messages, int kills, long seed, Path work) {
        this.messages = messages;
        this.kills = kills;
        this.random = new Random(seed);
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 11;
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("kill-harness");
        KillHarness harness = new KillHarness(messages, kills, seed, work);
        List<String> report = harness.run();
        report.forEach(System.out::println);
        System.exit(harness.violations.isEmpty() ? 0 : 1);
    }

    /** Runs the whole harness; returns the report lines (violations last, prefixed "VIOLATION"). */
    List<String> run() throws Exception {
        List<String> report = new ArrayList<>();
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)}));
        greenMail.start();
        try {
            greenMail.setUser("office@localhost", "office", PASSWORD);
            greenMail.setUser("refbox@localhost", "refbox", PASSWORD);
            writeMails();
            deliver("refbox@localhost", 0, messages);
            long started = System.nanoTime();
            Path reference = work.resolve("reference");
            int exit = runPoll(reference, "refbox", null, 0);
            expect(exit == 0, "uninterrupted run exited " + exit);
            report.add(String.format(Locale.ROOT, "uninterrupted run: %d messages in %.1f s", messages,
                    (System.nanoTime() - started) / 1e9));

            Path killed = work.resolve("killed");
            started = System.nanoTime();
            int landed = 0;
            int rounds = 0;
            List<String> rounds_ = new ArrayList<>();
            int offset = random.nextInt(POINTS.length);
            // The killed mailbox gets the mails in batches, one before each round, so that every round has work
            // at every stage (a pass takes all mail in, then extracts all, parses all, answers all).
            // Over twice as many rounds as kills get new mail: a crash point on the intake side lands only in a round that
            // has new mail, and a round may miss (a SIGKILL after the poll ended).
            int batch = Math.max(1, messages / (2 * kills));
            int delivered = 0;
            while ((landed < kills || delivered < messages) && rounds < kills * 4) {
                rounds++;
                int next = Math.min(messages, delivered + batch);
                deliver("office@localhost", delivered, next);
                delivered = next;
                // Every fourth kill from outside at a seeded moment; the others go round the crash points in turn.
                boolean external = rounds % 4 == 0;
                String point = POINTS[(offset + rounds - rounds / 4) % POINTS.length];
                int hit = 1 + random.nextInt(Math.max(1, batch / 2));
                long delayMillis = 500 + random.nextInt(4000);
                exit = external ? runPoll(killed, "office", null, delayMillis) : runPoll(killed, "office", point + ":" + hit, 0);
                rounds_.add(String.format(Locale.ROOT, "  round %d: %s, exit %d", rounds,
                        external ? "SIGKILL after " + delayMillis + " ms" : point + ":" + hit, exit));
                if (exit == 137) {
                    landed++;
                    killsByPoint.merge(external ? "SIGKILL after " + (delayMillis / 1000) + " s" : point, 1, Integer::sum);
                }
            }
            deliver("office@localhost", delivered, messages);
            for (int finish = 0; finish < 3; finish++) {
                exit = runPoll(killed, "office", null, 0);
                expect(exit == 0, "finishing run exited " + exit);
            }
            report.add(String.format(Locale.ROOT, "killed run: %d kills landed in %d rounds, %.1f s in all", landed, rounds,
                    (System.nanoTime() - started) / 1e9));
            expect(landed >= kills, "only " + landed + " of " + kills + " kills landed");
            if (landed < kills) {
                report.addAll(rounds_);
            }
            killsByPoint.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> report.add("  kills at " + entry.getKey() + ": " + entry.getValue()));
            report.addAll(check(reference, killed));
        } finally {
            greenMail.stop();
        }
        violations.forEach(violation -> report.add("VIOLATION " + violation));
        report.add(violations.isEmpty() ? "RESULT ok" : "RESULT " + violations.size() + " violations");
        return report;
    }

    List<String> violations() {
        return violations;
    }

    private void deliver(String user, int from, int to) throws Exception {
        Session session = Session.getInstance(new Properties());
        for (int i = from; i < to; i++) {
            greenMail.getUserManager().getUserByEmail(user).deliver(new MimeMessage(session, new ByteArrayInputStream(mails.get(i))));
        }
    }

    private void writeMails() throws Exception {
        Path drafts = Files.createDirectories(work.resolve("drafts"));
        Map<String, byte[]> forms = new HashMap<>();
        for (String occupation : OCCUPATIONS) {
            forms.put(occupation, SampleMails.proposal(Map.of("低空飞行器运维员", occupation)));
        }
        byte[] pdf = SampleMails.pdf();
        for (int i = 0; i < messages; i++) {
            String from = "applicant" + i + "@example.cn";
            String occupation = OCCUPATIONS[i % OCCUPATIONS.length];
            byte[] noise = new byte[2000 + i * 37 % 20_000];
            new Random(i).nextBytes(noise);
            String file = "mail" + i;
            switch (i % 5) {
                case 0, 3 -> SampleMails.write(drafts, file, from, "申报新职业 " + i, "", "您好，申报材料见附件。",
                        i % 5 == 0 ? List.of(new Part("新职业建议书.docx", forms.get(occupation)))
                                : List.of(new Part("新职业建议书.docx", forms.get(occupation)), new Part("照片" + i + ".bin", noise)));
                case 1 -> SampleMails.write(drafts, file, from, "申报新职业 " + i, "", "您好，材料为 PDF。",
                        List.of(new Part("建议书.pdf", pdf)));
                case 2 -> SampleMails.write(drafts, file, from, "咨询 " + i, "", "请问个人可以申报新职业吗？", List.of());
                default -> SampleMails.write(drafts, file, from, "申报新职业 " + i, "", "您好，附件是我们的申报材料。",
                        List.of(new Part("材料" + i + ".bin", noise)));
            }
            mails.add(Files.readAllBytes(drafts.resolve(file)));
        }
    }

    /** One {@code poll} in its own JVM; killed at {@code crashAt}, or by SIGKILL after {@code killAfterMillis} (&gt; 0). */
    private int runPoll(Path data, String user, String crashAt, long killAfterMillis) throws Exception {
        Files.createDirectories(data);
        Path config = data.resolve("harness.properties");
        Files.writeString(config, String.join("\n",
                "mailbox.protocol = imap", "mailbox.host = 127.0.0.1", "mailbox.port = " + greenMail.getImap().getPort(),
                "mailbox.user = " + user, "mailbox.password.env = INTAKE_MAILBOX_PASSWORD", "mailbox.starttls = false",
                "smtp.host = 127.0.0.1", "smtp.port = " + greenMail.getSmtp().getPort(), "smtp.security = none",
                "reply.retry.initial-seconds = 1", "reply.cap.per-address-per-day = 100", ""), StandardCharsets.UTF_8);
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        if (crashAt != null) {
            line.add("-Dintake.crash-at=" + crashAt);
        }
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.gdhrss.intake.cli.Main", "poll",
                "--data", data.toString(), "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("harness.log").toFile()));
        builder.environment().put("INTAKE_MAILBOX_PASSWORD", PASSWORD);
        Process process = builder.start();
        if (killAfterMillis > 0 && !process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            violations.add("poll did not finish within 15 minutes");
        }
        return process.exitValue();
    }

    private List<String> check(Path reference, Path killed) throws Exception {
        List<String> report = new ArrayList<>();
        try (Connection ref = open(reference); Connection got = open(killed)) {
            expect(scalar(got, "PRAGMA integrity_check").equals("ok"), "integrity_check of the killed run's register");
            expect(scalar(ref, "PRAGMA integrity_check").equals("ok"), "integrity_check of the uninterrupted run's register");
            long registered = Long.parseLong(scalar(got, "SELECT count(*) FROM messages"));
            long distinct = Long.parseLong(scalar(got, "SELECT count(DISTINCT sha256) FROM messages"));
            long unfinished = Long.parseLong(scalar(got, "SELECT count(*) FROM messages WHERE status NOT IN ('answered', 'no_reply')"));
            expect(registered == messages && distinct == messages, "registered " + registered + " (" + distinct + " distinct) of " + messages);
            expect(unfinished == 0, unfinished + " messages not finished (failed or pending)");
            report.add("messages registered once: " + distinct + "/" + messages + ", unfinished " + unfinished);

            int hashes = 0;
            int wrong = 0;
            FileStore store = new FileStore(killed.resolve("files"));
            for (String sha : column(got, "SELECT DISTINCT sha256 FROM attachments WHERE sha256 IS NOT NULL")) {
                hashes++;
                Path file = store.pathOf(sha);
                if (!Files.exists(file) || !sha256(file).equals(sha)) {
                    wrong++;
                }
            }
            expect(wrong == 0, wrong + " of " + hashes + " stored attachments missing or with a wrong SHA-256");
            report.add("attachment SHA-256 right: " + (hashes - wrong) + "/" + hashes);

            Map<String, String> tables = new java.util.LinkedHashMap<>();
            tables.put("messages", "SELECT sha256, status, subject, from_address, size FROM messages");
            tables.put("attachments", "SELECT m.sha256, a.seq, a.name, a.sha256, a.kind, a.status, a.status_reason FROM attachments a "
                    + "JOIN messages m ON m.id = a.message_ref");
            tables.put("documents", "SELECT m.sha256, d.attachment_seq, d.document_class, d.is_form FROM documents d "
                    + "JOIN messages m ON m.id = d.message_ref");
            tables.put("proposals", "SELECT m.sha256, p.occupation_name FROM proposals p JOIN messages m ON m.id = p.message_ref");
            tables.put("findings", "SELECT m.sha256, f.scope, f.code, f.field, f.message, count(*) FROM findings f "
                    + "JOIN messages m ON m.id = f.message_ref GROUP BY m.sha256, f.scope, f.code, f.field, f.message");
            tables.put("proposal_links", "SELECT ma.sha256, mb.sha256, l.same_name FROM proposal_links l "
                    + "JOIN proposals a ON a.id = l.proposal_ref JOIN messages ma ON ma.id = a.message_ref "
                    + "JOIN proposals b ON b.id = l.other_ref JOIN messages mb ON mb.id = b.message_ref");
            tables.put("cases", "SELECT c.reference, c.kind, c.title, c.applicant, c.status, m.sha256 FROM cases c "
                    + "JOIN case_versions v ON v.case_ref = c.id JOIN messages m ON m.id = v.message_ref");
            tables.put("mail_class", "SELECT m.sha256, m.mail_class, m.mail_class_reasons, m.status_reason FROM messages m");
            tables.put("outbox", "SELECT o.reference, o.kind, o.to_address, o.subject, m.sha256 FROM outbox o "
                    + "JOIN messages m ON m.id = o.message_ref");
            for (Map.Entry<String, String> table : tables.entrySet()) {
                TreeSet<String> expected = rows(ref, table.getValue());
                TreeSet<String> actual = rows(got, table.getValue());
                TreeSet<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                TreeSet<String> extra = new TreeSet<>(actual);
                extra.removeAll(expected);
                expect(missing.isEmpty() && extra.isEmpty(), "table " + table.getKey() + ": " + missing.size() + " rows missing, "
                        + extra.size() + " extra" + (missing.isEmpty() ? "" : ", e.g. " + missing.first()));
                report.add(String.format(Locale.ROOT, "table %-15s %6d rows, equal to the uninterrupted run: %s", table.getKey(),
                        actual.size(), missing.isEmpty() && extra.isEmpty()));
            }
            long links = rows(got, tables.get("proposal_links")).size();
            long referenceLinks = rows(ref, tables.get("proposal_links")).size();
            report.add("same-name links: " + links + " (uninterrupted run " + referenceLinks + "), lost " + Math.max(0, referenceLinks - links));

            Map<String, Integer> delivered = new HashMap<>();
            for (MimeMessage received : greenMail.getReceivedMessages()) {
                if (received.getHeader("Auto-Submitted") != null) {
                    delivered.merge(received.getMessageID().replaceAll("[<>]", ""), 1, Integer::sum);
                }
            }
            int sent = 0;
            int uncertain = 0;
            int doubled = 0;
            int missingReplies = 0;
            try (Statement statement = got.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT message_id, state FROM outbox")) {
                while (rows.next()) {
                    int times = delivered.getOrDefault(rows.getString(1), 0);
                    String state = rows.getString(2);
                    doubled += times > 1 ? 1 : 0;
                    if (state.equals("sent")) {
                        sent++;
                        missingReplies += times == 0 ? 1 : 0;
                    } else if (state.equals("uncertain")) {
                        uncertain++;
                    } else {
                        missingReplies++;
                    }
                }
            }
            expect(doubled == 0, doubled + " replies delivered more than once");
            expect(missingReplies == 0, missingReplies + " replies neither delivered nor listed for staff");
            report.add("replies: " + sent + " sent once, " + uncertain + " uncertain (listed by todo/status for staff), "
                    + doubled + " doubled, " + missingReplies + " missing");
        }
        return report;
    }

    private void expect(boolean condition, String violation) {
        if (!condition) {
            violations.add(violation);
        }
    }

    private static Connection open(Path data) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("register.db"));
    }

    private static String scalar(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    private static List<String> column(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static TreeSet<String> rows(Connection connection, String sql) throws Exception {
        TreeSet<String> rows = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
