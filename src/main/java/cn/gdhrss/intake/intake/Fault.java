package cn.gdhrss.intake.intake;

import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Optional;

/**
 * A fault of the machine, not of a message: while it lasts no message can be processed, and once it
 * clears every message can. Such a fault is waited out: it is never counted as a message's failed
 * attempt (that would set good mail aside as failed within seconds of a full disk), it is logged as
 * one line a minute without a stack trace, and {@code status} and the health mail report it.
 */
public enum Fault {
    DISK_FULL("disk_full", "数据目录所在的磁盘已满，服务暂停处理，腾出空间后自动继续",
            "数据目录所在的磁盘已满，请腾出空间后再运行本命令（已登记的邮件不受影响）。"),
    REGISTER_BUSY("register_busy", "登记库正被另一个进程锁定，服务暂停处理，锁释放后自动继续",
            "登记库正被另一个进程锁定，请等该进程结束后再运行本命令（已登记的邮件不受影响）。"),
    MAILBOX_DOWN("mailbox_down", "邮箱暂时无法读取，服务按退避间隔重试", "邮箱暂时无法读取，请稍后再试。");

    private final String code;
    private final String sentence;
    private final String commandSentence;

    Fault(String code, String sentence, String commandSentence) {
        this.code = code;
        this.sentence = sentence;
        this.commandSentence = commandSentence;
    }

    /** What a one-off command (poll, import, reprocess ...) prints when it meets the fault. */
    public String commandSentence() {
        return commandSentence;
    }

    public String code() {
        return code;
    }

    /** What staff read in {@code status} and the health mail. */
    public String sentence() {
        return sentence;
    }

    public static Optional<Fault> ofCode(String code) {
        for (Fault fault : values()) {
            if (fault.code.equals(code)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** The fault behind {@code error} (anywhere in its causes), if it is one of the machine's. */
    public static Optional<Fault> of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MailboxUnavailableException) {
                return Optional.of(MAILBOX_DOWN);
            }
            String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
                text = text + " " + fileSystem.getReason().toLowerCase(Locale.ROOT);
            }
            if (text.contains("no space left on device") || text.contains("disk quota exceeded")
                    || text.contains("sqlite_full") || text.contains("database or disk is full")) {
                return Optional.of(DISK_FULL);
            }
            if (text.contains("sqlite_busy") || text.contains("sqlite_locked") || text.contains("database is locked")
                    || text.contains("database table is locked")) {
                return Optional.of(REGISTER_BUSY);
            }
        }
        return Optional.empty();
    }
}
