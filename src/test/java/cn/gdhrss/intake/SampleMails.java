package cn.gdhrss.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Mails carrying the real forms of {@code src/test/resources/forms} (see its README), written by
 * tests: the LibreOffice-saved filled proposal with some of its texts replaced, a blank form, a PDF.
 */
public final class SampleMails {
    public static final Path FORMS = Path.of("src/test/resources/forms");

    /** One attachment: its file name and bytes. */
    public record Part(String name, byte[] bytes) {}

    private SampleMails() {}

    /** The filled form with a real Guangzhou number in 联系电话, so that no error remains. */
    public static byte[] validProposal() throws IOException {
        return proposal(Map.of());
    }

    /**
     * The filled form with texts of its runs replaced ({@code 张三 → 王静}); 联系电话 always becomes
     * a real Guangzhou number.
     */
    public static byte[] proposal(Map<String, String> replacements) throws IOException {
        try (InputStream in = Files.newInputStream(FORMS.resolve("testDOCX_filled_libreoffice.docx"));
                XWPFDocument document = new XWPFDocument(in)) {
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        cell.getParagraphs().forEach(paragraph -> replace(paragraph, replacements));
                    }
                }
            }
            document.getParagraphs().forEach(paragraph -> replace(paragraph, replacements));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void replace(XWPFParagraph paragraph, Map<String, String> replacements) {
        for (XWPFRun run : paragraph.getRuns()) {
            String text = run.getText(0);
            if (text == null) {
                continue;
            }
            String replaced = text.replace("020-12345678", "020-87654321");
            for (Map.Entry<String, String> entry : replacements.entrySet()) {
                replaced = replaced.replace(entry.getKey(), entry.getValue());
            }
            if (!replaced.equals(text)) {
                run.setText(replaced, 0);
            }
        }
    }

    public static byte[] blankProposal() throws IOException {
        return Files.readAllBytes(FORMS.resolve("template-proposal.docx"));
    }

    public static byte[] pdf() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Writes {@code file} into {@code dir}: a multipart mail from {@code from} with {@code body} and the parts. */
    public static void write(Path dir, String file, String from, String subject, String extraHeaders, String body, List<Part> parts)
            throws IOException {
        StringBuilder mail = new StringBuilder()
                .append("Message-ID: <").append(file).append("@example.cn>\r\n")
                .append("From: ").append(from).append("\r\n")
                .append("To: jnzx_zzyfk@gd.gov.cn\r\n")
                .append("Date: Mon, 31 Aug 2026 09:15:00 +0800\r\n")
                .append("Subject: =?UTF-8?B?").append(b64(subject)).append("?=\r\n")
                .append(extraHeaders)
                .append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n")
                .append("--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(b64(body)).append("\r\n");
        for (Part part : parts) {
            String name = "=?UTF-8?B?" + b64(part.name()) + "?=";
            mail.append("--b\r\nContent-Type: application/octet-stream; name=\"").append(name).append("\"\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(part.bytes())).append("\r\n");
        }
        mail.append("--b--\r\n");
        Files.writeString(dir.resolve(file), mail, StandardCharsets.US_ASCII);
    }

    /** {@link #write} with the subject 申报新职业 and a one-line body. */
    public static void write(Path dir, String file, String from, String extraHeaders, List<Part> parts) throws IOException {
        write(dir, file, from, "申报新职业", extraHeaders, "您好，申报材料见附件。", parts);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
