package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip and 7z entries become files of the message, under limits that stop zip bombs. */
class ArchiveExtractionTest {

    private static final String ZIP = "application/zip";

    @TempDir
    Path temp;

    @Test
    void extractsZipEntriesWithParentAndOrigin() throws IOException {
        Extraction extraction = attach("材料.zip", zip(StandardCharsets.UTF_8, true, "dir/a.txt", "甲", "b.txt", "乙"));

        ExtractedFile archive = Fixtures.named(extraction, "材料.zip");
        ExtractedFile entry = Fixtures.named(extraction, "a.txt");
        assertThat(archive.status()).isEqualTo(AttachmentStatus.OK);
        assertThat(entry.parentSeq()).isEqualTo(archive.seq());
        assertThat(entry.origin()).isEqualTo(archive.origin() + "/zip:dir/a.txt");
        assertThat(entry.sha256()).isNotNull();
    }

    @Test
    void decodesGbkEntryNamesWithoutUtf8Flag() throws IOException {
        Extraction extraction = attach("材料.zip", zip(Charset.forName("GBK"), false, "新职业建议书.docx", "x"));

        assertThat(extraction.files()).extracting(ExtractedFile::name).contains("新职业建议书.docx");
    }

    @Test
    void decodesTikaGbkZipEntryNames() throws IOException {
        Extraction extraction = attach("gbk.zip", Fixtures.document("tika_gbk.zip"));

        assertThat(extraction.files()).extracting(ExtractedFile::name).contains("集团邮件审计系统2021年自动巡检需求文档_V4.0.doc");
    }

    @Test
    void recordsEncryptedZipEntriesAsEncrypted() throws IOException {
        Extraction extraction = attach("secret.zip", Fixtures.document("tika_testZipEncrypted.zip"));

        assertThat(Fixtures.named(extraction, "secret.zip").status()).isEqualTo(AttachmentStatus.ENCRYPTED);
        assertThat(extraction.files()).filteredOn(file -> file.parentSeq() != null)
                .anySatisfy(file -> {
                    assertThat(file.status()).isEqualTo(AttachmentStatus.ENCRYPTED);
                    assertThat(file.sha256()).isNull();
                });
    }

    @Test
    void neverWritesUnderEntryNamesWithDotDot() throws IOException {
        Extraction extraction = attach("slip.zip", Fixtures.document("tika_testZip_relative.zip"));

        assertThat(extraction.files()).anySatisfy(file -> assertThat(file.origin()).contains("../"));
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.map(Path::getFileName).map(Path::toString)).doesNotContain("touch.pl", "dangerous");
        }
    }

    @Test
    void stopsHighRatioZipBomb() throws IOException {
        byte[] zeros = new byte[20 * 1024 * 1024];
        Extraction extraction = attach("bomb.zip", zip(StandardCharsets.UTF_8, true, "zeros.bin", zeros));

        ExtractedFile archive = Fixtures.named(extraction, "bomb.zip");
        assertThat(archive.status()).isEqualTo(AttachmentStatus.ZIP_BOMB);
        assertThat(archive.statusReason()).contains("压缩比");
        assertThat(extraction.files()).noneMatch(file -> file.name().equals("zeros.bin"));
    }

    @Test
    void stopsZipWithTooManyEntries() throws IOException {
        Object[] entries = new Object[2 * 1001];
        for (int i = 0; i < 1001; i++) {
            entries[2 * i] = "f" + i + ".txt";
            entries[2 * i + 1] = "x";
        }
        Extraction extraction = attach("many.zip", zip(StandardCharsets.UTF_8, true, entries));

        ExtractedFile archive = Fixtures.named(extraction, "many.zip");
        assertThat(archive.status()).isEqualTo(AttachmentStatus.ZIP_BOMB);
        assertThat(archive.statusReason()).contains("1000");
        assertThat(extraction.files()).hasSize(1);
    }

    @Test
    void stopsArchivesNestedDeeperThanTheLimit() throws IOException {
        byte[] nested = zip(StandardCharsets.UTF_8, true, "core.txt", "x");
        for (int level = 4; level >= 1; level--) {
            nested = zip(StandardCharsets.UTF_8, true, "level" + level + ".zip", nested);
        }
        Extraction extraction = attach("outer.zip", nested);

        assertThat(Fixtures.named(extraction, "level3.zip").status()).isEqualTo(AttachmentStatus.ZIP_BOMB);
        assertThat(Fixtures.named(extraction, "level3.zip").statusReason()).contains("嵌套");
        assertThat(extraction.files()).noneMatch(file -> file.name().equals("core.txt"));
    }

    @Test
    void stopsArchiveExpandingBeyondTheTotalLimit() throws IOException {
        byte[] noise = new byte[700 * 1024];
        new Random(42).nextBytes(noise);
        AttachmentLimits limits = new AttachmentLimits(1L << 30, 500, 10, 1000, 1024 * 1024, 100, 3);
        RawMessage message = new RawMessage().attachment("big.zip", ZIP, zip(StandardCharsets.UTF_8, true, "a.bin", noise, "b.bin", noise))
                .attachment("after.txt", "text/plain", "still here".getBytes(StandardCharsets.UTF_8));

        Extraction extraction = Fixtures.extract(temp, message, limits);

        assertThat(Fixtures.named(extraction, "big.zip").status()).isEqualTo(AttachmentStatus.ZIP_BOMB);
        assertThat(Fixtures.named(extraction, "after.txt").status()).isEqualTo(AttachmentStatus.OK);
    }

    @Test
    void extractsSevenZipEntries() throws IOException {
        Path archive = temp.resolve("made.7z");
        try (SevenZOutputFile sevenZ = new SevenZOutputFile(archive.toFile())) {
            SevenZArchiveEntry entry = new SevenZArchiveEntry();
            entry.setName("材料/新职业建议书.txt");
            sevenZ.putArchiveEntry(entry);
            sevenZ.write("新职业建议书".getBytes(StandardCharsets.UTF_8));
            sevenZ.closeArchiveEntry();
        }

        Extraction extraction = attach("材料.7z", Files.readAllBytes(archive));

        ExtractedFile container = Fixtures.named(extraction, "材料.7z");
        assertThat(container.detectedType()).isEqualTo("application/x-7z-compressed");
        ExtractedFile entry = Fixtures.named(extraction, "新职业建议书.txt");
        assertThat(entry.parentSeq()).isEqualTo(container.seq());
        assertThat(entry.origin()).endsWith("/7z:材料/新职业建议书.txt");
        assertThat(entry.size()).isEqualTo("新职业建议书".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void recordsRarAsUnsupportedButStoresIt() throws IOException {
        byte[] rar = new byte[64];
        System.arraycopy(new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00}, 0, rar, 0, 7);

        ExtractedFile file = Fixtures.named(attach("材料.rar", rar), "材料.rar");

        assertThat(file.status()).isEqualTo(AttachmentStatus.UNSUPPORTED);
        assertThat(file.statusReason()).contains("RAR");
        assertThat(file.kind()).isEqualTo(AttachmentKind.ARCHIVE);
        assertThat(file.sha256()).isNotNull();
    }

    private Extraction attach(String name, byte[] content) throws IOException {
        return Fixtures.extract(temp, new RawMessage().attachment(name, ZIP, content));
    }

    /** A zip of name/content pairs (content a String or byte[]), names in {@code charset}. */
    static byte[] zip(Charset charset, boolean utf8Flag, Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding(charset.name());
            zip.setUseLanguageEncodingFlag(utf8Flag);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putArchiveEntry(new ZipArchiveEntry((String) namesAndContents[i]));
                Object content = namesAndContents[i + 1];
                zip.write(content instanceof byte[] raw ? raw : ((String) content).getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
