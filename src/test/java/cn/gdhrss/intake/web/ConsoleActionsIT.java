package cn.gdhrss.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.register.OutboxRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * What staff do in the console, over HTTP on a copy of {@link ConsoleRegister} per test: reviews
 * under the CLI's rules and roles, notes, paper, reassignment, merge, withdrawal, letters (preview
 * then queue), resend, the work queue, summaries, and the mail that is no case. Every change shows
 * in the case's audit trail under the web user's name.
 */
class ConsoleActionsIT extends ConsoleTestBase {

    private String flash(String page) {
        Matcher flash = Pattern.compile("id=\"flash\">([^<]*)<").matcher(page);
        assertThat(flash.find()).as("a result message on the page").isTrue();
        return flash.group(1);
    }

    // ---------------------------------------------------------------- reviews and roles

    @Test
    void cityUserRecordsTheCityReviewOfTheirCitysCaseAndItIsAudited() {
        String foshanCase = caseNamed(ConsoleRegister.FOSHAN_NAME);
        String page = as("foshan").postAndFollow("/cases/" + foshanCase + "/review", Map.of("stage", "city", "result", "pass", "note", "符合要求"));
        assertThat(flash(page)).isEqualTo("已记录：地市初审：初审通过（意见：符合要求）。");
        assertThat(page).contains("<span class=\"state s-city_passed\" id=\"case-status\">地市初审通过</span>", "审核人 web:foshan");
        assertThat(page).containsPattern("（web:foshan）</li>");
        assertThat(app.caseService().require(foshanCase).status()).isEqualTo("city_passed");
    }

    @Test
    void cityUserMayNotRecordTheProvinceReviewNorTouchAnotherCitysCase() {
        String foshanCase = caseNamed(ConsoleRegister.FOSHAN_NAME);
        ConsoleClient foshan = as("foshan");
        assertThat(foshan.post("/cases/" + foshanCase + "/review", Map.of("stage", "province", "result", "pass")).statusCode()).isEqualTo(403);
        for (String action : List.of("merge", "withdraw", "assign", "paper", "letter")) {
            assertThat(foshan.post("/cases/" + foshanCase + "/" + action, Map.of("into", "XZY-2026-0001")).statusCode()).as(action).isEqualTo(403);
        }
        HttpResponse<String> other = foshan.post("/cases/XZY-2026-0001/review", Map.of("stage", "city", "result", "pass"));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(foshan.post("/cases/XZY-2026-0001/note", Map.of("text", "越权")).statusCode()).isEqualTo(404);
        assertThat(app.caseService().require("XZY-2026-0001").reviews()).isEmpty();
    }

    @Test
    void readerChangesNothing() {
        ConsoleClient reader = as("reader");
        assertThat(reader.get("/cases/XZY-2026-0001").body()).contains("只读账户，不能办理").doesNotContain("记录初审");
        assertThat(reader.post("/cases/XZY-2026-0001/review", Map.of("stage", "city", "result", "pass")).statusCode()).isEqualTo(403);
        assertThat(reader.post("/cases/XZY-2026-0001/note", Map.of("text", "x")).statusCode()).isEqualTo(403);
        assertThat(reader.post("/summaries/2026-12-31/generate", Map.of()).statusCode()).isEqualTo(403);
        assertThat(reader.get("/mail").statusCode()).isEqualTo(403);
    }

    @Test
    void provinceReviewFollowsTheCliRules() {
        ConsoleClient sheng = as("sheng");
        String refused = flash(sheng.postAndFollow("/cases/XZY-2026-0001/review", Map.of("stage", "province", "result", "pass")));
        assertThat(refused).isEqualTo("未办理：XZY-2026-0001 尚未通过地市初审，不能进行省级论证；"
                + "请先记录地市初审通过（省属单位的申报须先在“更改城市或报送期”中选“省属”）。");
        assertThat(flash(sheng.postAndFollow("/cases/XZY-2026-0001/review", Map.of("stage", "city", "result", "maybe"))))
                .contains("地市初审结果应为 pass（通过）或 fail（未通过）");
        sheng.postAndFollow("/cases/XZY-2026-0001/review", Map.of("stage", "city", "result", "pass"));
        String page = sheng.postAndFollow("/cases/XZY-2026-0001/review", Map.of("stage", "province", "result", "cultivate"));
        assertThat(flash(page)).contains("列入专项职业能力培育目录");
        assertThat(page).contains("地市初审通过 → 纳入专项职业能力培育目录（web:sheng）");
    }

    // ---------------------------------------------------------------- notes, paper, assign, merge, withdraw

    @Test
    void noteWithDoneClearsTheFlag() {
        String flagged = app.caseService().list(cn.gdhrss.intake.register.CaseQuery.all(), 100).stream()
                .filter(cn.gdhrss.intake.register.CaseListing::flagged).findFirst().orElseThrow().reference();
        String page = as("sheng").postAndFollow("/cases/" + flagged + "/note", Map.of("text", "已电话核实<b>", "done", "1"));
        assertThat(flash(page)).isEqualTo("备注已保存。");
        assertThat(page).contains("已电话核实&lt;b&gt;（web:sheng）").doesNotContain("已标记需核实");
        assertThat(app.caseService().require(flagged).flagged()).isFalse();
    }

    @Test
    void paperAssignMergeAndWithdrawChangeTheCaseAndTheTrail() {
        ConsoleClient sheng = as("sheng");
        assertThat(flash(sheng.postAndFollow("/cases/XZY-2026-0001/paper", Map.of("date", "2026-08-30")))).isEqualTo("已登记纸质材料于 2026-08-30 收到。");
        assertThat(flash(sheng.postAndFollow("/cases/XZY-2026-0001/paper", Map.of("date", "2027-01-01")))).contains("不能晚于今天");
        String assigned = sheng.postAndFollow("/cases/XZY-2026-0003/assign", Map.of("city", "佛山市", "period", ""));
        assertThat(flash(assigned)).contains("已更改：", "佛山市");
        assertThat(references(as("foshan").get("/cases").body())).contains("XZY-2026-0003");
        String merged = sheng.postAndFollow("/cases/XZY-2026-0007/merge", Map.of("into", "xzy-2026-0001", "note", "同名申报"));
        assertThat(flash(merged)).isEqualTo("已并入 XZY-2026-0001。");
        assertThat(merged).contains("已并入 <a href=\"/cases/XZY-2026-0001\">XZY-2026-0001</a>");
        assertThat(flash(sheng.postAndFollow("/cases/XZY-2026-0001/merge", Map.of("into", "XZY-2026-0001")))).contains("不能把案件并入它自己");
        String withdrawn = sheng.postAndFollow("/cases/XZY-2026-0005/withdraw", Map.of("note", "申报人来电撤回"));
        assertThat(flash(withdrawn)).isEqualTo("案件已撤回。");
        assertThat(withdrawn).contains("已撤回", "申报已撤回（申报人来电撤回）（web:sheng）");
    }

    // ---------------------------------------------------------------- letters

    @Test
    void letterFromATemplateIsPreviewedBeforeItIsQueued() {
        ConsoleClient sheng = as("sheng");
        String form = sheng.get("/cases/XZY-2026-0008/letter?template=correction").body();
        assertThat(form).contains("写信给申报人", "新职业申报材料补正通知", "XZY-2026-0008", "电子信箱");
        Matcher subject = Pattern.compile("id=\"letter-subject\" value=\"([^\"]*)\"|value=\"([^\"]*)\" class=\"wide\" id=\"letter-subject\"").matcher(form);
        assertThat(subject.find()).isTrue();
        int before = app.cases().listOutbox(app.caseService().require("XZY-2026-0008").id()).size();
        String preview = sheng.post("/cases/XZY-2026-0008/letter/preview", Map.of("kind", "correction",
                "subject", "关于电子信箱", "to", "", "text", "请更正电子信箱。\n<script>x</script>")).body();
        assertThat(preview).contains("预览（尚未发送）", "关于电子信箱", "请更正电子信箱。\n&lt;script&gt;x&lt;/script&gt;", "确认发送");
        assertThat(app.cases().listOutbox(app.caseService().require("XZY-2026-0008").id())).as("nothing queued by a preview").hasSize(before);
        String page = sheng.postAndFollow("/cases/XZY-2026-0008/letter", Map.of("subject", "关于电子信箱", "to", "",
                "text", "请更正电子信箱。\n<script>x</script>"));
        assertThat(flash(page)).startsWith("信件已排队（外发编号 ").contains("收件人 zhou@example.cn");
        List<OutboxRecord> outbox = app.cases().listOutbox(app.caseService().require("XZY-2026-0008").id());
        OutboxRecord letter = outbox.get(outbox.size() - 1);
        assertThat(letter.kind()).isEqualTo("staff_letter");
        assertThat(letter.subject()).isEqualTo("[XZY-2026-0008] 关于电子信箱");
        assertThat(letter.bodyText()).contains("请更正电子信箱。");
        assertThat(page).contains("工作人员来函", "致 zhou@example.cn《[XZY-2026-0008] 关于电子信箱》");
        assertThat(page).contains("工作人员致函 zhou@example.cn（外发编号 " + letter.id() + "）（web:sheng）");
    }

    @Test
    void everyLetterTemplateFillsTheCase() {
        ConsoleClient sheng = as("sheng");
        assertThat(sheng.get("/cases/XZY-2026-0001/letter?template=question").body()).contains("关于新职业申报材料的询问", "XZY-2026-0001");
        assertThat(sheng.get("/cases/XZY-2026-0001/letter?template=outcome").body()).contains("新职业申报审核结果通知", "目前的审核结果为：");
        assertThat(sheng.get("/cases/XZY-2026-0001/letter?template=../../etc/passwd").statusCode()).isEqualTo(404);
    }

    @Test
    void resendQueuesAnOutgoingMailAgain() {
        ConsoleClient sheng = as("sheng");
        OutboxRecord receipt = app.cases().listOutbox(app.caseService().require("XZY-2026-0001").id()).get(0);
        String refused = flash(sheng.postAndFollow("/outbox/" + receipt.id() + "/resend", Map.of("back", "/cases/XZY-2026-0001")));
        assertThat(refused).satisfiesAnyOf(text -> assertThat(text).contains("已重新排队"), text -> assertThat(text).contains("发送成功"));
        assertThat(flash(sheng.postAndFollow("/outbox/999999/resend", Map.of())))
                .isEqualTo("未办理：没有编号为 999999 的外发邮件；请从案件页的往来邮件或待办页重发。");
        assertThat(as("foshan").post("/outbox/" + receipt.id() + "/resend", Map.of()).statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- work queue

    @Test
    void workQueueListsTheTodoItemsEachWithItsAction() {
        ConsoleClient sheng = as("sheng");
        String page = sheng.get("/queue").body();
        int items = app.caseService().todo(app.outbox().listTrouble(app.replySettings().warnAfter())).size();
        assertThat(page).contains("待办（<span id=\"queue-count\">" + items + "</span> 项）", "同名申报（可合并）", "查看并合并", "待地市初审", "初审通过");
        // The form tokens are random base64url and may hold "--"; what staff read must not (no command-line options).
        String read = page.replaceAll("name=\"csrf\" value=\"[^\"]*\"", "");
        assertThat(read).contains("需核实", ">已核实</button>", "需要时在案件页合并").doesNotContain("--", "resend ", "note XZY", "merge XZY");
        Matcher cityReview = Pattern.compile("<tr class=\"todo-city_review_due\">.*?<a href=\"/cases/(XZY-\\d{4}-\\d{4})\">", Pattern.DOTALL).matcher(page);
        assertThat(cityReview.find()).isTrue();
        String reference = cityReview.group(1);
        String after = sheng.postAndFollow("/cases/" + reference + "/review", Map.of("stage", "city", "result", "pass"));
        assertThat(flash(after)).isEqualTo("已记录：地市初审：初审通过。");
        assertThat(sheng.get("/queue").body()).doesNotContainPattern("todo-city_review_due\">\\s*<td>[^<]*</td>\\s*<td><a href=\"/cases/" + reference + "\"");
    }

    @Test
    void aFailedReplyInTheQueueOffersTheButtonNotTheCommand() {
        OutboxRecord receipt = app.cases().listOutbox(app.caseService().require("XZY-2026-0002").id()).get(0);
        app.outbox().markFailed(receipt.id(), "550 5.1.1 用户不存在");
        String page = as("sheng").get("/queue").body();
        Matcher failed = Pattern.compile("<tr class=\"todo-reply_failed\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(failed.find()).isTrue();
        assertThat(failed.group(1)).contains("外发编号 " + receipt.id(), "550 5.1.1 用户不存在（改正后可重发）", "<button>重发</button>")
                .doesNotContain("用 resend");
        assertThat(app.caseService().todo(app.outbox().listTrouble(app.replySettings().warnAfter())))
                .anySatisfy(item -> assertThat(item.detail()).contains("（改正后可用 resend " + receipt.id() + " 重发）"));
        app.outbox().requeue(receipt.id());
    }

    @Test
    void cityUsersQueueHoldsOnlyTheirCity() {
        String page = as("foshan").get("/queue").body();
        assertThat(page).contains(caseNamed(ConsoleRegister.FOSHAN_NAME)).doesNotContain("XZY-2026-0001<", "回复发送失败");
    }

    // ---------------------------------------------------------------- summaries

    @Test
    void summariesAreGeneratedDownloadedAndShownStaleAfterAChange() throws IOException {
        ConsoleClient sheng = as("sheng");
        assertThat(sheng.get("/summaries").body()).contains("2026-12-31", "尚未生成");
        String page = sheng.postAndFollow("/summaries/2026-12-31/generate", Map.of());
        assertThat(flash(page)).startsWith("报送期 2026-12-31 的汇总表已生成，共 ");
        assertThat(page).contains("新职业信息汇总表（全省）2026-12-31.xlsx", "新职业信息汇总表（佛山市）2026-12-31.xlsx", ">最新<");
        Matcher link = Pattern.compile("href=\"(/summaries/2026-12-31/files/\\d+)\">新职业信息汇总表（佛山市）2026-12-31.xlsx<").matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> xlsx = sheng.bytes(link.group(1));
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").contains("filename*=UTF-8''");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("新职业信息汇总表");
        }
        String foshanCase = caseNamed(ConsoleRegister.FOSHAN_NAME);
        as("foshan").postAndFollow("/cases/" + foshanCase + "/review", Map.of("stage", "city", "result", "pass"));
        assertThat(sheng.get("/summaries").body()).contains("需更新（案件已有变化）");
    }

    @Test
    void cityUserDownloadsOnlyTheirCitysSummary() {
        as("sheng").postAndFollow("/summaries/2026-12-31/generate", Map.of());
        ConsoleClient foshan = as("foshan");
        String page = foshan.get("/summaries").body();
        assertThat(page).contains("新职业信息汇总表（佛山市）2026-12-31.xlsx").doesNotContain("（全省）", "（广州市）", "class=\"generate\"");
        assertThat(foshan.post("/summaries/2026-12-31/generate", Map.of()).statusCode()).isEqualTo(403);
        for (int index = 0; index < 12; index++) {
            HttpResponse<byte[]> file = foshan.bytes("/summaries/2026-12-31/files/" + index);
            if (file.statusCode() == 200) {
                assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains(enc("佛山市").replace("+", "%20"));
            } else {
                assertThat(file.statusCode()).isEqualTo(404);
            }
        }
        assertThat(foshan.bytes("/summaries/2026-10-01/files/0").statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- mail that is no case

    @Test
    void mailPageListsUnrelatedAndAutomaticMailWithItsReasonAndRawMessage() {
        ConsoleClient sheng = as("sheng");
        String page = sheng.get("/mail").body();
        assertThat(page).contains("news@marketing.example.com", "无关邮件", "自动邮件", "robot@example.cn");
        Matcher row = Pattern.compile("<tr id=\"mail-(\\d+)\">\\s*<td>\\d+</td><td>[^<]*</td><td>news@marketing.example.com</td>.*?<td class=\"reason\">([^<]+)</td>",
                Pattern.DOTALL).matcher(page);
        assertThat(row.find()).isTrue();
        assertThat(row.group(2)).isNotBlank();
        HttpResponse<byte[]> raw = sheng.bytes("/mail/" + row.group(1) + "/raw");
        assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(raw.headers().firstValue("Content-Type").orElseThrow()).startsWith("message/rfc822");
        assertThat(new String(raw.body(), StandardCharsets.US_ASCII)).contains("From: news@marketing.example.com");
    }

    @Test
    void mailIsReclassifiedAndReprocessed() {
        ConsoleClient sheng = as("sheng");
        Matcher row = Pattern.compile("<tr id=\"mail-(\\d+)\">\\s*<td>\\d+</td><td>[^<]*</td><td>news@marketing.example.com</td>").matcher(sheng.get("/mail").body());
        assertThat(row.find()).isTrue();
        String id = row.group(1);
        String reprocessed = sheng.postAndFollow("/mail/" + id + "/reprocess", Map.of());
        assertThat(flash(reprocessed)).startsWith("邮件 " + id + " 已重新处理，当前状态：");
        assertThat(flash(sheng.postAndFollow("/mail/" + id + "/classify", Map.of("class", "nonsense")))).isNotEmpty();
        String classified = sheng.postAndFollow("/mail/" + id + "/classify", Map.of("class", "enquiry"));
        assertThat(flash(classified)).isEqualTo("邮件 " + id + " 已归为“咨询”。");
        assertThat(classified).doesNotContain("<tr id=\"mail-" + id + "\">");
    }
}
