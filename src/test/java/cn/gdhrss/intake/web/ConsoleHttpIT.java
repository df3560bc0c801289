package cn.gdhrss.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.FaultWatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The console over HTTP (java.net.http against the real server on a dynamic port), on a copy of
 * {@link ConsoleRegister} for each test: sessions and their cookie, CSRF, roles, a city user's
 * view, pages as staff read them, files with ranges and safe headers.
 */
class ConsoleHttpIT extends ConsoleTestBase {
    // ---------------------------------------------------------------- sessions, cookies, CSRF

    @Test
    void everyPageWithoutLoginRedirectsToTheLoginPage() {
        ConsoleClient anonymous = client();
        for (String path : List.of("/", "/queue", "/cases", "/cases/XZY-2026-0001", "/files/1/1", "/summaries", "/mail", "/cases/export.xlsx")) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/login");
        }
        assertThat(anonymous.get("/cases/XZY-2026-0001").headers().firstValue("Location")).hasValue("/login?next=%2Fcases%2FXZY-2026-0001");
        assertThat(anonymous.postRaw("/cases/XZY-2026-0001/note", Map.of("text", "x")).headers().firstValue("Location")).hasValue("/login");
        assertThat(anonymous.get("/login").body()).contains("工作人员登录", "用户名", "密码");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrictAndNotSecureOverPlainHttp() {
        HttpResponse<String> answer = client().login("sheng", ConsoleRegister.PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(303);
        String cookie = answer.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("xzy_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
    }

    @Test
    void sessionCookieIsSecureBehindATrustedTlsProxyOnly() throws IOException {
        assertThat(loginCookieWith("https")).doesNotContain("Secure");
        stopConsole();
        start(Map.of("web.trusted-proxy", "true"));
        assertThat(loginCookieWith("https")).contains("; Secure", "HttpOnly", "SameSite=Strict");
    }

    private String loginCookieWith(String forwardedProto) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                    + "/login")).header("X-Forwarded-Proto", forwardedProto).build(), HttpResponse.BodyHandlers.ofString());
            String loginCookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String token = ConsoleClient.token(page.body());
            HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + server.port() + "/login")).header("X-Forwarded-Proto", forwardedProto).header("Cookie", loginCookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + token + "&username=sheng&password="
                            + ConsoleRegister.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(303);
            return answer.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("xzy_session=")).findFirst().orElseThrow();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wrongPasswordIsRefusedAndRepeatedFailuresLockTheAccount() {
        ConsoleClient client = client();
        HttpResponse<String> wrong = client.login("locked", "wrong-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("用户名或密码不正确");
        for (int i = 0; i < 3; i++) {
            client.login("locked", "wrong-password");
        }
        HttpResponse<String> fifth = client.login("locked", "wrong-password");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("已暂时锁定 15 分钟");
        assertThat(client.login("locked", ConsoleRegister.PASSWORD).statusCode()).as("right password while locked").isEqualTo(429);
        assertThat(client.login("nobody", "x").body()).contains("用户名或密码不正确");
        assertThat(client().login("sheng", ConsoleRegister.PASSWORD).statusCode()).as("other accounts unaffected").isEqualTo(303);
    }

    @Test
    void loginWithoutItsFormTokenIsRefused() {
        HttpResponse<String> answer = client().postRaw("/login", Map.of("csrf", "forged", "username", "sheng",
                "password", ConsoleRegister.PASSWORD));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("登录表单已过期");
    }

    @Test
    void loginReturnsOnlyToAPathOfTheConsole() {
        ConsoleClient client = client();
        String page = client.get("/login?next=//evil.example.com/").body();
        assertThat(page).contains("name=\"next\" value=\"/\"").doesNotContain("evil.example.com");
    }

    @Test
    void logoutEndsTheSession() {
        ConsoleClient sheng = as("sheng");
        assertThat(sheng.get("/").statusCode()).isEqualTo(200);
        assertThat(sheng.post("/logout", Map.of()).headers().firstValue("Location")).hasValue("/login");
        assertThat(sheng.get("/").statusCode()).isEqualTo(303);
        assertThat(sheng.login("foshan", ConsoleRegister.PASSWORD).statusCode()).as("a new login in the same browser").isEqualTo(303);
    }

    @Test
    void postWithAWrongOrMissingCsrfTokenIsForbiddenAndChangesNothing() {
        ConsoleClient sheng = as("sheng");
        HttpResponse<String> forged = sheng.postRaw("/cases/XZY-2026-0001/note", Map.of("csrf", "not-the-token", "text", "伪造的备注"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("表单已过期或不是从本系统提交的");
        assertThat(sheng.postRaw("/cases/XZY-2026-0001/note", Map.of("text", "伪造的备注")).statusCode()).isEqualTo(403);
        assertThat(sheng.get("/cases/XZY-2026-0001").body()).doesNotContain("伪造的备注");
    }

    @Test
    void everyAnswerCarriesNosniffAndAPolicyWithoutInlineScript() {
        HttpResponse<String> page = as("sheng").get("/");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.body()).doesNotContain("<script>").contains("<script src=\"/static/console.js\" defer></script>");
        assertThat(client().get("/static/console.css").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    // ---------------------------------------------------------------- dashboard

    @Test
    void dashboardShowsTheCurrentPeriodByCityStateAndCategoryWithHealth() {
        String page = as("sheng").get("/").body();
        assertThat(page).contains("总览：报送期 2026-12-31", "<div class=\"big\" id=\"days-left\">121</div>");
        assertThat(page).contains("各地市案件数（21 个地市）", "各状态案件数", "各申报类别案件数", "<svg");
        for (String city : app.cityResolver().cities()) {
            assertThat(page).as(city).contains(">" + city + "</text>");
        }
        assertThat(app.cityResolver().cities()).hasSize(21);
        assertThat(page).contains(">材料齐全</text>", ">新职业</text>", ">（无建议书）</text>");
        assertThat(page).contains("受理服务", "未运行（没有服务心跳）", "最近一次成功收取", "待处理邮件", "外发邮件", "磁盘可用");
        Matcher total = Pattern.compile("id=\"total\">(\\d+)<").matcher(page);
        assertThat(total.find()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).isEqualTo(app.caseService().list(cn.gdhrss.intake.register.CaseQuery.all(), 1000).size());
    }

    @Test
    void dashboardSaysWhatFaultTheServiceIsWaitingOut() {
        assertThat(as("sheng").get("/").body()).doesNotContain("<th>故障</th>");
        FaultWatch watch = new FaultWatch(app.dataDir(), app.clock());
        watch.report(Fault.DISK_FULL, "archive");
        try {
            assertThat(as("sheng").get("/").body()).contains("<th>故障</th><td class=\"bad\">数据目录所在的磁盘已满，服务暂停处理，腾出空间后自动继续（自 ");
        } finally {
            watch.clear(Fault.DISK_FULL);
        }
        assertThat(as("sheng").get("/").body()).doesNotContain("<th>故障</th>");
    }

    @Test
    void cityUsersDashboardCountsOnlyTheirCity() {
        String page = as("foshan").get("/").body();
        assertThat(page).contains("本期案件（佛山市）", "id=\"total\">1<").doesNotContain("各地市案件数");
    }

    // ---------------------------------------------------------------- register


    @Test
    void registerListsEveryCaseAndFiltersSearchesAndSortsLikeTheCli() {
        ConsoleClient sheng = as("sheng");
        int all = app.caseService().list(cn.gdhrss.intake.register.CaseQuery.all(), 1000).size();
        String page = sheng.get("/cases").body();
        assertThat(references(page)).hasSize(all).contains("XZY-2026-0001", "XZY-2026-0008");
        assertThat(page).contains("（无建议书）", "共 <span id=\"case-count\">" + all + "</span> 件");

        assertThat(references(sheng.get("/cases?city=%E4%BD%9B%E5%B1%B1%E5%B8%82").body())).containsExactly(caseNamed(ConsoleRegister.FOSHAN_NAME));
        assertThat(references(sheng.get("/cases?q=" + enc("王静")).body())).containsExactly("XZY-2026-0001");
        assertThat(references(sheng.get("/cases?status=needs_correction").body())).isNotEmpty()
                .allSatisfy(reference -> assertThat(app.caseService().require(reference).status()).isEqualTo("needs_correction"));
        List<String> ascending = references(sheng.get("/cases?sort=reference&dir=asc").body());
        assertThat(ascending).isSorted();
        List<String> descending = references(sheng.get("/cases?sort=reference&dir=desc").body());
        List<String> reversed = new ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
    }


    @Test
    void registerPagesThroughLongLists() throws IOException {
        stopConsole();
        start(Map.of("web.page-size", "5"));
        ConsoleClient sheng = as("sheng");
        String first = sheng.get("/cases?sort=reference").body();
        assertThat(references(first)).containsExactly("XZY-2026-0001", "XZY-2026-0002", "XZY-2026-0003", "XZY-2026-0004", "XZY-2026-0005");
        assertThat(first).contains("第 1/3 页", "下一页");
        assertThat(references(sheng.get("/cases?sort=reference&page=2").body())).startsWith("XZY-2026-0006");
    }

    @Test
    void aWrongFilterSaysWhatWasExpected() {
        String page = as("sheng").get("/cases?city=" + enc("火星市")).body();
        assertThat(page).contains("城市应为 广州市、", "不是“火星市”。", "没有符合条件的案件");
        assertThat(as("sheng").get("/cases?period=2026-10-01").body()).contains("报送期应为配置的报送截止日之一");
    }

    @Test
    void exportHoldsTheRowsOfTheCurrentView() throws IOException {
        HttpResponse<byte[]> answer = as("sheng").bytes("/cases/export.xlsx?status=needs_correction&sort=reference");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("filename*=UTF-8''" + enc("新职业申报登记簿").replace("+", "%20"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        List<String> expected = references(as("sheng").get("/cases?status=needs_correction&sort=reference").body());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            List<String> header = new ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("编号", "收到时间", "城市", "报送期", "申报类别", "职业（工种）名称", "申报单位", "状态", "未补正错误", "审核");
            List<String> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    rows.add(row.getCell(0).getStringCellValue());
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo("待补正");
                }
            }
            assertThat(rows).isNotEmpty().containsExactlyElementsOf(expected);
        }
    }

    // ---------------------------------------------------------------- case page

    @Test
    void casePageShowsTheFieldsInTheOrderOfTheFormWithFindingsBesideTheirField() {
        String page = as("sheng").get("/cases/XZY-2026-0008").body();
        assertThat(page).contains("工业数据标注员", "建议书（附件1）");
        List<String> labels = new ArrayList<>();
        Matcher label = Pattern.compile("<th class=\"label\">([^<]+)</th>").matcher(page);
        while (label.find()) {
            labels.add(label.group(1));
        }
        List<String> expected = cn.gdhrss.intake.casework.ProposalFields.FIELDS.stream().map(cn.gdhrss.intake.casework.ProposalFields.Field::label).toList();
        assertThat(labels.subList(1, labels.size())).containsExactlyElementsOf(expected);
        Matcher email = Pattern.compile("<th class=\"label\">电子信箱</th>\\s*<td class=\"text\">zhangsan#example</td>\\s*<td class=\"findings\"><div class=\"finding error\">错误：([^<]+)</div>").matcher(page);
        assertThat(email.find()).as("the e-mail finding beside 电子信箱").isTrue();
    }

    @Test
    void casePageShowsVersionsWithWhatChangedLettersNotesAndTheAuditTrail() {
        String corrected = app.cases().listCasesOfMessage(2).get(0).reference();
        String page = as("sheng").get("/cases/" + corrected).body();
        assertThat(page).contains("第1版", "第2版", "首次提交", "改动：", "职业(工种)名称");
        assertThat(page).contains("往来邮件", "收到", "发出", "补正通知", "补正材料已收到");
        assertThat(page).contains("处理记录", "审核", "备注");
    }

    @Test
    void applicantMarkupIsShownAsTextNeverAsMarkup() {
        String reference = caseNamed(ConsoleRegister.XSS_NAME);
        String page = as("sheng").get("/cases/" + reference).body();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;标注员", "&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;申报")
                .doesNotContain("<img src=x", "<script>alert", "<b>正文</b>");
        assertThat(as("sheng").get("/cases?q=" + enc("标注员")).body()).contains("&lt;img src=x onerror=alert(1)&gt;标注员").doesNotContain("<img src=x");
    }

    @Test
    void unknownCaseIs404() {
        HttpResponse<String> answer = as("sheng").get("/cases/XZY-2026-9999");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("没有找到这一页或这个案件、文件");
    }

    // ---------------------------------------------------------------- files


    @Test
    void caseWithVideoShowsImageVideoAndDownloadsUnderTheOriginalName() {
        ConsoleClient sheng = as("sheng");
        String page = sheng.get("/cases/" + caseNamed(ConsoleRegister.VIDEO_NAME)).body();
        String video = fileLink(page, "工作演示视频.mp4");
        String photo = fileLink(page, "现场照片.png");
        assertThat(page).contains("<video class=\"preview\" controls preload=\"metadata\" src=\"" + video + "/preview\"></video>",
                "<img class=\"preview\" src=\"" + photo + "/preview\"");
        HttpResponse<byte[]> image = sheng.bytes(photo + "/preview");
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
        HttpResponse<byte[]> download = sheng.bytes(video);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"______.mp4\"; filename*=UTF-8''" + enc("工作演示视频") + ".mp4");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.body()).isEqualTo(readVideo());
    }

    private static byte[] readVideo() {
        try {
            return Files.readAllBytes(ConsoleRegister.VIDEO);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void videoIsServedInRanges() {
        ConsoleClient sheng = as("sheng");
        String video = fileLink(sheng.get("/cases/" + caseNamed(ConsoleRegister.VIDEO_NAME)).body(), "工作演示视频.mp4") + "/preview";
        byte[] whole = readVideo();
        HttpResponse<byte[]> part = sheng.bytes(video, "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + whole.length);
        assertThat(part.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 200));
        HttpResponse<byte[]> tail = sheng.bytes(video, "Range", "bytes=" + (whole.length - 10) + "-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 10, whole.length));
        assertThat(sheng.bytes(video).headers().firstValue("Accept-Ranges")).hasValue("bytes");
        HttpResponse<byte[]> beyond = sheng.bytes(video, "Range", "bytes=" + whole.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);
    }

    @Test
    void pdfOpensInTheBrowsersViewer() {
        ConsoleClient sheng = as("sheng");
        String reference = app.cases().listCasesOfMessage(3).get(0).reference();
        String page = sheng.get("/cases/" + reference).body();
        String pdf = fileLink(page, "建议书.pdf");
        assertThat(page).contains("<iframe class=\"preview pdf\" src=\"" + pdf + "/preview\"");
        HttpResponse<byte[]> answer = sheng.bytes(pdf + "/preview");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void svgAndHtmlAreNeverShownInlineAndDownloadAsOpaqueBytes() {
        ConsoleClient sheng = as("sheng");
        String page = sheng.get("/cases/" + caseNamed(ConsoleRegister.VIDEO_NAME)).body();
        for (String name : List.of("图示.svg", "说明.html")) {
            String link = fileLink(page, name);
            assertThat(sheng.bytes(link + "/preview").statusCode()).as(name + " preview").isEqualTo(404);
            HttpResponse<byte[]> download = sheng.bytes(link);
            assertThat(download.headers().firstValue("Content-Type")).as(name).hasValue("application/octet-stream");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
            assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        }
        assertThat(page).doesNotContain("onload=");
    }

    @Test
    void noPathFromTheRequestReachesTheFileSystem() {
        ConsoleClient sheng = as("sheng");
        for (String path : List.of("/files/../../register.db", "/files/1/..%2F..%2Fregister.db", "/files/1/1%2F..%2F..%2Fregister.db",
                "/static/..%2F..%2Fregister.db", "/static/logback.xml", "/files/abc/1", "/files/1/999", "/summaries/2026-12-31/files/..%2F..%2Fregister.db",
                "/summaries/..%2F..%2F/files/0", "/mail/..%2Fregister.db/raw")) {
            int status = sheng.bytes(path).statusCode();
            assertThat(status).as(path).isIn(400, 404);
        }
    }

    // ---------------------------------------------------------------- a city user's view

    @Test
    void cityUserSeesOnlyTheirCitysCasesAndAnyOtherCaseOrFileIs404() {
        ConsoleClient foshan = as("foshan");
        String foshanCase = caseNamed(ConsoleRegister.FOSHAN_NAME);
        assertThat(references(foshan.get("/cases").body())).containsExactly(foshanCase);
        assertThat(references(foshan.get("/cases?city=" + enc("广州市")).body())).containsExactly(foshanCase);
        assertThat(references(foshan.get("/cases?q=" + enc("王静")).body())).isEmpty();
        assertThat(foshan.get("/cases/" + foshanCase).statusCode()).isEqualTo(200);
        String other = caseNamed(ConsoleRegister.VIDEO_NAME);
        HttpResponse<String> refused = foshan.get("/cases/" + other);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain(ConsoleRegister.VIDEO_NAME);
        String file = fileLink(as("sheng").get("/cases/" + other).body(), "工作演示视频.mp4");
        assertThat(foshan.bytes(file).statusCode()).isEqualTo(404);
        assertThat(foshan.bytes(file + "/preview").statusCode()).isEqualTo(404);
        assertThat(foshan.get("/cases/XZY-2026-9999").statusCode()).isEqualTo(404);
        assertThat(foshan.get("/mail").statusCode()).isEqualTo(403);
    }

    @Test
    void cityUsersExportHoldsOnlyTheirCity() throws IOException {
        HttpResponse<byte[]> answer = as("foshan").bytes("/cases/export.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("佛山市");
        }
    }
}
