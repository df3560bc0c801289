package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk finds files wherever a client puts them: forwarded mails, winmail.dat, uuencoded text, body links. */
class MimeStructureTest {

    @TempDir
    Path temp;

    @Test
    void takesAttachmentsOfForwardedMessageAsPartOfTheSubmission() throws IOException {
        byte[] forwarded = new RawMessage().text("转发").attachment("建议书.doc", "application/msword",
                Fixtures.document("poi_HeaderFooterUnicode.doc")).bytes();
        RawMessage message = new RawMessage().text("请查收转发的材料")
                .verbatim(concat("Content-Type: message/rfc822\r\n\r\n", forwarded));

        Extraction extraction = Fixtures.extract(temp, message);

        ExtractedFile form = Fixtures.named(extraction, "建议书.doc");
        assertThat(form.origin()).isEqualTo("2/forwarded:2");
        assertThat(form.kind()).isEqualTo(AttachmentKind.PROPOSAL_FORM);
        assertThat(extraction.bodyText()).contains("请查收转发的材料").contains("转发");
    }

    @Test
    void takesAttachmentsOfBase64EncodedForwardedMessage() throws IOException {
        byte[] forwarded = new RawMessage().attachment("表.xls", "application/vnd.ms-excel",
                Fixtures.document("poi_chinese-provinces.xls")).bytes();
        RawMessage message = new RawMessage().part("Content-Type: message/rfc822\r\n", forwarded);

        Extraction extraction = Fixtures.extract(temp, message);

        assertThat(Fixtures.named(extraction, "表.xls").kind()).isEqualTo(AttachmentKind.SUMMARY_TABLE);
    }

    @Test
    void takesAttachmentsOutOfWinmailDat() throws IOException {
        byte[] tnef = Files.readAllBytes(corpus("poi-hmef_bug52400-winmail-with-attachments.dat"));
        RawMessage message = new RawMessage().text("Outlook").part(
                "Content-Type: application/ms-tnef; name=\"winmail.dat\"\r\nContent-Disposition: attachment; filename=\"winmail.dat\"\r\n",
                tnef);

        Extraction extraction = Fixtures.extract(temp, message);

        ExtractedFile winmail = Fixtures.named(extraction, "winmail.dat");
        assertThat(winmail.status()).isEqualTo(AttachmentStatus.OK);
        assertThat(extraction.files()).filteredOn(file -> Integer.valueOf(winmail.seq()).equals(file.parentSeq()))
                .isNotEmpty()
                .allSatisfy(file -> {
                    assertThat(file.origin()).startsWith(winmail.origin() + "/tnef:");
                    assertThat(file.sha256()).isNotNull();
                });
    }

    @Test
    void takesUuencodedFileOutOfTextBody() throws IOException, MessagingException {
        ByteArrayOutputStream uu = new ByteArrayOutputStream();
        try (OutputStream encoder = MimeUtility.encode(uu, "uuencode", "report.txt")) {
            encoder.write("uuencoded content".getBytes(StandardCharsets.US_ASCII));
        }
        String body = "Please see the file below.\r\n\r\n" + uu.toString(StandardCharsets.US_ASCII) + "\r\nThanks\r\n";
        RawMessage message = new RawMessage().text(body);

        Extraction extraction = Fixtures.extract(temp, message);

        ExtractedFile file = Fixtures.named(extraction, "report.txt");
        assertThat(file.origin()).isEqualTo("1/uu:report.txt");
        assertThat(file.size()).isEqualTo("uuencoded content".length());
        assertThat(extraction.bodyText()).contains("Please see the file below.").contains("Thanks").doesNotContain("begin 644");
    }

    @Test
    void recordsCloudLinksOfPlainAndHtmlBodies() throws IOException {
        RawMessage message = new RawMessage()
                .text("视频太大，链接：https://pan.baidu.com/s/1AbCdEfG 提取码：x1y2")
                .html("<p>超大附件：<a href=\"https://wx.mail.qq.com/ftn/download?func=3&amp;k=abc\">宣传视频.mp4</a></p>"
                        + "<p>普通链接 <a href=\"https://www.gd.gov.cn/\">广东省政府</a></p>");

        Extraction extraction = Fixtures.extract(temp, message);

        assertThat(extraction.files()).filteredOn(file -> file.kind() == AttachmentKind.LINK)
                .extracting(ExtractedFile::url, ExtractedFile::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("https://pan.baidu.com/s/1AbCdEfG", "pan.baidu.com"),
                        org.assertj.core.groups.Tuple.tuple("https://wx.mail.qq.com/ftn/download?func=3&k=abc", "宣传视频.mp4"));
    }

    @Test
    void prefersPlainTextBodyOverHtml() throws IOException {
        RawMessage message = new RawMessage().html("<p>网页正文</p>").text("纯文本正文");

        assertThat(Fixtures.extract(temp, message).bodyText()).isEqualTo("纯文本正文");
    }

    @Test
    void readsHtmlBodyAsTextWhenThereIsNoPlainText() throws IOException {
        RawMessage message = new RawMessage().html("<html><style>p{}</style><p>您好&nbsp;附件&amp;说明</p></html>");

        assertThat(Fixtures.extract(temp, message).bodyText()).isEqualTo("您好 附件&说明");
    }

    @Test
    void reportsMissingEndBoundaryAsProblem() throws IOException {
        byte[] whole = new RawMessage().text("正文").bytes();
        String text = new String(whole, StandardCharsets.US_ASCII);
        Path file = Files.writeString(temp.resolve("cut.eml"), text.substring(0, text.lastIndexOf("--")), StandardCharsets.US_ASCII);

        Extraction extraction = new MessageExtractor(AttachmentLimits.defaults(), new FileStore(temp.resolve("store")),
                Fixtures.TYPES).extract(file);

        assertThat(extraction.problems()).contains("邮件结构损坏：缺少结束边界");
    }

    @Test
    void takesInlinePartThatCarriesAFilename() throws IOException {
        RawMessage message = new RawMessage().part(
                "Content-Type: application/pdf\r\nContent-Disposition: inline; filename=\"说明.pdf\"\r\n",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        ExtractedFile pdf = Fixtures.named(Fixtures.extract(temp, message), "说明.pdf");

        assertThat(pdf.kind()).isEqualTo(AttachmentKind.PDF);
    }

    private static Path corpus(String name) {
        try {
            return Fixtures.resource("mail/corpus/" + name);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static byte[] concat(String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headers.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
