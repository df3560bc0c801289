package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files of the data directory (a message being archived, an attachment being stored, a
 * reply being written), named after the process that writes them: {@code <prefix>~<pid>~<random><suffix>}.
 * A process killed mid-write leaves its file behind; the next start removes every such file whose
 * process is gone, and never one a live process (a running service, another command) still writes.
 */
public final class TemporaryFiles {
    private static final Pattern OWNER = Pattern.compile("~(\\d+)~");
    /** Files of the naming before owners were recorded: surely abandoned after this long. */
    private static final Duration UNOWNED_AGE = Duration.ofHours(1);
    private static final long PID = ProcessHandle.current().pid();

    private TemporaryFiles() {}

    /** A new empty temporary file in {@code dir} (created if needed), owned by this process. */
    public static Path create(Path dir, String prefix, String suffix) throws IOException {
        return Files.createTempFile(Files.createDirectories(dir), prefix + "~" + PID + "~", suffix);
    }

    /**
     * Removes from {@code dir} (not below it) the files ending in {@code suffix} that a process now
     * gone was writing; returns them. A missing directory has none.
     */
    public static List<Path> removeAbandoned(Path dir, String suffix) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        Instant unownedBefore = Instant.now().minus(UNOWNED_AGE);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                if (isAbandoned(file, unownedBefore) && Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    private static boolean isAbandoned(Path file, Instant unownedBefore) throws IOException {
        Matcher owner = OWNER.matcher(file.getFileName().toString());
        if (owner.find()) {
            long pid = Long.parseLong(owner.group(1));
            return pid != PID && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        }
        FileTime modified = Files.getLastModifiedTime(file);
        return modified.toInstant().isBefore(unownedBefore);
    }
}
