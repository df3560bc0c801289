package cn.gdhrss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.FormReader;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.StoredDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mail through the whole pipeline: archived, taken apart, its forms read, checked and stored in columns. */
class SubmissionPipelineIT {
    private static final Path FILLED_DOCX = Path.of("src/test/resources/forms/testDOCX_filled_libreoffice.docx");
    private static final Path FILLED_DOC = Path.of("src/test/resources/forms/testDOC_filled_libreoffice.doc");

    @TempDir
    Path dir;

    private App app;

    @BeforeEach
    void start() {
        app = new App(dir.resolve("data"), Settings.of(Map.of()), Clock.fixed(Instant.parse("2026-09-01T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private MessageRecord importMail(String name, String... attachments) throws IOException {
        Path file = dir.resolve(name + ".eml");
        Files.writeString(file, mail(name, attachments), StandardCharsets.US_ASCII);
        app.intake().runOnce(new FileImportSource(List.of(file)), done -> { }).orElseThrow();
        return app.messages().list(1).get(0);
    }

    private static String mail(String id, String... attachments) throws IOException {
        StringBuilder mail = new StringBuilder("""
                Message-ID: <%s@example.cn>
                From: =?UTF-8?B?5byg5LiJ?= <applicant@example.cn>
                To: jnzx_zzyfk@gd.gov.cn
                Date: Mon, 31 Aug 2026 09:15:00 +0800
                Subject: =?UTF-8?B?5paw6IGM5Lia5bu66K6u5Lmm?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                %s
                """.formatted(id, Base64.getEncoder().encodeToString("申报材料见附件。".getBytes(StandardCharsets.UTF_8))));
        for (String attachment : attachments) {
            Path file = Path.of(attachment);
            String name = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(("新职业建议书" + extension(file)).getBytes(StandardCharsets.UTF_8)) + "?=";
            mail.append("--b\nContent-Type: application/octet-stream; name=\"").append(name).append("\"\n")
                    .append("Content-Disposition: attachment; filename=\"").append(name).append("\"\n")
                    .append("Content-Transfer-Encoding: base64\n\n")
                    .append(Base64.getMimeEncoder().encodeToString(Files.readAllBytes(file))).append("\n");
        }
        return mail.append("--b--\n").toString().replace("\n", "\r\n");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.'));
    }

    @Test
    void storesEveryFieldOfAWordProposalInTheRegister() throws IOException {
        MessageRecord message = importMail("docx", FILLED_DOCX.toString());

        assertThat(message.status()).isEqualTo("answered");
        List<StoredDocument> documents = app.forms().listDocuments(message.id());
        assertThat(documents).hasSize(1);
        Proposal read = new FormReader().read(FILLED_DOCX, "新职业建议书.docx").proposal();
        assertThat(documents.get(0).proposal()).isNotNull()
                .usingRecursiveComparison().ignoringFields("findings").isEqualTo(read);
    }

    @Test
    void theTasksOfAnImportedProposalAreSearchableOnceEachInTheirOrder() throws IOException {
        importMail("tasks", FILLED_DOCX.toString());

        assertThat(app.caseRows().search("排除飞控故障", 10)).extracting(row -> row.name()).containsExactly("低空飞行器运维员");
        assertThat(app.caseRows().search("记录运维档案", 10)).hasSize(1);
        assertThat(app.caseRows().search("运维档案；检查", 10)).as("tasks joined in their order, not repeated").isEmpty();
    }

    @Test
    void readsAWord97ProposalToo() throws IOException {
        MessageRecord message = importMail("doc", FILLED_DOC.toString());
        StoredDocument document = app.forms().listDocuments(message.id()).get(0);
        assertThat(document.proposal()).isNotNull();
        assertThat(document.proposal().occupation().name()).isNotBlank();
    }

    @Test
    void linksTheSameOccupationProposedTwiceAsAWarning() throws IOException {
        importMail("first", FILLED_DOCX.toString());
        MessageRecord second = importMail("second", FILLED_DOC.toString());

        Proposal proposal = app.forms().listDocuments(second.id()).get(0).proposal();
        assertThat(proposal.findings()).extracting(Finding::code).contains("PROPOSAL_DUPLICATE_IN_REGISTER");
    }

    @Test
    void mailWithoutAttachmentGetsAFindingSayingWhatToSend() throws IOException {
        MessageRecord message = importMail("empty");
        assertThat(app.forms().listMessageFindings(message.id())).extracting(Finding::code)
                .containsExactly("SUBMISSION_NO_ATTACHMENT");
    }

    @Test
    void mailWithOnlyAnEncryptedDocumentAsksForTheWordForm() throws IOException {
        MessageRecord message = importMail("encrypted", "src/test/resources/attachment/documents/poi_bug53475-password-is-pass.docx");
        assertThat(message.status()).isEqualTo("answered");
        assertThat(app.forms().listMessageFindings(message.id())).extracting(Finding::code)
                .containsExactly("SUBMISSION_NO_WORD_FORM");
        assertThat(app.forms().listDocuments(message.id()).get(0).findings()).anyMatch(Finding::isError);
    }

    @Test
    void messageOverTheSizeLimitIsKeptWholeAndTheSenderIsToldWhy() throws IOException {
        app.close();
        app = new App(dir.resolve("small"), Settings.of(Map.of("limits.message-bytes", "10k")),
                Clock.fixed(Instant.parse("2026-09-01T02:00:00Z"), ZoneOffset.UTC));
        MessageRecord message = importMail("large", FILLED_DOCX.toString());

        assertThat(message.status()).isEqualTo("answered");
        assertThat(dir.resolve("small").resolve(message.rawPath())).exists();
        assertThat(app.messages().listAttachments(message.id())).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo("over_limit"));
        assertThat(app.forms().listMessageFindings(message.id())).extracting(Finding::code)
                .containsExactly("SUBMISSION_TOO_LARGE");
        assertThat(app.outbox().list(10)).singleElement()
                .satisfies(reply -> assertThat(reply.bodyText()).contains("超过本邮箱的大小上限"));
    }
}
