package cn.gdhrss.intake.form;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Access to the committed fixtures and to POI-written documents, read through {@link FormReader}. */
final class Fixtures {

    private Fixtures() {}

    static Path resource(String name) {
        URL url = Fixtures.class.getResource("/forms/" + name);
        if (url == null) {
            throw new IllegalArgumentException("missing fixture forms/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    static ReadResult read(String name) {
        return new FormReader().read(resource(name), name);
    }

    static ReadResult read(XWPFDocument document, Path dir, String name) throws IOException {
        Path file = ProposalFixtures.write(document, dir.resolve(name));
        return new FormReader().read(file, name);
    }
}
