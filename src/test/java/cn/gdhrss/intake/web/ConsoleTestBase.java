package cn.gdhrss.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.cli.CaseRegister;
import cn.gdhrss.intake.register.CaseListing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The console on a copy of {@link ConsoleRegister} for each test, on a dynamic port. */
abstract class ConsoleTestBase {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    App app;
    ConsoleServer server;

    @BeforeAll
    static void buildRegister() throws IOException {
        ConsoleRegister.build(shared.resolve("data"), shared.resolve("mail"));
    }

    @BeforeEach
    void startConsole() throws IOException {
        start(Map.of());
    }

    void start(Map<String, String> settings) throws IOException {
        Path data = dir.resolve("data");
        if (!Files.exists(data)) {
            CaseRegister.copy(shared.resolve("data"), data);
        }
        app = ConsoleRegister.app(data, settings);
        server = new ConsoleServer(app, app.webSettings()).start();
    }

    @AfterEach
    void stopConsole() {
        server.close();
        app.close();
    }

    ConsoleClient client() {
        return new ConsoleClient(server.port());
    }

    ConsoleClient as(String user) {
        return client().loggedIn(user);
    }

    /** The reference of the case whose name is {@code name}. */
    String caseNamed(String name) {
        return app.caseService().list(cn.gdhrss.intake.register.CaseQuery.all(), 1000).stream().filter(row -> row.name().equals(name))
                .findFirst().map(CaseListing::reference).orElseThrow();
    }


    static List<String> references(String page) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("class=\"case-link\">(XZY-\\d{4}-\\d{4})<").matcher(page);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The /files/{message}/{seq} link of the file named {@code name} on the case page {@code page}. */
    static String fileLink(String page, String name) {
        Matcher matcher = Pattern.compile("<span class=\"file-name\">" + Pattern.quote(name) + "</span>.*?href=\"(/files/\\d+/\\d+)\"",
                Pattern.DOTALL).matcher(page);
        assertThat(matcher.find()).as("link of " + name).isTrue();
        return matcher.group(1);
    }
}
