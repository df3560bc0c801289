package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.App;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A separate process for the kill tests: imports one file with the test's parse stand-in and sends
 * over SMTP to {@code 127.0.0.1:<port>}. Arguments: data dir, port, .eml file.
 */
public final class ChildImport {
    private ChildImport() {}

    public static void main(String[] args) {
        Map<String, String> smtp = Map.of("smtp.host", "127.0.0.1", "smtp.port", args[1], "smtp.security", "none",
                "smtp.timeout.seconds", "300");
        try (App app = ReplyTestKit.app(Path.of(args[0]), smtp, Clock.systemUTC())) {
            ReplyTestKit.importFiles(app, Path.of(args[2]));
        }
    }
}
