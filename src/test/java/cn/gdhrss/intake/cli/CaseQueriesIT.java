package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.report.RegisterFiller;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The staff commands of issue 5 on a real register, through the command line. */
class CaseQueriesIT {
    @TempDir
    Path dir;

    @BeforeEach
    void fill() {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            new RegisterFiller(database).add(List.of(new RegisterFiller.Submission("a@qq.com", Instant.parse("2026-08-03T02:00:00Z"),
                    "new_occupation", "数据标注员", "标注师", "从事数据标注, 清洗工作的人员。", "软件和信息技术服务业", "某科技公司",
                    "广州市天河区", "张三", "020-1", List.of("标注数据"))));
        }
    }

    private String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--data", dir.toString(), "--config", dir.resolve("none.properties").toString()}, 0, all, args.length, 4);
        assertThat(commandLine.execute(all)).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void caseListAsCsvStartsWithBomAndHeader() {
        String csv = run("list", "--cases", "--csv");

        assertThat(csv).startsWith("\uFEFF编号,收到时间,城市,报送期,申报类别,职业（工种）名称,申报单位,状态,审核\r\n");
        assertThat(csv).contains("广州市,2026-08-10,新职业,数据标注员");
    }

    @Test
    void reviewShowsInListAndShow() {
        run("review", "P-1", "--stage", "city", "--result", "pass", "--note", "材料齐全", "--by", "wangwu");

        assertThat(run("list", "--cases", "--city", "广州市")).contains("地市初审初审通过");
        assertThat(run("show", "P-1")).contains("地市初审：初审通过（意见：材料齐全）", "wangwu");
    }

    @Test
    void searchFindsTwoCharacterWordInJson() {
        assertThat(run("search", "清洗", "--json")).contains("\"name\" : \"数据标注员\"");
    }

    @Test
    void showOfAMessageNamesTheCaseItWasFiledUnder() throws Exception {
        run("import", Path.of("src/test/resources/reply/submissions/01-proposal.eml").toAbsolutePath().toString());
        String view = run("show", "2", "--json");
        assertThat(view).contains("\"cases\" : [ \"XZY-2026-0001\" ]");
        assertThat(run("show", "2")).contains("受理编号：XZY-2026-0001");
    }
}
