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
import org.junit.jupiter.api.Test;
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
}
