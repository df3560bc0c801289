package cn.gdhrss.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console end to end in a real headless Chromium (Debian's chromium and chromedriver, driven
 * by Selenium; {@code ./run.sh test} installs both): province staff log in, look at the front page
 * and the work queue, search the register, open the case with a video and play it, record a
 * review, write a letter (preview, then queue) and download a summary; a 佛山市 user sees only
 * their city. Screenshots go to {@code target/screenshots/console-*.png}.
 */
class ConsoleBrowserIT extends ConsoleTestBase {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
            "--autoplay-policy=no-user-gesture-required", "--window-size=1440,1000");

    Path downloads;
    ChromeDriverService service;
    WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(SCREENSHOTS.resolve("console-failure.png"));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private void open(String path) {
        browser.get(client().base() + path);
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private void login(String user) {
        open("/");
        assertThat(browser.getCurrentUrl()).contains("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(ConsoleRegister.PASSWORD);
        find("#login").click();
        waitFor(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private void logout() {
        find("form[action='/logout'] button").click();
        waitFor(() -> browser.getCurrentUrl().contains("/login"));
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        try {
            // A page replaced while the condition reads it leaves stale elements: read again on the new page.
            new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                Files.write(SCREENSHOTS.resolve("console-failure.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException ignored) {
                // the timeout is what the test reports
            }
            throw new AssertionError("Waited in vain on " + browser.getCurrentUrl() + ": " + find("body").getText(), e);
        }
    }

    /** The whole page as one PNG: the window made as tall as the page first. */
    private void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        // The window's own bar takes some of its height; the page must fit in what is left.
        browser.manage().window().setSize(new Dimension(1440, (int) Math.min(Math.max(height + 200, 900), 6000)));
        script("window.scrollTo(0, 0)");
        Path file = SCREENSHOTS.resolve("console-" + name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(code, args);
    }

    @Test
    void provinceStaffWorkACaseAndACityUserSeesOnlyTheirCity() throws IOException {
        // The service's heartbeat, as serve writes it, so the front page shows it running.
        new cn.gdhrss.intake.intake.ServiceHeartbeat(app.dataDir(), app.clock()).beat();
        login("sheng");
        assertThat(find("h1").getText()).isEqualTo("总览：报送期 2026-12-31");
        assertThat(browser.findElements(By.cssSelector("svg.chart")).size()).isEqualTo(3);
        screenshot("dashboard");

        find("nav a[href='/queue']").click();
        assertThat(find("#queue").getText()).contains("待地市初审", "同名申报（可合并）");
        screenshot("queue");

        find("nav a[href='/cases']").click();
        assertThat(browser.findElements(By.cssSelector("#register tbody tr")).size()).isGreaterThan(8);
        screenshot("register");
        find("#q").sendKeys(ConsoleRegister.VIDEO_NAME);
        find("#search").click();
        waitFor(() -> browser.getCurrentUrl().contains("q="));
        List<WebElement> hits = browser.findElements(By.cssSelector("#register a.case-link"));
        assertThat(hits).hasSize(1);
        hits.get(0).click();
        waitFor(() -> browser.findElements(By.cssSelector("video.preview")).size() == 1);

        playVideo();
        assertThat(find("#fields").getText()).contains("电子信箱", "chen#example.cn");
        assertThat(browser.findElements(By.cssSelector("#fields .finding.error")).size()).isGreaterThan(0);
        screenshot("case-video");

        new Select(find("#city-result")).selectByValue("pass");
        find("#record-city-review").click();
        waitFor(() -> browser.findElements(By.id("flash")).size() == 1);
        assertThat(find("#flash").getText()).isEqualTo("未办理：" + caseNamed(ConsoleRegister.VIDEO_NAME)
                + " 还有 1 处错误未补正，不能通过；确需通过请勾选“尚有错误仍予通过”并在意见栏写明理由。");
        new Select(find("#city-result")).selectByValue("pass");
        find("#city-note").sendKeys("邮箱已电话核实");
        find("#city-force").click();
        find("#record-city-review").click();
        waitFor(() -> find("#flash").getText().startsWith("已记录"));
        assertThat(find("#flash").getText()).isEqualTo("已记录：地市初审：初审通过（意见：邮箱已电话核实）。");
        assertThat(find("#case-status").getText()).isEqualTo("地市初审通过");

        writeLetter();
        downloadSummary();
        reassignToFoshan("XZY-2026-0003");

        logout();
        login("foshan");
        find("nav a[href='/cases']").click();
        List<WebElement> cities = browser.findElements(By.cssSelector("#register td.city"));
        assertThat(cities).hasSize(2).allSatisfy(city -> assertThat(city.getText()).isEqualTo("佛山市"));
        assertThat(find("h1").getText()).isEqualTo("登记簿（佛山市）");
        screenshot("city-register");
        open("/cases/XZY-2026-0001");
        assertThat(find("h1").getText()).isEqualTo("找不到");
    }

    /** Plays the case's video muted and waits until the browser has frames and time advances. */
    private void playVideo() {
        script("const video = document.querySelector('video.preview'); video.muted = true; video.play();");
        waitFor(() -> ((Number) script("return document.querySelector('video.preview').readyState")).intValue() >= 2);
        waitFor(() -> ((Number) script("return document.querySelector('video.preview').currentTime")).doubleValue() > 1.2);
        double before = ((Number) script("return document.querySelector('video.preview').currentTime")).doubleValue();
        waitFor(() -> ((Number) script("return document.querySelector('video.preview').currentTime")).doubleValue() > before);
        assertThat(((Number) script("return document.querySelector('video.preview').duration")).doubleValue()).isBetween(3.5, 4.5);
        script("document.querySelector('video.preview').pause()");
    }

    private void reassignToFoshan(String reference) {
        open("/cases/" + reference);
        new Select(find("form[action$='/assign'] select[name='city']")).selectByValue("佛山市");
        find("form[action$='/assign'] button").click();
        waitFor(() -> browser.findElements(By.id("flash")).size() == 1);
        assertThat(find("#flash").getText()).isEqualTo("已更改：城市改为 佛山市。");
        assertThat(find("#case-city").getText()).startsWith("佛山市");
    }

    private void writeLetter() {
        find("#letter-correction").click();
        waitFor(() -> browser.findElements(By.id("letter-text")).size() == 1);
        assertThat(find("#letter-text").getAttribute("value")).contains("新职业申报材料补正通知", "电子信箱");
        find("#letter-text").sendKeys("\n请于十五个工作日内补正。");
        find("#preview-letter").click();
        waitFor(() -> browser.findElements(By.id("letter-preview")).size() == 1);
        assertThat(find("#preview-body").getText()).contains("请于十五个工作日内补正。");
        find("#queue-letter").click();
        waitFor(() -> browser.findElements(By.id("flash")).size() == 1);
        assertThat(find("#flash").getText()).startsWith("信件已排队（外发编号 ").contains("收件人 chen@example.cn");
        assertThat(find("#thread").getText()).contains("工作人员来函");
    }

    private void downloadSummary() throws IOException {
        find("nav a[href='/summaries']").click();
        find("#period-2026-12-31 button.generate").click();
        waitFor(() -> browser.findElements(By.id("flash")).size() == 1);
        assertThat(find("#flash").getText()).startsWith("报送期 2026-12-31 的汇总表已生成");
        WebElement link = browser.findElements(By.cssSelector("#period-2026-12-31 a.summary-file")).stream()
                .filter(one -> one.getText().equals("新职业信息汇总表（全省）2026-12-31.xlsx")).findFirst().orElseThrow();
        link.click();
        Path expected = downloads.resolve("新职业信息汇总表（全省）2026-12-31.xlsx");
        waitFor(() -> Files.exists(expected));
        byte[] bytes = Files.readAllBytes(expected);
        assertThat(bytes).startsWith('P', 'K');
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files.map(file -> file.getFileName().toString())).doesNotContain("download");
        }
    }
}
