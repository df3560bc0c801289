package cn.gdhrss.intake.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may do what in the console: province staff everything, city staff their city's cases, readers look only. */
public enum Role {
    PROVINCE("province", "省级工作人员"),
    CITY("city", "地市工作人员"),
    READER("reader", "只读审阅人");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> parse(String text) {
        String typed = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.code.equals(typed)).findFirst();
    }
}
