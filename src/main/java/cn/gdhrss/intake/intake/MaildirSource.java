package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Maildir (new/, cur/, tmp/), the embedded default. Messages are taken from {@code new/};
 * once registered a file moves to {@code cur/} with the standard info suffix ({@code :2,S} when
 * marked seen), or into the Maildir++ folder {@code .<name>/cur/} when moved. The uid is the unique
 * part of the file name (before the colon), which a file keeps when it moves.
 */
public final class MaildirSource implements MailSource {
    private static final Logger LOG = LoggerFactory.getLogger(MaildirSource.class);

    private final Path root;
    private final MailboxSettings.AfterCommit after;
    private final String moveFolder;
    private final String mailbox;

    public MaildirSource(MailboxSettings settings) {
        this.root = settings.maildir();
        this.after = settings.after();
        this.moveFolder = settings.moveFolder();
        this.mailbox = settings.mailboxName();
    }

    @Override
    public String mailbox() {
        return mailbox;
    }

    /** Creates an empty Maildir at {@code root} (first start of a data directory, or {@code mailbox.maildir-create}). */
    public static void create(Path root) {
        try {
            for (String dir : List.of("new", "cur", "tmp")) {
                Files.createDirectories(root.resolve(dir));
            }
        } catch (IOException e) {
            throw new MailboxUnavailableException("Maildir " + root + " cannot be created: " + e.getMessage(),
                    "邮箱文件夹 " + root + " 无法创建：" + e.getMessage(), e);
        }
    }

    /**
     * A Maildir that is gone is a fault reported, never recreated empty: it was renamed, moved or
     * unmounted, and an empty one would hide that. Only its missing new/, cur/ or tmp/ are made.
     */
    @Override
    public void open() {
        if (!Files.isDirectory(root)) {
            throw new MailboxUnavailableException("Maildir " + root + " does not exist",
                    "邮箱文件夹 " + root + " 不存在（是否被改名、移走或未挂载？），请恢复它，或在配置中改正 mailbox.maildir", null);
        }
        if (!Files.isReadable(root.resolve("new")) && Files.isDirectory(root.resolve("new"))) {
            throw new MailboxUnavailableException("Maildir " + root + "/new is not readable",
                    "邮箱文件夹 " + root.resolve("new") + " 无法读取（权限不足），请检查它的权限", null);
        }
        try {
            for (String dir : List.of("new", "cur", "tmp")) {
                Files.createDirectories(root.resolve(dir));
            }
        } catch (IOException e) {
            throw new MailboxUnavailableException("Maildir " + root + " cannot be read: " + e.getMessage(),
                    "邮箱文件夹 " + root + " 无法读取：" + e.getMessage(), e);
        }
    }

    /** Every file in new/, taken or not: a taken one is a move that a crash interrupted. */
    @Override
    public List<SourceMessage> pending(MailboxState state) {
        List<SourceMessage> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("new"))) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .forEach(file -> found.add(describe(file)));
        } catch (IOException e) {
            throw new MailboxUnavailableException("Maildir " + root + "/new cannot be listed: " + e.getMessage(), e);
        }
        return found;
    }

    /** Files: several are archived at once (issue 12). */
    @Override
    public boolean readsInParallel() {
        return true;
    }

    @Override
    public InputStream openRaw(SourceMessage message) throws IOException {
        return Files.newInputStream(root.resolve("new").resolve(message.uid()));
    }

    @Override
    public void afterCommit(SourceMessage message) {
        Path file = root.resolve("new").resolve(message.uid());
        try {
            switch (after) {
                case SEEN -> moveTo(file, root.resolve("cur"), message.uid() + ":2,S");
                case LEAVE -> moveTo(file, root.resolve("cur"), message.uid() + ":2,");
                case MOVE -> moveTo(file, root.resolve("." + moveFolder).resolve("cur"), message.uid() + ":2,S");
                case DELETE -> Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Maildir {}: registered message {} could not be moved out of new/; it will be seen again and deduplicated",
                    root, message.uid(), e);
        }
    }

    @Override
    public void close() {
        // nothing held open between calls
    }

    private static void moveTo(Path file, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.move(file, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static SourceMessage describe(Path file) {
        String name = file.getFileName().toString();
        long size;
        Instant modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            size = 0;
            modified = Instant.now();
        }
        Instant delivered = deliveryTime(name);
        return new SourceMessage(name, 0, delivered != null ? delivered : modified, size);
    }

    /** Maildir names begin with the delivery time in seconds: {@code 1717000000.M1P2.host}. */
    private static @Nullable Instant deliveryTime(String name) {
        int dot = name.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String seconds = name.substring(0, dot);
        if (!seconds.matches("\\d{9,11}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(seconds));
    }
}
