package cn.gdhrss.intake.register;

import cn.gdhrss.intake.config.FileReason;
import java.sql.SQLException;

/**
 * The register could not be read or written. The message is one Chinese sentence for staff (printed
 * after "错误：" on the command line); the driver's English text stays in the cause for the log.
 */
public final class RegisterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegisterException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegisterException(String message) {
        super(message);
    }

    /** A statement on the open register {@code subject} failed: the transaction was rolled back. */
    static RegisterException failed(String subject, Exception cause) {
        return new RegisterException(subject + "读写失败（" + reason(cause)
                + "），本次操作未生效，请稍后重试；仍然失败请把数据目录下 logs 中的日志交给技术支持。", cause);
    }

    /** A few Chinese words for why SQLite or the file system refused; primary SQLite result codes. */
    static String reason(Exception error) {
        if (!(error instanceof SQLException sql)) {
            return FileReason.of(error);
        }
        return switch (sql.getErrorCode() & 0xff) {
            case 3 -> "没有访问权限";
            case 5, 6 -> "正被另一个进程锁定";
            case 8 -> "文件只读";
            case 10 -> "磁盘读写出错";
            case 11 -> "文件已损坏";
            case 13 -> "磁盘已满";
            case 14 -> "无法打开该文件，路径可能是目录或没有权限";
            case 19 -> "数据不符合登记库的约束";
            case 26 -> "这不是登记库文件";
            default -> "数据库出错";
        };
    }
}
