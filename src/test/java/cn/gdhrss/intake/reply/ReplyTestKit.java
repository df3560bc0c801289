package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.pipeline.ProcessingStep;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.MessageStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An App whose parse step is the test's: messages go straight from received to parsed. */
public final class ReplyTestKit {
    public static final Path SUBMISSIONS = Path.of("src/test/resources/reply/submissions");

    private ReplyTestKit() {}

    /** The tiny stand-in step of the parse step: received → parsed. */
    static final class ParsedStep implements ProcessingStep {
        private final MessageRepository messages;

        ParsedStep(MessageRepository messages) {
            this.messages = messages;
        }

        @Override
        public String name() {
            return "parse";
        }

        @Override
        public MessageStatus fromStatus() {
            return MessageStatus.RECEIVED;
        }

        @Override
        public void apply(MessageRecord message) {
            messages.advance(message.id(), "received", "parsed", "parsed", "test parse");
        }
    }

    public static App.Stages stages(Path dataDir) {
        return new App.Stages(messages -> List.of(new ParsedStep(messages)), messages -> new MimeFormsLoader(dataDir));
    }

    public static App app(Path dataDir, Map<String, String> settings, Clock clock) {
        Map<String, String> all = new HashMap<>(Map.of("reply.retry.initial-seconds", "1"));
        all.putAll(settings);
        return new App(dataDir, Settings.of(all), clock, stages(dataDir));
    }

    public static void importFiles(App app, Path... files) {
        app.intake().runOnce(new FileImportSource(List.of(files)), done -> { }).orElseThrow();
    }

    public static List<Path> outboxFiles(Path dataDir) throws IOException {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** A raw message written into {@code dir}, CRLF line ends, exactly as given. */
    public static Path write(Path dir, String name, String raw) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
