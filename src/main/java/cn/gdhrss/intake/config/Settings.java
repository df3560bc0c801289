package cn.gdhrss.intake.config;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The key/value pairs of {@code conf/intake.properties} (read as UTF-8, so Chinese folder names
 * work), with typed getters that name the key and file when a value is wrong. Secrets are never in
 * the file: a key ending in {@code .env} names the environment variable that holds the secret.
 */
public final class Settings {
    private final Path source;
    private final Map<String, String> values;
    private final Map<String, String> environment;

    public Settings(Path source, Map<String, String> values, Map<String, String> environment) {
        this.source = source;
        this.values = Map.copyOf(values);
        this.environment = Map.copyOf(environment);
    }

    /** Reads {@code file}; a missing file gives the built-in defaults (the embedded Maildir). */
    public static Settings load(Path file, Map<String, String> environment) {
        Map<String, String> values = new TreeMap<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new ConfigException("配置文件 " + file + " 无法读取（" + FileReason.of(e) + "），请检查该文件的权限和编码。", e);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("配置文件 " + file + " 中有写错的 \\u 转义，请把作为普通字符的反斜杠写成两个（\\\\）。", e);
            }
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        }
        return new Settings(file, values, environment);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(Path.of("(in memory)"), values, Map.of());
    }

    public Path source() {
        return source;
    }

    public String string(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    public Optional<String> optional(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public int integer(String key, int fallback) {
        return (int) number(key, fallback);
    }

    public long number(String key, long fallback) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return parseSize(value);
        } catch (NumberFormatException e) {
            throw ConfigException.wrongValue(source, key, "整数（可带 k、m、g 后缀）", value);
        }
    }

    public boolean flag(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw ConfigException.wrongValue(source, key, " true 或 false", value);
        };
    }

    /** A schedule: checked here, since the scheduler's own refusal only comes when serve starts, in English. */
    public String cron(String key, String fallback) {
        String value = string(key, fallback);
        if (!org.quartz.CronExpression.isValidExpression(value)) {
            throw ConfigException.wrongValue(source, key, "秒 分 时 日 月 周 六段的定时表达式（如 0 0/2 * * * ?）", value);
        }
        return value;
    }

    /** The secret named by {@code key}: the key's value is the name of an environment variable. */
    public Optional<String> secret(String key) {
        return optional(key).map(environment::get).filter(value -> !value.isEmpty());
    }

    /** All pairs whose key starts with {@code prefix}, the prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    private static long parseSize(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replace("_", "");
        long unit = 1;
        char last = lower.charAt(lower.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            lower = lower.substring(0, lower.length() - 1);
        }
        return Long.parseLong(lower.trim()) * unit;
    }
}
