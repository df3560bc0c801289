package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.StoredHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: the headers are read once at intake and every later step uses what the register keeps. */
class StoredHeadersIT {
    private static final String FORM = "新职业建议书-低空物流调度员.docx";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-08-03T02:00:00Z"));

    private OutboxRecord replyTo(App app, String from) throws Exception {
        ReplyTestKit.importFiles(app, ReplyTestKit.write(dir.resolve("in"), "m.eml", CaseFlowIT.mail("m-1@example.org", from, "新职业申报", "", FORM)));
        return app.outbox().list(1).get(0);
    }

    @Test
    void fromEncodedWholeAsOneEncodedWordIsAnsweredAtTheAddressStored() throws Exception {
        String encoded = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("张三 <ZhangSan@example.cn>".getBytes(StandardCharsets.UTF_8)) + "?=";
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            OutboxRecord reply = replyTo(app, encoded);

            assertThat(reply.to()).isEqualTo("zhangsan@example.cn");
            assertThat(app.cases().findHeaders(reply.messageRef()).orElseThrow().from()).containsExactly("zhangsan@example.cn");
            assertThat(app.messages().find(reply.messageRef()).orElseThrow().fromAddress()).isEqualTo("张三 <ZhangSan@example.cn>");
        }
    }

    @Test
    void twentyFiveAddressesKeepTheFirstTwentyAndTheReplyGoesToTheFirst() throws Exception {
        String from = IntStream.rangeClosed(1, 25).mapToObj(i -> "p" + i + "@example.cn").collect(Collectors.joining(",\n "));
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            OutboxRecord reply = replyTo(app, from);

            assertThat(reply.to()).isEqualTo("p1@example.cn");
            StoredHeaders stored = app.cases().findHeaders(reply.messageRef()).orElseThrow();
            assertThat(stored.from()).hasSize(20).startsWith("p1@example.cn").endsWith("p20@example.cn");
            assertThat(stored.first("from").orElseThrow()).doesNotContain("\r", "\n").contains("p25@example.cn");
        }
    }

    /**
     * The old parsers disagreed here: the stored From was cut at 2,000 characters and the reply's
     * reader cut the value at 4,000 before parsing it, so the 7,500-byte display name lost the address.
     */
    @Test
    void longFromWithControlCharactersGetsItsReplyAtTheStoredAddress() throws Exception {
        String from = "\"" + "很长的名字".repeat(500) + "\u0001\" <li.si@example.org>";
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            OutboxRecord reply = replyTo(app, from);

            StoredHeaders stored = app.cases().findHeaders(reply.messageRef()).orElseThrow();
            assertThat(stored.from()).containsExactly("li.si@example.org");
            assertThat(reply.to()).isEqualTo("li.si@example.org");
            assertThat(stored.first("from").orElseThrow()).doesNotContain("\u0001").hasSizeLessThanOrEqualTo(4000);
        }
    }

    @Test
    void reprocessReadsTheStoredHeadersNotTheRawFileAgain() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            OutboxRecord reply = replyTo(app, "王五 <wangwu@example.cn>");
            long id = reply.messageRef();
            // Were the raw file read again, this header would make the mail automatic.
            Path raw = app.archive().resolve(app.messages().find(id).orElseThrow().rawPath());
            raw.toFile().setWritable(true);
            Files.writeString(raw, "Auto-Submitted: auto-generated\r\nFrom: robot@example.cn\r\n" + Files.readString(raw, StandardCharsets.ISO_8859_1),
                    StandardCharsets.ISO_8859_1);

            app.mailDesk().reprocess(id, false);

            assertThat(app.messages().findMailClass(id).orElseThrow().mailClass()).isEqualTo(MailClass.SUBMISSION.code());
            assertThat(app.cases().findHeaders(id).orElseThrow().from()).containsExactly("wangwu@example.cn");
            assertThat(app.outbox().list(10)).extracting(OutboxRecord::to).containsExactly("wangwu@example.cn");
        }
    }

    @Test
    void messageRegisteredBeforeTheHeadersWereStoredIsBackfilledOnce() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            long id = replyTo(app, "赵六 <zhaoliu@example.cn>").messageRef();
            // What a register migrated from V12 holds: no header rows, no address lists.
            app.database().inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM message_headers");
                    statement.executeUpdate("UPDATE messages SET from_addresses = NULL, reply_to_addresses = NULL, return_path_addresses = NULL");
                }
                return null;
            });
            assertThat(app.cases().findHeaders(id)).isEmpty();

            MessageRecord again = app.mailDesk().reprocess(id, false);

            StoredHeaders stored = app.cases().findHeaders(id).orElseThrow();
            assertThat(stored.from()).containsExactly("zhaoliu@example.cn");
            assertThat(stored.first("message-id")).contains("<m-1@example.org>");
            assertThat(app.messages().find(again.id()).orElseThrow().status()).isEqualTo("answered");
        }
    }
}
