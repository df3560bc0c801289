package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.attachment.TemporaryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine faults now being waited out ({@link Fault}), since when, and the last detail. Logs
 * one line per fault kind per minute (INFO), without a stack trace, and one line when it clears. Keeps
 * {@code <data>/faults.properties} current so that {@code status} (another process) sees them;
 * that file is written best-effort, since a full disk may refuse it too (status then finds the
 * disk full by itself).
 */
public final class FaultWatch {
    public static final String FILE = "faults.properties";
    private static final Logger LOG = LoggerFactory.getLogger(FaultWatch.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    /** A fault being waited out: since when, the latest detail (English, for the log) and when it was last logged. */
    public record Active(Instant since, String detail, Instant loggedAt) {}

    private final Path file;
    private final Clock clock;
    private final Map<Fault, Active> active = new EnumMap<>(Fault.class);

    /** Starts from what the file says: a fault an earlier process met is still reported until a pass clears it. */
    public FaultWatch(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
        read(dataDir).forEach((fault, since) -> active.put(fault, new Active(since, "met by an earlier process", Instant.EPOCH)));
    }

    /** Notes that {@code fault} holds now; logs it if it is new or was last logged a minute ago. */
    public synchronized void report(Fault fault, String detail) {
        Instant now = clock.instant();
        Active before = active.get(fault);
        boolean log = before == null || !before.loggedAt().plus(LOG_EVERY).isAfter(now);
        active.put(fault, new Active(before == null ? now : before.since(), detail, log ? now : before.loggedAt()));
        if (log) {
            // INFO: the service's console and log show it; a one-off command prints its own sentence instead.
            LOG.info("Waiting out {} since {} (not counted against any message): {}", fault.code(),
                    before == null ? now : before.since(), detail);
        }
        if (before == null) {
            save();
        }
    }

    /** Notes that {@code fault} no longer holds. */
    public synchronized void clear(Fault fault) {
        Active before = active.remove(fault);
        if (before != null) {
            LOG.info("{} cleared after {} s; processing resumes", fault.code(),
                    Duration.between(before.since(), clock.instant()).toSeconds());
            save();
        }
    }

    public synchronized Map<Fault, Active> active() {
        return Map.copyOf(active);
    }

    private void save() {
        Properties values = new Properties();
        active.forEach((fault, state) -> values.setProperty(fault.code(), state.since().toString()));
        try {
            Files.createDirectories(file.getParent());
            if (values.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path temp = TemporaryFiles.create(file.getParent(), ".faults", ".part");
            try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(writer, "faults being waited out by the service, and since when");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.debug("Cannot write {}: {}", file, e.toString());
        }
    }

    /** The faults the service under {@code dataDir} last said it is waiting out, and since when. */
    public static Map<Fault, Instant> read(Path dataDir) {
        Map<Fault, Instant> faults = new LinkedHashMap<>();
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return faults;
        }
        Properties values = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            return faults;
        }
        for (String code : values.stringPropertyNames()) {
            Fault.ofCode(code).ifPresent(fault -> {
                try {
                    faults.put(fault, Instant.parse(values.getProperty(code)));
                } catch (DateTimeParseException e) {
                    faults.put(fault, Instant.EPOCH);
                }
            });
        }
        return faults;
    }
}
