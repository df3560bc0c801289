package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The field accuracy the lead reports: over every fixture with known values, the share of schema
 * fields (JSON leaves, list entries included) read back exactly as written.
 */
class FieldAccuracyIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private int fields;
    private int correct;
    private final StringBuilder report = new StringBuilder();

    @Test
    void everyFieldOfEveryFixtureIsReadCorrectly() throws IOException {
        Proposal filled = ProposalFixtures.expected();
        proposal("POI .docx filled", docx(ProposalFixtures.filled(filled), "filled.docx"), filled);
        proposal("POI .docx more rows", docx(ProposalFixtures.filled(ProposalVariants.manyRows()), "many.docx"),
                ProposalVariants.manyRows());
        proposal("POI .docx rows deleted", docx(ProposalVariants.fewRowsDocument(), "few.docx"), ProposalVariants.fewRows());
        proposal("POI .docx messy labels", docx(ProposalVariants.messyLabels(), "messy.docx"), filled);
        proposal("POI .docx text beside tables", docx(ProposalVariants.textBesideTables(), "beside.docx"), filled);
        proposal("LibreOffice .doc", Fixtures.read("testDOC_filled_libreoffice.doc"), filled);
        proposal("LibreOffice .doc messy labels", Fixtures.read("testDOC_messyLabels_libreoffice.doc"), filled);
        proposal("LibreOffice .docx", Fixtures.read("testDOCX_filled_libreoffice.docx"), filled);
        proposal("blank template .docx", Fixtures.read("template-proposal.docx"), EmptyProposal.value());
        proposal("blank template .doc", Fixtures.read("template-proposal_libreoffice.doc"), EmptyProposal.value());
        SummaryTable summary = SummaryFixtures.expected();
        summary("POI .xlsx summary", xlsx(summary), summary);
        summary("POI .docx summary", docx(SummaryFixtures.filledDocument(summary), "summary.docx"), summary);
        summary("LibreOffice .xls summary", Fixtures.read("testXLS_summary_libreoffice.xls"), summary);
        summary("LibreOffice .doc summary", Fixtures.read("testDOC_summary_libreoffice.doc"), summary);
        summary("LibreOffice .docx summary", Fixtures.read("testDOCX_summary_libreoffice.docx"), summary);

        double accuracy = (double) correct / fields;
        System.out.printf(Locale.ROOT, "Field accuracy: %d/%d = %.2f%%%n%s", correct, fields, accuracy * 100, report);
        assertThat(accuracy).isEqualTo(1.0);
    }

    /**
     * Issue 13: every producer and quirk of forms/variants/ read as the form it holds: at least 98 %
     * of the fields right, and exactly the errors the checks find in the intended values (no
     * false error, none missed), plus the reading's own warnings (a split row of tasks).
     */
    @Test
    void everyProducerAndQuirkReadsAsTheSameForm() throws IOException {
        FormChecks checks = new FormChecks(TestCatalogues.get(),
                Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneId.of("Asia/Shanghai")));
        StringBuilder wrongFindings = new StringBuilder();
        for (ProducerVariants.Variant variant : ProducerVariants.all()) {
            ReadResult read = checks.check(Fixtures.read(variant.path()));
            proposal(variant.file(), read, variant.expected());
            List<String> want = new ArrayList<>(variant.readingFindings());
            want.addAll(errorCodes(checks.check(new ReadResult(DocumentClass.PROPOSAL, variant.expected(), null, "",
                    List.of()))));
            List<String> got = read.allFindings().stream()
                    .filter(finding -> finding.isError() || variant.readingFindings().contains(finding.code()))
                    .map(Finding::code).sorted().toList();
            if (!got.equals(want.stream().sorted().toList())) {
                wrongFindings.append("  ").append(variant.file()).append(": findings ").append(got).append(" expected ")
                        .append(want.stream().sorted().toList()).append('\n');
            }
        }
        double accuracy = (double) correct / fields;
        System.out.printf(Locale.ROOT, "Field accuracy over %d producer variants: %d/%d = %.2f%%%n%s%s",
                ProducerVariants.all().size(), correct, fields, accuracy * 100, report, wrongFindings);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.98);
        assertThat(wrongFindings).as("findings other than those of the intended values").isEmpty();
    }

    private static List<String> errorCodes(ReadResult result) {
        return result.allFindings().stream().filter(Finding::isError).map(Finding::code).toList();
    }

    private void proposal(String fixture, ReadResult result, Proposal expected) throws IOException {
        compare(fixture, result, new ReadResult(DocumentClass.PROPOSAL, expected, null, "", List.of()));
    }

    private void summary(String fixture, ReadResult result, SummaryTable expected) throws IOException {
        compare(fixture, result, new ReadResult(DocumentClass.SUMMARY_TABLE, null, expected, "", List.of()));
    }

    private void compare(String fixture, ReadResult actual, ReadResult expected) throws IOException {
        Map<String, JsonNode> want = leaves(expected);
        Map<String, JsonNode> got = leaves(actual);
        int right = 0;
        for (Map.Entry<String, JsonNode> leaf : want.entrySet()) {
            if (leaf.getValue().equals(got.get(leaf.getKey()))) {
                right++;
            } else {
                report.append("  ").append(fixture).append(": ").append(leaf.getKey()).append(" expected ")
                        .append(leaf.getValue()).append(" got ").append(got.get(leaf.getKey())).append('\n');
            }
        }
        fields += want.size();
        correct += right;
        report.append(String.format(Locale.ROOT, "  %-32s %3d/%3d%n", fixture, right, want.size()));
    }

    /** JSON leaves by path; an empty list counts as one field, so blank forms are scored too. */
    private static Map<String, JsonNode> leaves(ReadResult result) throws IOException {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        JsonNode root = MAPPER.readTree(FormJson.toJson(result));
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("findings");
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(field -> collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), leaves));
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private ReadResult docx(XWPFDocument document, String name) throws IOException {
        return Fixtures.read(document, dir, name);
    }

    private ReadResult xlsx(SummaryTable table) throws IOException {
        Path file = dir.resolve("summary.xlsx");
        try (XSSFWorkbook workbook = SummaryFixtures.filledWorkbook(table); OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return new FormReader().read(file, "summary.xlsx");
    }
}
