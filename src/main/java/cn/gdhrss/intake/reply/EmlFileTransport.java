package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import cn.gdhrss.intake.attachment.TemporaryFiles;
import cn.gdhrss.intake.intake.CrashPoints;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The embedded default when no SMTP server is configured: each outgoing mail becomes
 * {@code <data>/outbox/<id>-<kind>.eml}, written to a temporary file, forced to disk and renamed, so
 * a file under its final name is whole and writing the same row again leaves one file.
 */
public final class EmlFileTransport implements MailTransport {
    private final Path directory;

    public EmlFileTransport(Path directory) {
        this.directory = directory;
    }

    @Override
    public String deliver(OutboxRecord row, MimeMessage message, Runnable beforeTransmit) throws DeliveryException {
        try {
            Files.createDirectories(directory);
            Path target = fileOf(row);
            Path temp = TemporaryFiles.create(directory, "." + row.id(), ".part");
            try {
                beforeTransmit.run();
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    // Buffered: MimeMessage writes a line at a time, which was a system call each (issue 12's profile).
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                    message.writeTo(out);
                    out.flush();
                    CrashPoints.reach("outbox.writing");
                    channel.force(true);
                }
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            return "已写入文件 " + target;
        } catch (IOException | MessagingException e) {
            throw new DeliveryException("Cannot write outbox file in '" + directory + "': " + e.getMessage(), false, e);
        }
    }

    public Path fileOf(OutboxRecord row) {
        return directory.resolve(String.format(Locale.ROOT, "%06d-%s.eml", row.id(), row.kind()));
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public boolean isIdempotent() {
        return true;
    }

    @Override
    public boolean leavesMachine() {
        return false;
    }

    @Override
    public String describe() {
        return "eml:" + directory;
    }
}
