package cn.gdhrss.intake.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code poll} in a JVM of its own on {@code data}, with every default, for the kill and crash tests. */
public final class ChildPoll {
    private ChildPoll() {}

    /** Starts {@code poll}; {@code jvmOptions} e.g. {@code -Dintake.crash-at=parse.saved:2}. Output goes to {@code data/child.log}. */
    public static Process start(Path data, String... jvmOptions) throws IOException {
        return start(data, "", List.of("poll"), jvmOptions);
    }

    /** Starts {@code command} with the given configuration text. */
    public static Process start(Path data, String config, List<String> command, String... jvmOptions) throws IOException {
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A --config naming a missing file is an error: an empty file means every default.
        Path configFile = Files.writeString(data.resolve("child.properties"), config, StandardCharsets.UTF_8);
        List<String> line = new ArrayList<>(List.of(java, "-Xmx256m"));
        line.addAll(List.of(jvmOptions));
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.gdhrss.intake.cli.Main"));
        line.addAll(command);
        line.addAll(List.of("--data", data.toString(), "--config", configFile.toString()));
        return new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("child.log").toFile())).start();
    }

    public static String log(Path data) throws IOException {
        Path log = data.resolve("child.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
