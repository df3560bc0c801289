package cn.gdhrss.intake.form;

import java.nio.file.Path;

/** The project's own reference/ folder, loaded once for all tests (Maven runs them in the project root). */
final class TestCatalogues {

    private static final Catalogues CATALOGUES = Catalogues.load(Path.of("reference"));

    private TestCatalogues() {}

    static Catalogues get() {
        return CATALOGUES;
    }
}
