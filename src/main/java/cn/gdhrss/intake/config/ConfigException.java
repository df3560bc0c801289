package cn.gdhrss.intake.config;

/** The configuration file is missing, unreadable or holds a value that cannot be used. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
