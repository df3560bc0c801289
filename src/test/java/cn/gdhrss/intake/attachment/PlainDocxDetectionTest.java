package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.form.PlainDocxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick .docx answer is only ever given where Tika's detectors give the same. */
class PlainDocxDetectionTest {
    private final TypeDetector types = new TypeDetector();

    @TempDir
    Path temp;

    @Test
    void everyPackageFixtureRecognisedQuicklyIsADocxToTikaToo() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            packages = files.filter(Files::isRegularFile).filter(PlainDocxDetectionTest::startsLikeZip).toList();
        }
        List<Path> quick = packages.stream().filter(PlainDocxReader::isPlainDocx).toList();

        assertThat(packages).hasSizeGreaterThan(40);
        assertThat(quick).hasSizeGreaterThan(15);
        for (Path file : packages) {
            boolean docxToTika = types.byTika(file, file.getFileName().toString()).equals(TypeDetector.DOCX);
            if (quick.contains(file)) {
                assertThat(docxToTika).as(file.toString()).isTrue();
            }
        }
    }

    @Test
    void macroTemplateAndBrokenPackagesAreLeftToTika() throws IOException {
        Path docx = Path.of("src/test/resources/forms/testDOCX_filled_libreoffice.docx");
        byte[] bytes = Files.readAllBytes(docx);
        Path truncated = Files.write(temp.resolve("truncated.docx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path renamed = Files.write(temp.resolve("plain.zip"), bytes);

        assertThat(PlainDocxReader.isPlainDocx(docx)).isTrue();
        assertThat(PlainDocxReader.isPlainDocx(renamed)).isTrue();
        assertThat(PlainDocxReader.isPlainDocx(truncated)).isFalse();
        assertThat(types.detect(truncated, "truncated.docx")).isEqualTo(types.byTika(truncated, "truncated.docx"));
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            files.filter(file -> file.toString().endsWith(".docm") || file.toString().endsWith(".dotx") || file.toString().endsWith(".xlsx"))
                    .forEach(file -> assertThat(PlainDocxReader.isPlainDocx(file)).as(file.toString()).isFalse());
        }
    }

    private static boolean startsLikeZip(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
