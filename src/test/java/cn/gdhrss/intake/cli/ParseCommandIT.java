package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int parse(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "parse";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(ParseCommandIT.class.getResource("/forms/" + name).toURI()).toString();
    }

    @Test
    void jsonOfAFilledDocHasTheSchemaFieldsAndExitsZero() throws Exception {
        int exit = parse(fixture("testDOC_filled_libreoffice.doc"), "--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("form").asText()).isEqualTo("proposal");
        assertThat(json.get("category").asText()).isEqualTo("new_occupation");
        assertThat(json.at("/workforce/national_count_value").asLong()).isEqualTo(125_000L);
        assertThat(json.at("/occupation/related_codes/1").asText()).isEqualTo("4-02-05-04-01");
        assertThat(json.get("findings").isArray()).isTrue();
    }

    @Test
    void summaryTableWithoutJsonPrintsAChineseSummary() throws Exception {
        int exit = parse(fixture("testXLS_summary_libreoffice.xls"));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("新职业信息汇总表").contains("地市：广州市").contains("行数：3");
    }

    @Test
    void nonFormExitsNonZeroWithOneChineseLine() throws IOException {
        Path file = Files.write(dir.resolve("scan.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        int exit = parse(file.toString(), "--json");

        assertThat(exit).isEqualTo(ParseCommand.NOT_A_FORM);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).contains("PDF").contains("Word").doesNotContain("\n");
    }

    @Test
    void missingFileExitsNonZero() {
        assertThat(parse(dir.resolve("none.docx").toString())).isEqualTo(ParseCommand.NOT_A_FORM);
        assertThat(err.toString()).contains("文件不存在");
    }

    /**
     * Issue 13: every producer variant of the filled form (RTF, Word 2003 XML, web page and .mht
     * under a .doc name, Strict OOXML, content controls, tracked changes, ticks, split tasks, nested
     * tables, covers in a text box or header, retyped forms) prints its fields, never a refusal.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyProducerVariantPrintsTheFields(String file) throws Exception {
        int exit = parse(fixture("variants/" + file));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("类型：新职业建议书").contains("申报单位/个人：广州低空智造研究院有限公司")
                .contains("填写时间：2026-07-01").contains("职业（工种）名称：低空飞行器运维员")
                .contains("备选名称：无人机运维员；低空航空器维护员").contains("主要工作任务：4项").contains("用人单位：2家")
                .containsPattern("申报类别：(新职业|新工种|调整变更职业\\(工种\\)信息)\n");
    }

    @Test
    void jsonOfAVariantHasNumbersForTaskNumbers() throws Exception {
        int exit = parse(fixture("variants/proposal_tasks-numbered-one-cell-pythondocx.docx"), "--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/tasks/3/no").isInt()).isTrue();
        assertThat(json.at("/tasks/3/no").asInt()).isEqualTo(4);
        assertThat(json.at("/tasks/3/content").asText()).isEqualTo("更新固件并记录运维档案");
    }

    static Stream<String> variants() throws Exception {
        Path folder = Path.of(fixture("variants"));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("proposal_"))
                    .sorted().toList().stream();
        }
    }
}
