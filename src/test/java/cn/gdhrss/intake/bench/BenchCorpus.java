package cn.gdhrss.intake.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The benchmark's mails, generated from a seed so that every run reads the same bytes: an
 * applicant's mail with the proposal form (the filled .docx of the tests with its occupation name
 * and applicant replaced), in the encodings real clients use (UTF-8, GB18030 and GBK bodies and
 * encoded-word subjects); every fifth sends the form inside a zip with a GBK file name, every
 * tenth adds a 300 KB clip as video/mp4 (random bytes: no encoder is installed here).
 */
public final class BenchCorpus {
    private static final Path FORM = Path.of("src/test/resources/forms/testDOCX_filled_libreoffice.docx");
    private static final String FORM_NAME = "低空飞行器运维员";
    private static final String FORM_APPLICANT = "广州低空智造研究院有限公司";

    /** The mails and, separately, the Word files inside them (what ripmime and Tika are given). */
    public record Written(List<Path> mails, List<Path> wordFiles, long mailBytes) {}

    private BenchCorpus() {}

    /** Writes the corpus for a profile by hand: {@code BenchCorpus DIR [COUNT [SEED]]}. */
    public static void main(String[] args) throws IOException {
        Written written = write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.out.printf(Locale.ROOT, "%d mails, %d bytes in %s%n", written.mails().size(), written.mailBytes(), args[0]);
    }

    public static Written write(Path dir, int count, long seed) throws IOException {
        Path mails = Files.createDirectories(dir.resolve("mail"));
        Path words = Files.createDirectories(dir.resolve("word"));
        byte[] template = Files.readAllBytes(FORM);
        Random random = new Random(seed);
        List<Path> mailFiles = new ArrayList<>();
        List<Path> wordFiles = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String name = RegisterGenerator.name(random);
            String applicant = RegisterGenerator.CITIES.get(random.nextInt(RegisterGenerator.CITIES.size())) + name.substring(0, 2)
                    + "科技有限公司";
            byte[] form = formWith(template, name, applicant);
            Path word = words.resolve(String.format(Locale.ROOT, "proposal-%04d.docx", i));
            Files.write(word, form);
            wordFiles.add(word);
            byte[] mail = mail(i, name, applicant, form, random);
            Path file = mails.resolve(String.format(Locale.ROOT, "%05d.eml", i));
            Files.write(file, mail);
            mailFiles.add(file);
            bytes += mail.length;
        }
        return new Written(mailFiles, wordFiles, bytes);
    }

    /** The template with {@code name} and {@code applicant} in place of its own. */
    static byte[] formWith(byte[] template, String name, String applicant) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(template)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("word/document.xml")) {
                    content = new String(content, StandardCharsets.UTF_8).replace(FORM_NAME, name).replace(FORM_APPLICANT, applicant)
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] mail(int i, String name, String applicant, byte[] form, Random random) throws IOException {
        Charset charset = switch (i % 3) {
            case 0 -> StandardCharsets.UTF_8;
            case 1 -> Charset.forName("GB18030");
            default -> Charset.forName("GBK");
        };
        String fileName = "新职业建议书-" + name + ".docx";
        StringBuilder mail = new StringBuilder();
        mail.append("Message-ID: <bench-").append(i).append("@example.cn>\r\n")
                .append("From: =?").append(charset.name()).append("?B?").append(b64("申报人" + i, charset)).append("?= <applicant")
                .append(i).append("@example.cn>\r\n")
                .append("To: jnzx_zzyfk@gd.gov.cn\r\n")
                .append(String.format(Locale.ROOT, "Date: Mon, %d Aug 2026 09:%02d:00 +0800\r\n", 3 + i % 20, i % 60))
                .append("Subject: =?").append(charset.name()).append("?B?").append(b64("新职业建议书：" + name, charset)).append("?=\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n")
                .append("--b").append(i).append("\r\nContent-Type: text/plain; charset=").append(charset.name())
                .append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(("您好！" + applicant + "申报新职业“" + name + "”，建议书见附件，请查收。")
                        .getBytes(charset))).append("\r\n");
        if (i % 5 == 4) {
            attach(mail, i, "application/zip", "申报材料" + i + ".zip", zipped("建议书-" + name + ".docx", form));
        } else {
            attach(mail, i, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName, form);
        }
        if (i % 10 == 9) {
            byte[] clip = new byte[300_000];
            random.nextBytes(clip);
            attach(mail, i, "video/mp4", "工作视频" + i + ".mp4", clip);
        }
        mail.append("--b").append(i).append("--\r\n");
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void attach(StringBuilder mail, int i, String type, String name, byte[] content) {
        String encoded = "=?UTF-8?B?" + b64(name, StandardCharsets.UTF_8) + "?=";
        mail.append("--b").append(i).append("\r\nContent-Type: ").append(type).append("; name=\"").append(encoded).append("\"\r\n")
                .append("Content-Disposition: attachment; filename=\"").append(encoded).append("\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
    }

    /** A zip whose entry name is GBK without the UTF-8 flag, as Windows' built-in zip writes it. */
    private static byte[] zipped(String entryName, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, Charset.forName("GBK"))) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    static long totalBytes(List<Path> files) throws IOException {
        long sum = 0;
        for (Path file : files) {
            sum += Files.size(file);
        }
        return sum;
    }

}
