package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.attachment.TemporaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code <data>/service.heartbeat}: the running service writes its pid, start and the time of its
 * last beat (once a minute); {@code status} reads it to tell staff whether the service runs. The
 * file is removed when the service stops; a file left by a killed service names a pid that is gone
 * or a beat that is old.
 */
public final class ServiceHeartbeat {
    public static final String FILE = "service.heartbeat";
    /** A beat older than this means the service hangs or died without removing the file. */
    public static final Duration STALE = Duration.ofMinutes(3);

    /** What the file says: the service's pid, when it started and when it last beat. */
    public record Beat(long pid, Instant startedAt, Instant beatAt) {
        /** True when the process is alive and beat recently. */
        public boolean isAlive(Instant now) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && beatAt.plus(STALE).isAfter(now);
        }
    }

    private final Path file;
    private final Clock clock;
    private final Instant startedAt;

    public ServiceHeartbeat(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Writes the beat of this process now (temporary file and rename: a reader sees a whole file). */
    public void beat() {
        String text = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + startedAt + "\nbeat=" + clock.instant() + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path temp = TemporaryFiles.create(file.getParent(), ".heartbeat", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write heartbeat '" + file + "'", e);
        }
    }

    /** Removes the file when the service stops. */
    public void stop() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove heartbeat '" + file + "'", e);
        }
    }

    /** The last beat written under {@code dataDir}, empty when no service wrote one (or it is unreadable). */
    public static Optional<Beat> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            java.util.Properties values = new java.util.Properties();
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            }
            return Optional.of(new Beat(Long.parseLong(values.getProperty("pid", "-1")),
                    Instant.parse(values.getProperty("started", "")), Instant.parse(values.getProperty("beat", ""))));
        } catch (IOException | NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
