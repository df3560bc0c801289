package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.cli.CaseRegister.Result;
import cn.gdhrss.intake.intake.ServiceHeartbeat;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.OutboxRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff commands of issue 8 on a register holding every kind of case and message
 * ({@link CaseRegister}), through the command line, asserting what a person reads.
 */
class CaseWorkIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL_CASES = List.of("XZY-2026-0001", "XZY-2026-0002", "XZY-2026-0003", "XZY-2026-0004",
            "XZY-2026-0005", "XZY-2026-0006", "XZY-2026-0007", "XZY-2026-0008");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    Path data;
    Path config;

    @BeforeAll
    static void buildRegister() throws IOException {
        CaseRegister.build(shared.resolve("data"), shared.resolve("mail"));
    }

    @BeforeEach
    void copyRegister() throws IOException {
        data = dir.resolve("data");
        CaseRegister.copy(shared.resolve("data"), data);
        config = CaseRegister.emptyConfig(dir);
    }

    private Result run(String... args) {
        return CaseRegister.run(data, config, args);
    }

    private String ok(String... args) {
        Result result = run(args);
        assertThat(result.code()).as(String.join(" ", args) + " → " + result.err()).isZero();
        return result.out();
    }

    /** A refused command: exit 1, nothing on stdout, one Chinese sentence on stderr. */
    private String refused(String... args) {
        Result result = run(args);
        assertThat(result.code()).as(String.join(" ", args)).isEqualTo(1);
        assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("Exception").endsWith("。");
        return result.err().strip();
    }

    @Test
    void listsEveryCaseWithOrWithoutAForm() throws IOException {
        String table = ok("list", "--cases");
        assertThat(table).contains(ALL_CASES).contains("共 8 件");
        assertThat(table.lines().filter(line -> line.contains("（无建议书）"))).hasSize(4);

        JsonNode json = JSON.readTree(ok("list", "--cases", "--json"));
        assertThat(json).hasSize(8);
        assertThat(json.findValuesAsText("kind")).containsOnly("proposal", "no_form", "batch_item");
        assertThat(json.findValuesAsText("status_label")).contains("已收到", "待补正", "材料齐全");

        String csv = ok("list", "--cases", "--csv");
        assertThat(csv).startsWith("\uFEFF编号,收到时间,城市,报送期,申报类别,职业（工种）名称,申报单位,状态,未补正错误,审核\r\n")
                .contains("XZY-2026-0003,2026-08-31 09:15,未确定,2026-12-31,,（无建议书）,,待补正,2,");
    }

    @Test
    void everyCaseOpensAsPageJsonAndCsv() throws IOException {
        for (String reference : ALL_CASES) {
            String page = ok("show", reference);
            assertThat(page).contains("【案件 " + reference + "】", "【版本】", "【附件】", "【回复】", "【审核】", "【处理记录】")
                    .doesNotContain("\"applicant\"", "{", "Cannot print", "依据：none", "依据：received", "，ok）", "proposal_form");
            assertThat(JSON.readTree(ok("show", reference, "--json")).get("reference").asText()).isEqualTo(reference);
            assertThat(ok("show", reference.toLowerCase(java.util.Locale.ROOT), "--csv"))
                    .startsWith("\uFEFF部分,项目,内容\r\n案件 " + reference + ",职业（工种）名称,");
        }
    }

    @Test
    void pageFollowsTheFormWithFindingsBesideTheirBox() {
        String whole = ok("show", "XZY-2026-0008");
        String page = whole.substring(whole.indexOf("【建议书（附件1）】"));
        List<String> order = List.of("申报单位/个人：", "职业（工种）名称：工业数据标注员", "主要工作任务：", "联系人：张三",
                "电子信箱：zhangsan#example", "【版本】", "【附件】", "【回复】", "【审核】");
        List<Integer> positions = order.stream().map(page::indexOf).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        String afterEmail = page.substring(page.indexOf("电子信箱：zhangsan#example")).lines().skip(1).findFirst().orElseThrow();
        assertThat(afterEmail).contains("▲ 错误").contains("电子信箱");
        assertThat(page).contains("新职业建议书-工业数据标注员.docx（建议书，", "存放于 " + data.resolve("files"),
                "补正通知 → zhou@example.cn", "已生成（未发送）");
    }

    @Test
    void versionsSayWhatChanged() {
        String page = ok("show", "XZY-2026-0002");
        assertThat(page).contains("状态：材料齐全", "第1版  2026-08-31 09:15  邮件 2  lisi@example.org  《申报新职业》  错误 9")
                .contains("首次提交").containsPattern("第2版  .*邮件 11 .*改动：.*职业（工种）名称")
                .contains("新职业建议书（补正）.docx", "补正材料已收到");
    }

    @Test
    void showOfAMessageNamesItsCase() throws IOException {
        assertThat(ok("show", "1")).contains("受理编号：XZY-2026-0001 低空飞行器运维员（已收到）");
        assertThat(JSON.readTree(ok("show", "1", "--json")).get("cases").get(0).asText()).isEqualTo("XZY-2026-0001");
    }

    @Test
    void searchFindsContactPhoneSenderAndEveryWord() throws IOException {
        assertThat(ok("search", "王静")).contains("XZY-2026-0001", "共 1 件");
        assertThat(ok("search", "wangjing@example.cn")).contains("XZY-2026-0001", "共 1 件");
        assertThat(ok("search", "WANGJING@EXAMPLE.CN")).contains("XZY-2026-0001");
        assertThat(ok("search", "zhinengchu@gz.example.gov.cn")).contains("XZY-2026-0007", "共 1 件");
        assertThat(ok("search", "02087654321")).contains("XZY-2026-0001", "XZY-2026-0007");
        assertThat(ok("search", "低空", "王静")).contains("XZY-2026-0001", "共 1 件");
        assertThat(ok("search", "低空", "火星")).contains("共 0 件");
        List<String> ranked = new ArrayList<>();
        JSON.readTree(ok("search", "运维员", "--json")).forEach(row -> ranked.add(row.get("reference").asText()));
        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("XZY-2026-0001", "XZY-2026-0007");
        assertThat(ranked).contains("XZY-2026-0002"); // 备选名称 无人机运维员: found, ranked after the names
        assertThat(refused("search", " ")).contains("请给出要查找的文字");
    }

    @Test
    void reviewsFollowTheNoticeAndMoveTheState() {
        assertThat(refused("review", "XZY-2026-0001", "--stage", "province", "--result", "pass"))
                .contains("尚未通过地市初审，不能进行省级论证");
        assertThat(refused("review", "XZY-2026-0001", "--stage", "city", "--result", "cultivate"))
                .contains("地市初审结果应为 pass（通过）或 fail（未通过）");
        assertThat(ok("review", "XZY-2026-0001", "--stage", "city", "--result", "pass", "--by", "gz"))
                .contains("地市初审：初审通过", "案件状态：地市初审通过");
        assertThat(ok("review", "XZY-2026-0001", "--stage", "province", "--result", "cultivate", "--by", "sheng"))
                .contains("案件状态：纳入专项职业能力培育目录");
        assertThat(ok("list", "--cases", "--status", "province_cultivate")).contains("XZY-2026-0001", "共 1 件");
        assertThat(ok("show", "XZY-2026-0001")).contains("地市初审：初审通过  审核人 gz", "已收到 → 地市初审通过（gz）", "地市初审通过 → 纳入专项职业能力培育目录（sheng）");
    }

    @Test
    void openErrorsNeedForceAndANote() throws IOException {
        assertThat(refused("review", "XZY-2026-0008", "--stage", "city", "--result", "pass"))
                .isEqualTo("XZY-2026-0008 还有 1 处错误未补正，不能通过；确需通过请加 --force 并用 --note 写明理由。");
        refused("review", "XZY-2026-0008", "--stage", "city", "--result", "pass", "--force");
        JsonNode done = JSON.readTree(ok("review", "XZY-2026-0008", "--stage", "city", "--result", "pass", "--force",
                "--note", "邮箱笔误，已电话核实", "--json"));
        assertThat(done.get("status").asText()).isEqualTo("city_passed");
        assertThat(ok("show", "XZY-2026-0008")).contains("经工作人员确认仍予通过");
        assertThat(ok("review", "XZY-2026-0003", "--stage", "city", "--result", "fail")).contains("地市初审未通过");
    }

    @Test
    void typedValuesAreCheckedAndBothStateNamesWork() {
        assertThat(ok("list", "--cases", "--status", "待补正")).isEqualTo(ok("list", "--cases", "--status", "needs_correction"));
        assertThat(refused("list", "--cases", "--status", "done")).startsWith("案件状态应为 已收到（received）、待补正（needs_correction）");
        assertThat(refused("list", "--cases", "--city", "火星市")).startsWith("城市应为 广州市、").contains("省属");
        assertThat(refused("list", "--cases", "--period", "2026-13-01"))
                .startsWith("报送期应为“年-月-日”格式的日期").doesNotContain("DateTimeParse");
        assertThat(refused("list", "--cases", "--period", "2026-11-30")).contains("报送期应为配置的报送截止日之一", "2026-12-31");
        assertThat(refused("list", "--cases", "--category", "旧职业")).contains("申报类别应为 新职业、新工种");
        assertThat(refused("show", "XZY-2026-0999")).startsWith("没有编号为 XZY-2026-0999 的案件");
        assertThat(refused("show", "999")).contains("没有编号为 999 的邮件");
        assertThat(refused("review", "XZY-2026-0001", "--stage", "nation", "--result", "pass")).contains("审核阶段应为 city");
        assertThat(refused("review", "XZY-2026-0001")).startsWith("缺少").contains("--stage");
        assertThat(refused("list", "--limit", "many")).contains("选项 --limit 的值“many”无效，应为整数");
        assertThat(refused("list", "--bogus")).contains("不认识的参数“--bogus”");
        assertThat(refused("list", "--status", "待补正")).contains("请加 --cases");
    }

    @Test
    void missingConfigFileIsAnError() {
        Result result = CaseRegister.run(data, dir.resolve("missing.properties"), "list");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("配置文件 " + dir.resolve("missing.properties") + " 不存在");
    }

    @Test
    void importRefusesAFileThatIsNotMail() throws IOException {
        Path pdf = Files.write(dir.resolve("建议书.pdf"), cn.gdhrss.intake.SampleMails.pdf());
        Path text = Files.writeString(dir.resolve("notes.eml"), "这不是邮件，只是几行字。\n第二行\n", StandardCharsets.UTF_8);
        Result result = run("import", pdf.toString(), text.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("未导入 " + pdf, "不是邮件（.eml）").contains("没有可导入的邮件");
        assertThat(ok("list")).contains("共 11 封");
    }

    @Test
    void assignPlacesACaseWithoutAForm() {
        assertThat(ok("assign", "XZY-2026-0003", "--city", "佛山")).contains("XZY-2026-0003 已更新", "佛山市");
        assertThat(ok("list", "--cases", "--city", "佛山市")).contains("XZY-2026-0003", "共 1 件");
        assertThat(refused("assign", "XZY-2026-0003", "--period", "2026-12-30")).contains("报送期应为配置的报送截止日之一");
        assertThat(ok("show", "XZY-2026-0003")).contains("城市：佛山市（依据：工作人员指定）");
    }

    @Test
    void mergeNotePaperAndWithdrawAreAudited() throws IOException {
        assertThat(ok("merge", "XZY-2026-0007", "--into", "XZY-2026-0001", "--note", "同名申报")).contains("XZY-2026-0007 已并入 XZY-2026-0001");
        assertThat(refused("merge", "XZY-2026-0007", "--into", "XZY-2026-0001")).contains("已并入 XZY-2026-0001，不能再次合并");
        assertThat(refused("merge", "XZY-2026-0002", "--into", "XZY-2026-0007")).contains("不能作为合并目标");
        assertThat(ok("show", "XZY-2026-0001")).contains("并入本件或与本件重复的案件：XZY-2026-0007", "已并入 XZY-2026-0007（同名申报）");
        assertThat(ok("list", "--cases", "--status", "已合并")).contains("XZY-2026-0007", "共 1 件");

        assertThat(JSON.readTree(ok("note", "XZY-2026-0001", "已电话联系王静", "--json")).get("message").asText())
                .isEqualTo("XZY-2026-0001 已加备注。");
        assertThat(ok("paper", "XZY-2026-0001", "--received", "2026-09-01")).contains("收到日期 2026-09-01");
        assertThat(refused("paper", "XZY-2026-0001", "--received", "9/1/2026")).startsWith("纸质材料收到日期应为“年-月-日”格式的日期");
        assertThat(ok("show", "XZY-2026-0001")).contains("纸质材料：2026-09-01 收到", "【备注】", "已电话联系王静");

        assertThat(ok("withdraw", "XZY-2026-0002", "--note", "申报人来信撤回")).contains("XZY-2026-0002 已撤回。");
        assertThat(refused("withdraw", "XZY-2026-0002")).contains("状态已是“已撤回”");
        assertThat(refused("review", "XZY-2026-0002", "--stage", "city", "--result", "pass")).contains("不能再审核");
    }

    @Test
    void staffLetterGoesThroughTheOutboxThreadedInTheCase() throws IOException {
        Path letter = Files.writeString(dir.resolve("letter.txt"), "王静您好：\n\n请于9月10日前寄送盖章纸质材料。\n", StandardCharsets.UTF_8);
        JsonNode row = JSON.readTree(ok("reply", "XZY-2026-0001", "--text", letter.toString(), "--subject", "纸质材料", "--json"));
        assertThat(row.get("kind").asText()).isEqualTo("staff_letter");
        assertThat(row.get("to").asText()).isEqualTo("wangjing@example.cn");
        assertThat(row.get("subject").asText()).isEqualTo("[XZY-2026-0001] 纸质材料");
        assertThat(row.get("state_label").asText()).isEqualTo("已生成（未发送）");
        try (App app = CaseRegister.open(data)) {
            OutboxRecord written = app.outbox().find(row.get("id").asLong()).orElseThrow();
            assertThat(written.inReplyTo()).isEqualTo("01-valid.eml@example.cn");
            assertThat(written.bodyText()).contains("请于9月10日前寄送盖章纸质材料。");
        }
        assertThat(ok("show", "XZY-2026-0001")).contains("工作人员来函 → wangjing@example.cn  《[XZY-2026-0001] 纸质材料》");
        assertThat(refused("reply", "XZY-2026-0001", "--text", dir.resolve("none.txt").toString())).contains("信件正文文件").contains("不存在");
    }

    /** Six more valid proposals of 广州市 (XZY-2026-0009 to 0014): with the register's own, more reviews due than one line lists. */
    private void addSixProposals() throws IOException {
        Path mail = Files.createDirectories(dir.resolve("more"));
        List<String> names = List.of("无人机巡检员", "碳排放核算员", "数据标注审核员", "智能客服训练师", "储能运维员", "机器人调试员");
        for (int i = 0; i < names.size(); i++) {
            cn.gdhrss.intake.SampleMails.write(mail, "more-" + i + ".eml", "applicant" + i + "@example.cn", "", List.of(
                    new cn.gdhrss.intake.SampleMails.Part("新职业建议书-" + names.get(i) + ".docx",
                            cn.gdhrss.intake.SampleMails.proposal(Map.of("低空飞行器运维员", names.get(i))))));
        }
        try (App app = CaseRegister.open(data)) {
            app.intake().runOnce(new cn.gdhrss.intake.intake.FileImportSource(List.of(mail)), done -> { }).orElseThrow();
        }
    }

    @Test
    void todoGathersManyReviewsOfOneCityAndPeriodOnOneLine() throws IOException {
        addSixProposals();
        int cityReviews = JSON.readTree(run("todo", "--json").out()).findValuesAsText("kind").stream()
                .filter("city_review_due"::equals).mapToInt(kind -> 1).sum();
        assertThat(cityReviews).isGreaterThan(TodoCommand.GROUP_ABOVE);

        String grouped = run("todo").out();
        assertThat(grouped).containsPattern("【待地市初审】\\n  广州市，报送期 \\d{4}-\\d{2}-\\d{2} 截止（还有 \\d+ 天）：" + cityReviews
                + " 件，如 XZY-2026-0001、XZY-2026-0002、XZY-2026-0007 等（todo --city 广州市 逐件列出）\\n");
        assertThat(grouped).doesNotContain("材料齐全，待地市初审").contains("【补正逾期未收到】", "XZY-2026-0003 （无建议书） 待补正已超过 14 天",
                "同一地市、同一报送期待审核的案件已合并为一行；逐件列出用 todo --all 或 todo --city 地市。");

        for (String[] oneByOne : List.of(new String[] {"todo", "--all"}, new String[] {"todo", "--city", "广州市"})) {
            String listed = run(oneByOne).out();
            assertThat(listed.lines().filter(line -> line.contains("材料齐全，待地市初审"))).hasSize(cityReviews);
            assertThat(listed).contains("XZY-2026-0002 数字孪生应用工程师（广州市）材料齐全，待地市初审", "【补正逾期未收到】")
                    .doesNotContain("逐件列出");
        }
        assertThat(run("todo", "--city", "深圳市").out()).doesNotContain("待地市初审").contains("【补正逾期未收到】");
    }

    @Test
    void groupedTodoCountsEachKindCityAndPeriodAsTheItemsDo() throws IOException {
        addSixProposals();
        ok("assign", "XZY-2026-0010", "--city", "深圳市");
        ok("review", "XZY-2026-0001", "--stage", "city", "--result", "pass");
        JsonNode items = JSON.readTree(run("todo", "--json").out());
        List<String> references = items.findValuesAsText("reference");
        List<String> kinds = items.findValuesAsText("kind");
        List<String> guangzhouCityReviews = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).equals("city_review_due") && items.get(i).get("detail").asText().contains("（广州市）")) {
                guangzhouCityReviews.add(references.get(i));
            }
        }
        assertThat(guangzhouCityReviews).hasSizeGreaterThan(TodoCommand.GROUP_ABOVE).isSorted().doesNotContain("XZY-2026-0001", "XZY-2026-0010");

        String grouped = run("todo").out();
        assertThat(grouped).containsPattern("【待地市初审】\\n  广州市，报送期 \\d{4}-\\d{2}-\\d{2} 截止（还有 \\d+ 天）：" + guangzhouCityReviews.size()
                + " 件，如 " + String.join("、", guangzhouCityReviews.subList(0, 3)) + " 等（todo --city 广州市 逐件列出）\\n"
                + "  XZY-2026-0010 碳排放核算员（深圳市）材料齐全，待地市初审，报送期 [^\\n]+\\n"
                + "【待省级论证】\\n  XZY-2026-0001 低空飞行器运维员（广州市）待省级论证，报送期 [^\\n]+\\n");
        assertThat(grouped).contains("共 " + items.size() + " 项待办\n");
        assertThat(grouped.lines().filter(line -> line.contains("待地市初审，报送期"))).hasSize(1);
        assertThat(kinds).containsOnlyOnce("province_review_due").contains("correction_waiting", "same_name");
    }

    @Test
    void todoListsWhatNeedsStaff() throws IOException {
        Result result = run("todo");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("【补正逾期未收到】", "XZY-2026-0003 （无建议书） 待补正已超过 14 天", "【同名申报（可合并）】",
                "XZY-2026-0001、XZY-2026-0007", "【待地市初审】", "XZY-2026-0002 数字孪生应用工程师（广州市）材料齐全，待地市初审");
        JsonNode json = JSON.readTree(run("todo", "--json").out());
        assertThat(json.findValuesAsText("kind")).contains("correction_waiting", "same_name", "city_review_due");
        assertThat(run("todo", "--csv").out()).startsWith("\uFEFF类别,案件编号,说明\r\n");
        ok("review", "XZY-2026-0001", "--stage", "city", "--result", "pass");
        assertThat(run("todo").out()).contains("【待省级论证】", "XZY-2026-0001 低空飞行器运维员（广州市）待省级论证");
    }

    @Test
    void statusSaysWhetherTheServiceRunsInWords() throws IOException {
        Result stopped = run("status");
        assertThat(stopped.code()).isEqualTo(1);
        assertThat(stopped.out()).contains("服务：未运行", "各状态案件数：共 8 件", "待补正：", "已生成（未发送）：", "磁盘：数据目录", "需要处理：")
                .doesNotContain("{", "=");
        new ServiceHeartbeat(data, Clock.systemUTC()).beat();
        JsonNode json = JSON.readTree(run("status", "--json").out());
        assertThat(json.get("service").get("running").asBoolean()).isTrue();
        assertThat(json.get("cases_by_state").findValuesAsText("name")).contains("材料齐全", "待补正", "已收到");
        assertThat(json.get("outbox_by_state").findValuesAsText("code")).containsExactly("written");
    }

    @Test
    void resendOfASentReplyNeedsForce() {
        try (App app = CaseRegister.open(data)) {
            app.outbox().markDelivered(1, "250 2.0.0 Ok: queued", OutboxRepository.SENT);
        }
        assertThat(refused("resend", "1")).contains("外发邮件 1 已于", "发送成功", "请加 --force");
        assertThat(ok("resend", "1", "--force")).contains("外发邮件 1 已重新排队，当前状态：已生成（未发送）");
        assertThat(ok("resend", "2")).contains("已重新排队");
        assertThat(refused("resend", "999")).contains("没有编号为 999 的外发邮件");
    }

    @Test
    void reprocessingEveryMessageAddsNoCaseAndNoReply() throws IOException {
        String casesBefore = ok("list", "--cases", "--csv");
        int repliesBefore = JSON.readTree(ok("outbox", "--json")).size();
        for (int id = 1; id <= 11; id++) {
            assertThat(ok("reprocess", Integer.toString(id))).startsWith("邮件 " + id + " 已重新处理");
        }
        assertThat(ok("reprocess", "1", "--reply")).contains("结果未变，未再回复");
        assertThat(ok("list", "--cases", "--csv")).isEqualTo(casesBefore);
        assertThat(JSON.readTree(ok("outbox", "--json"))).hasSize(repliesBefore);
        assertThat(ok("show", "XZY-2026-0002")).contains("第2版").doesNotContain("第3版");
    }


    @Test
    void duplicateIsNotAMergeAndBothAreAuditedAndListed() throws IOException {
        assertThat(ok("merge", "XZY-2026-0007", "--into", "XZY-2026-0001", "--duplicate", "--note", "同一份建议书又发了一次"))
                .isEqualTo("XZY-2026-0007 是 XZY-2026-0001 的重复提交，状态：重复。\n");
        assertThat(refused("merge", "XZY-2026-0007", "--into", "XZY-2026-0001")).contains("已标为重复于 XZY-2026-0001，不能再次合并");
        assertThat(ok("list", "--cases", "--status", "重复")).contains("XZY-2026-0007", "共 1 件")
                .isEqualTo(ok("list", "--cases", "--status", "duplicate"));
        assertThat(ok("list", "--cases", "--status", "已合并")).contains("共 0 件");
        assertThat(ok("show", "XZY-2026-0007")).contains("状态：重复", "重复：与 XZY-2026-0001 重复（同一申报再次提交）", "→ 重复（");
        assertThat(ok("show", "XZY-2026-0001")).contains("XZY-2026-0007 是本件的重复提交（同一份建议书又发了一次）");
        assertThat(JSON.readTree(ok("show", "XZY-2026-0007", "--json")).get("status").asText()).isEqualTo("duplicate");
        assertThat(refused("review", "XZY-2026-0007", "--stage", "city", "--result", "pass")).contains("不能再审核");
    }

    @Test
    void messageCalledUnrelatedMakesItsCaseNotASubmissionUntilCalledASubmissionAgain() throws IOException {
        int letters = JSON.readTree(ok("outbox", "--json")).size();

        assertThat(ok("classify", "10", "unrelated")).contains("邮件 10 已归为“无关邮件”", "案件 XZY-2026-0008 → 非申报");
        assertThat(ok("list", "--cases", "--status", "非申报")).contains("XZY-2026-0008", "共 1 件")
                .isEqualTo(ok("list", "--cases", "--status", "not_submission"));
        assertThat(ok("show", "XZY-2026-0008")).contains("状态：非申报", "邮件 10 由工作人员归为非申报邮件", "→ 非申报（");
        assertThat(ok("classify", "10", "无关邮件")).doesNotContain("案件");

        assertThat(ok("classify", "10", "submission")).contains("案件 XZY-2026-0008 → 待补正");
        assertThat(ok("show", "XZY-2026-0008")).contains("状态：待补正", "案件按核对结果恢复为“待补正”");
        assertThat(JSON.readTree(ok("outbox", "--json"))).as("its correction went out before: none again").hasSize(letters);
    }

    @Test
    void sameNameCandidatesComeFromTheStoredLinksAndAMergedPairLeavesTodo() {
        String before = run("todo").out();
        assertThat(before).contains("XZY-2026-0001、XZY-2026-0007 的职业名称相同", "merge XZY-2026-0007 --into XZY-2026-0001");
        assertThat(before).doesNotContain("XZY-2026-0002、", "XZY-2026-0008、"); // 数字孪生应用工程师, 工业数据标注员: no namesake

        ok("merge", "XZY-2026-0007", "--into", "XZY-2026-0001");
        assertThat(run("todo").out()).doesNotContain("XZY-2026-0007 的职业名称", "、XZY-2026-0007");
    }

    /** Issue 8: every wrong argument of every command is one Chinese sentence saying what was expected. */
    @Test
    void everyWrongArgumentGetsOneChineseSentence() throws IOException {
        Path notMail = Files.writeString(dir.resolve("readme.txt"), "只是几行字\n", StandardCharsets.UTF_8);
        List<String[]> wrong = List.of(
                new String[] {"list", "--cases", "--period", "31/12/2026"},
                new String[] {"list", "--cases", "--city", "火星市"},
                new String[] {"list", "--cases", "--status", "finished"},
                new String[] {"list", "--cases", "--category", "旧职业"},
                new String[] {"list", "--class", "spam"},
                new String[] {"show"},
                new String[] {"show", "XZY-2026-9999"},
                new String[] {"review", "XZY-2026-9999", "--stage", "city", "--result", "pass"},
                new String[] {"review", "XZY-2026-0001", "--stage", "city", "--result", "maybe"},
                new String[] {"assign", "XZY-2026-0001", "--city", "火星市"},
                new String[] {"assign", "XZY-2026-0001", "--period", "2026-02-30"},
                new String[] {"assign", "XZY-2026-0001"},
                new String[] {"merge", "XZY-2026-0007"},
                new String[] {"merge", "XZY-2026-0007", "--into", "XZY-2026-9999"},
                new String[] {"merge", "XZY-2026-0007", "--into", "XZY-2026-0007"},
                new String[] {"note", "XZY-2026-9999", "文字"},
                new String[] {"note", "XZY-2026-0001", " "},
                new String[] {"paper", "XZY-2026-0001", "--received", "yesterday"},
                new String[] {"paper", "XZY-2026-0001", "--received", "2099-01-01"},
                new String[] {"paper", "XZY-2026-0001"},
                new String[] {"withdraw"},
                new String[] {"withdraw", "XZY-2026-9999"},
                new String[] {"reply", "XZY-2026-0001"},
                new String[] {"reply", "XZY-2026-0001", "--text", notMail.toString(), "--to", "wang@163,com"},
                new String[] {"summary"},
                new String[] {"summary", "--period", "2026-12-32"},
                new String[] {"summary", "--period", "2026-11-30"},
                new String[] {"summary", "--period", "2026-12-31", "--city", "火星市"},
                new String[] {"reprocess", "abc"},
                new String[] {"reprocess", "999"},
                new String[] {"classify", "1"},
                new String[] {"classify", "x", "submission"},
                new String[] {"resend", "abc"},
                new String[] {"outbox", "--limit", "-"},
                new String[] {"import"},
                new String[] {"import", notMail.toString()},
                new String[] {"import", dir.resolve("nowhere.eml").toString()},
                new String[] {"parse", dir.resolve("nowhere.docx").toString()},
                new String[] {"todo", "--bogus"},
                new String[] {"status", "extra"},
                new String[] {"frobnicate"});
        for (String[] args : wrong) {
            String sentence = refused(args);
            assertThat(sentence).as(String.join(" ", args)).containsPattern("\\p{IsHan}")
                    .doesNotContainPattern("(?i)\\b(unknown|missing|invalid|expected|error|cannot|failed|usage|exception|null)\\b")
                    .doesNotContain("\tat ", "java.");
        }
        assertThat(refused("frobnicate")).isEqualTo("不认识的命令“frobnicate”；可用的命令见 run.sh --help。");
        assertThat(refused("summary", "--period", "2026-11-30")).contains("报送期应为配置的报送截止日之一", "2026-12-31");
        assertThat(refused("import", notMail.toString())).isEqualTo("未导入 " + notMail + "：该文件开头没有邮件头（From:、Subject:、Date: 等），不是邮件（.eml）。");
        assertThat(refused("parse", dir.resolve("nowhere.docx").toString())).contains("文件不存在", "请给出一份 Word 或 Excel 文件");
    }

    /**
     * Issue 8: the ministry publishes 低空飞行器运维员 after the case came in, so reprocessing its
     * message now finds the name taken: without --reply no letter; with --reply exactly one
     * correction; once more with --reply nothing, for the outcome no longer changes.
     */
    @Test
    void reprocessRepliesOnceOnlyWhenTheOutcomeChangedAndStaffAskForIt() throws IOException {
        Path reference = dir.resolve("reference");
        CaseRegister.copy(Path.of("reference"), reference);
        Files.writeString(reference.resolve("new-occupations.csv"),
                "99,2026-08-20,职业,低空飞行器运维员,,,,,,,,人社部公告（测试）,confirmed,\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Path published = Files.writeString(dir.resolve("published.properties"), "reference.dir = " + reference + "\n",
                StandardCharsets.UTF_8);
        Path other = dir.resolve("other");
        CaseRegister.copy(data, other);
        int letters = JSON.readTree(ok("outbox", "--json")).size();
        int files = outboxFiles(data);

        Result plain = CaseRegister.run(data, published, "reprocess", "1");
        assertThat(plain.out()).contains("结果有变", "未再回复（reprocess 加 --reply 才回复）");
        assertThat(JSON.readTree(ok("outbox", "--json"))).hasSize(letters);
        assertThat(outboxFiles(data)).isEqualTo(files);
        assertThat(ok("list", "--cases", "--status", "待补正")).contains("XZY-2026-0001");

        Result replied = CaseRegister.run(other, published, "reprocess", "1", "--reply");
        assertThat(replied.code()).as(replied.err()).isZero();
        JsonNode rows = JSON.readTree(CaseRegister.run(other, config, "outbox", "--json").out());
        assertThat(rows).hasSize(letters + 1);
        assertThat(outboxFiles(other)).isEqualTo(files + 1);
        JsonNode newest = java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .max(java.util.Comparator.comparingLong(row -> row.get("id").asLong())).orElseThrow();
        assertThat(newest.get("kind").asText()).isEqualTo("correction");
        assertThat(newest.get("to").asText()).isEqualTo("wangjing@example.cn");
        assertThat(newest.get("subject").asText()).startsWith("[XZY-2026-0001] ");

        assertThat(CaseRegister.run(other, published, "reprocess", "1", "--reply").out()).contains("结果未变，未再回复");
        assertThat(JSON.readTree(CaseRegister.run(other, config, "outbox", "--json").out())).hasSize(letters + 1);
        assertThat(outboxFiles(other)).isEqualTo(files + 1);
    }

    private static int outboxFiles(Path data) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(data.resolve("outbox"))) {
            return (int) files.filter(file -> file.toString().endsWith(".eml")).count();
        }
    }
}
