package cn.gdhrss.intake.web;

import cn.gdhrss.intake.config.WebSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a console account into the configuration file ({@code user add}): the line
 * {@code web.user.NAME = ROLE [CITY] BCRYPT-HASH} replaces the user's old line or is appended;
 * every other line and comment stays as it was. The file is rewritten through a temporary file.
 */
public final class AccountFile {
    /** User names go into a properties key: letters, digits, dot, dash, underscore. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private AccountFile() {}

    /** Writes the account; returns the line written (the hash included, the password never). */
    public static String write(Path config, String name, Role role, String city, String password) throws IOException {
        String line = WebSettings.USER_PREFIX + name + " = " + role.code() + (role == Role.CITY ? " " + city : "") + " "
                + Accounts.hash(password);
        List<String> lines = Files.exists(config) ? new ArrayList<>(Files.readAllLines(config, StandardCharsets.UTF_8)) : new ArrayList<>();
        Pattern own = Pattern.compile("^\\s*" + Pattern.quote(WebSettings.USER_PREFIX + name) + "\\s*[=:].*");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (own.matcher(lines.get(i)).matches()) {
                lines.set(i, line);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(line);
        }
        if (config.toAbsolutePath().getParent() != null) {
            Files.createDirectories(config.toAbsolutePath().getParent());
        }
        Path temp = config.resolveSibling(config.getFileName() + ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return line;
    }
}
