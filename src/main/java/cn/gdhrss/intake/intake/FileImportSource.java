package cn.gdhrss.intake.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mail saved from a client (.eml files, or folders of them) taken as if it came from the mailbox,
 * in the order given, a folder's files in name order. The received time comes from the headers
 * (topmost Received, else Date): staff import mail that arrived long before. Imported files are
 * never moved or deleted.
 */
public final class FileImportSource implements MailSource {
    public static final String MAILBOX = "import";

    private final List<Path> files;

    public FileImportSource(List<Path> paths) {
        this.files = expand(paths);
    }

    @Override
    public String mailbox() {
        return MAILBOX;
    }

    @Override
    public void open() {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new MailboxUnavailableException("Cannot read '" + file + "'");
            }
        }
    }

    /** Every file: imports are deduplicated by content, not by name. */
    @Override
    public List<SourceMessage> pending(MailboxState state) {
        List<SourceMessage> messages = new ArrayList<>();
        for (Path file : files) {
            messages.add(new SourceMessage(file.toAbsolutePath().normalize().toString(), 0, null, sizeOf(file)));
        }
        return messages;
    }

    /** Files: several are archived at once (issue 12). */
    @Override
    public boolean readsInParallel() {
        return true;
    }

    @Override
    public InputStream openRaw(SourceMessage message) throws IOException {
        return Files.newInputStream(Path.of(message.uid()));
    }

    @Override
    public void afterCommit(SourceMessage message) {
        // imported files stay where staff put them
    }

    @Override
    public void close() {
        // nothing held open
    }

    public int size() {
        return files.size();
    }

    /** The files to import, directories expanded, in import order. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> found = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(file -> !file.getFileName().toString().startsWith("."))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                found.add(path);
            }
        }
        return found;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
