package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip-level reader of plain .docx sees exactly what POI's package gives, and leaves anything unusual to POI. */
class PlainDocxReaderTest {
    private static final long LIMIT = 400L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void everyDocxFixtureItReadsHasTheLayoutPoisPackageGives() throws Exception {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            fixtures = files.filter(file -> file.toString().endsWith(".docx")).sorted().toList();
        }
        int read = 0;
        for (Path file : fixtures) {
            var plain = PlainDocxReader.read(file, LIMIT);
            if (plain.isPresent()) {
                read++;
                assertThat(plain.get()).as(file.toString()).isEqualTo(viaPoi(file));
            }
        }
        assertThat(read).isGreaterThan(fixtures.size() / 2);
    }

    @Test
    void headersAreReadBeforeTheBodyLikePoi() throws Exception {
        Path withHeader = Path.of("src/test/resources/attachment/documents/poi_HeaderFooterUnicode.docx");
        var plain = PlainDocxReader.read(withHeader, LIMIT);

        assertThat(plain).isPresent();
        assertThat(plain.get()).isEqualTo(viaPoi(withHeader));
        try (ZipFile zip = new ZipFile(withHeader.toFile())) {
            Layout bodyOnly = new DocxXmlLayoutReader().read(() -> zip.getInputStream(new ZipEntry("word/document.xml")));
            assertThat(plain.get().lines().size()).isGreaterThan(bodyOnly.lines().size());
        }
    }

    @Test
    void macrosOversizeAndLyingSizesAreLeftToPoi() throws IOException {
        Path form = Path.of("src/test/resources/forms/testDOCX_filled_libreoffice.docx");

        assertThat(PlainDocxReader.read(form, LIMIT)).isPresent();
        assertThat(PlainDocxReader.read(form, 1000)).isEmpty();
        assertThat(PlainDocxReader.read(copyWith(form, "word/media/dense.bin", new byte[2 * 1024 * 1024]), LIMIT)).isEmpty();
        assertThat(PlainDocxReader.read(copyWith(form, "word/vbaProject.bin", new byte[] {1, 2, 3}), LIMIT)).isEmpty();
        byte[] bytes = Files.readAllBytes(form);
        assertThat(PlainDocxReader.read(Files.write(temp.resolve("cut.docx"), java.util.Arrays.copyOf(bytes, bytes.length - 200)), LIMIT))
                .isEmpty();
    }

    private Path copyWith(Path docx, String extraName, byte[] extra) throws IOException {
        Path copy = temp.resolve("copy-" + extraName.replace('/', '_') + ".docx");
        try (ZipFile zip = new ZipFile(docx.toFile()); OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (var entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                zip.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(extraName));
            out.write(extra);
            out.closeEntry();
        }
        return copy;
    }

    private static Layout viaPoi(Path file) throws Exception {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            return FormReader.wordLayout(pkg);
        } finally {
            pkg.revert();
        }
    }
}
