package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.MessageStatus;
import cn.gdhrss.intake.register.OutboxRepository;
import cn.gdhrss.intake.register.PassRepository;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The figures of the service's health that {@code status} prints and the console's front page
 * shows: the heartbeat, each mailbox's last good pass and how many recent passes failed in a row,
 * messages still being processed and those that failed, outgoing mail not yet delivered or in
 * trouble, and the free space under the data directory.
 *
 * @param lastSuccess the last successful pass by mailbox (null when none ever succeeded)
 * @param failedPassesInRow how many of the latest passes failed, newest first, until a good one
 * @param outboxWaiting queued, claimed or retrying mail
 * @param outboxTrouble failed or uncertain mail, and mail retried past the warning count
 */
public record ServiceHealth(Optional<ServiceHeartbeat.Beat> beat, boolean running, Map<String, @Nullable Instant> lastSuccess,
        int failedPassesInRow, @Nullable String lastPassError, int backlog, int failedMessages, int outboxWaiting, int outboxTrouble,
        long freeBytes, long totalBytes) {
    private static final List<String> WAITING = List.of(OutboxRepository.QUEUED, OutboxRepository.CLAIMED, OutboxRepository.RETRYING);

    public ServiceHealth {
        lastSuccess = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lastSuccess));
    }

    public static ServiceHealth read(Path dataDir, String mailbox, PassRepository passes, MessageRepository messages,
            OutboxRepository outbox, int warnAfter, Instant now) throws IOException {
        Optional<ServiceHeartbeat.Beat> beat = ServiceHeartbeat.read(dataDir);
        Map<String, @Nullable Instant> last = new LinkedHashMap<>(passes.lastSuccessByMailbox());
        last.putIfAbsent(mailbox, null);
        int failedInRow = 0;
        String lastError = null;
        for (PassRepository.PassRecord pass : passes.listRecent(50)) {
            if (pass.isOk()) {
                break;
            }
            lastError = lastError == null ? pass.error() : lastError;
            failedInRow++;
        }
        Map<String, Integer> counts = messages.countByStatus();
        int backlog = counts.entrySet().stream().filter(entry -> MessageStatus.of(entry.getKey()).map(status -> !status.isFinal()).orElse(true))
                .mapToInt(Map.Entry::getValue).sum();
        Map<String, Integer> mail = outbox.countByState();
        int waiting = WAITING.stream().mapToInt(state -> mail.getOrDefault(state, 0)).sum();
        Files.createDirectories(dataDir);
        FileStore store = Files.getFileStore(dataDir);
        return new ServiceHealth(beat, beat.map(one -> one.isAlive(now)).orElse(false), last, failedInRow, lastError, backlog,
                counts.getOrDefault(MessageRepository.FAILED, 0), waiting, outbox.listTrouble(warnAfter).size(),
                store.getUsableSpace(), store.getTotalSpace());
    }

    /** The name staff read for a mailbox: imported .eml files are not a mailbox they configured. */
    public static String mailboxLabel(String mailbox) {
        return FileImportSource.MAILBOX.equals(mailbox) ? "导入的邮件文件" : "邮箱 " + mailbox;
    }
}
