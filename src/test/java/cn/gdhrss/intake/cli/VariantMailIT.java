package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.SampleMails;
import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 by mail: each way Word and WPS save the form (RTF, Word 2003 XML, web page, single-file
 * web page, each named .doc; Strict Open XML .docx), delivered into the Maildir and taken through
 * the whole pipeline, becomes a case with its proposal read, and its letter treats it as the Word
 * form it is; a real Word 97 .doc (with form check boxes) stays one, and a program renamed .doc is
 * still told apart.
 */
class VariantMailIT {
    private static final Path VARIANTS = SampleMails.FORMS.resolve("variants");
    /** The proposal of every variant (forms/variants/README.md: all are the filled form re-saved). */
    private static final String OCCUPATION = "低空飞行器运维员";
    private static final String APPLICANT = "广州低空智造研究院有限公司";
    private static final String RENAMED_PROGRAM = "renamed-program";

    @TempDir
    static Path dir;

    @BeforeAll
    static void mailEveryVariant() throws IOException {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox").resolve("new"));
        List<String> files = List.of("proposal_rtf-libreoffice.doc", "proposal_word2003xml-libreoffice.doc",
                "proposal_htm-utf8-libreoffice.doc", "proposal_mht-gb2312-qp-handedited.doc",
                "proposal_strict-ooxml-handedited.docx", "proposal_doc97-formcheckbox-hyperlink-libreoffice.doc");
        long time = 1_788_000_000L;
        for (String file : files) {
            byte[] bytes = Files.readAllBytes(VARIANTS.resolve(file));
            String attachment = "新职业建议书-" + OCCUPATION + file.substring(file.lastIndexOf('.'));
            SampleMails.write(maildirNew, (time++) + "." + file + ".host", sender(file), "",
                    List.of(new Part(attachment, bytes)));
        }
        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        program[0x3C] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, program, 0x80, 4);
        SampleMails.write(maildirNew, time + "." + RENAMED_PROGRAM + ".host", sender(RENAMED_PROGRAM), "",
                List.of(new Part("新职业建议书.doc", program)));
        try (App app = open()) {
            app.intake().pollMailbox().orElseThrow();
        }
    }

    private static String sender(String file) {
        return "s" + Math.abs(file.hashCode()) + "@example.cn";
    }

    private static App open() {
        return new App(dir.resolve("data"), Settings.of(Map.of()),
                Clock.fixed(Instant.parse("2026-09-01T02:00:00Z"), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proposal_rtf-libreoffice.doc", "proposal_word2003xml-libreoffice.doc",
            "proposal_htm-utf8-libreoffice.doc", "proposal_mht-gb2312-qp-handedited.doc",
            "proposal_strict-ooxml-handedited.docx", "proposal_doc97-formcheckbox-hyperlink-libreoffice.doc"})
    void variantBecomesACaseWithItsProposalAndALetterAboutTheForm(String file) {
        String reference;
        OutboxRecord letter;
        try (App app = open()) {
            MessageRecord message = messageFrom(app, sender(file));
            assertThat(app.messages().listAttachments(message.id())).singleElement()
                    .satisfies(attachment -> assertThat(attachment.kind()).isEqualTo("proposal_form"));
            List<CaseRecord> cases = app.cases().listCasesOfMessage(message.id());
            assertThat(cases).singleElement();
            reference = cases.get(0).reference();
            letter = app.outbox().list(50).stream().filter(reply -> reply.reference().equals(reference))
                    .findFirst().orElseThrow();
        }
        assertThat(run("show", reference)).contains(OCCUPATION, APPLICANT).doesNotContain("不是 Word", "不是Word");
        assertThat(run("list", "--cases")).contains(reference + "").contains(OCCUPATION);
        assertThat(letter.subject()).startsWith("[" + reference + "]");
        // The fixtures keep the filled form's made-up 020-12345678: the one problem a person must see.
        assertThat(letter.bodyText()).startsWith(APPLICANT + "：")
                .contains("（新职业建议书）", "1. “联系电话”“020-12345678”不是有效的电话号码", "（Word 文档，")
                .doesNotContain("2. “", "不是 Word 文件", "其他Office文件", "Word可打开");
    }

    @Test
    void programRenamedDocIsStillToldItIsNotAWordFile() {
        try (App app = open()) {
            MessageRecord message = messageFrom(app, sender(RENAMED_PROGRAM));
            String reference = app.cases().listCasesOfMessage(message.id()).get(0).reference();
            OutboxRecord letter = app.outbox().list(50).stream().filter(reply -> reply.reference().equals(reference))
                    .findFirst().orElseThrow();
            assertThat(letter.bodyText()).contains("不是 Word 文件");
        }
    }

    private static MessageRecord messageFrom(App app, String sender) {
        return app.messages().list(50).stream().filter(message -> message.fromAddress().contains(sender))
                .findFirst().orElseThrow();
    }

    private static String run(String... args) {
        CaseRegister.Result result = CaseRegister.run(dir.resolve("data"), CaseRegister.emptyConfig(dir), args);
        assertThat(result.code()).as(String.join(" ", args) + " → " + result.err()).isZero();
        return result.out();
    }
}
