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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Submissions as applicants mail them: real Word forms from src/test/resources/forms in .eml files. */
final class SampleMails {
    static final Path FORMS = Path.of("src/test/resources/forms");

    private SampleMails() {}

    /** One attachment: its file name and bytes. */
    record Part(String name, byte[] bytes) {}

    /** The LibreOffice-saved filled form, with a real Guangzhou number in 联系电话 so that no error remains. */
    static byte[] validProposal() throws IOException {
        return proposal(Map.of());
    }

    /** The valid proposal with its 职业(工种)名称 replaced, so that several differ only in the name. */
    static byte[] validProposal(String occupationName) throws IOException {
        return proposal(Map.of("低空飞行器运维员", occupationName));
    }

    private static byte[] proposal(Map<String, String> replacements) throws IOException {
        try (InputStream in = Files.newInputStream(FORMS.resolve("testDOCX_filled_libreoffice.docx"));
                XWPFDocument document = new XWPFDocument(in)) {
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        for (XWPFParagraph paragraph : cell.getParagraphs()) {
                            for (XWPFRun run : paragraph.getRuns()) {
                                replace(run, "020-12345678", "020-87654321");
                                replacements.forEach((from, to) -> replace(run, from, to));
                            }
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void replace(XWPFRun run, String from, String to) {
        String text = run.getText(0);
        if (text != null && text.contains(from)) {
            run.setText(text.replace(from, to), 0);
        }
    }

    /** A one-page PDF: a scan where the Word form should be. */
    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Writes {@code file} into {@code dir}: a mail from {@code from} with the parts attached. */
    static void write(Path dir, String file, String from, String extraHeaders, List<Part> parts) throws IOException {
        StringBuilder mail = new StringBuilder()
                .append("Message-ID: <").append(file).append("@example.cn>\r\n")
                .append("From: ").append(from).append("\r\n")
                .append("To: jnzx_zzyfk@gd.gov.cn\r\n")
                .append("Date: Mon, 31 Aug 2026 09:15:00 +0800\r\n")
                .append("Subject: =?UTF-8?B?").append(b64("申报新职业")).append("?=\r\n")
                .append(extraHeaders)
                .append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n")
                .append("--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(b64("您好，申报材料见附件。")).append("\r\n");
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

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
