package cn.gdhrss.intake.config;

import java.nio.file.Path;

/**
 * The configuration file is missing, unreadable or holds a value that cannot be used. The message is
 * what staff read on the command line after "错误：", so it is one Chinese sentence naming the file,
 * the key and what to write instead.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code key} in {@code source} holds {@code value}, but only {@code allowed} may stand there. */
    public static ConfigException wrongValue(Path source, String key, String allowed, String value) {
        return new ConfigException("配置文件 " + source + " 中的 " + key + " 只能是" + allowed + "，现为“" + value + "”。");
    }
}
