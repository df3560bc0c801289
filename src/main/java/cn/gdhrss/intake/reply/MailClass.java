package cn.gdhrss.intake.reply;

import java.util.Locale;
import java.util.Optional;

/**
 * What an incoming message is (issue 10). Only a submission opens a case and gets a receipt or a
 * correction; an enquiry gets one acknowledgement and waits for a person; the rest get nothing.
 */
public enum MailClass {
    SUBMISSION("submission", "申报材料"),
    ENQUIRY("enquiry", "咨询"),
    UNRELATED("unrelated", "无关邮件"),
    AUTOMATIC("automatic", "自动邮件");

    private final String code;
    private final String label;

    MailClass(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code stored in {@code messages.mail_class}. */
    public String code() {
        return code;
    }

    /** The Chinese name staff read. */
    public String label() {
        return label;
    }

    /** A class from its code or its Chinese name (also 申报, 无关, 自动), as staff type it. */
    public static Optional<MailClass> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (MailClass one : values()) {
            if (one.code.equals(key) || one.label.equals(key) || one.label.startsWith(key) && key.length() >= 2) {
                return Optional.of(one);
            }
        }
        return Optional.empty();
    }

    /** The Chinese name of a stored code; "" stays "" (not classified yet). */
    public static String labelOf(String code) {
        return parse(code).map(MailClass::label).orElse(code);
    }
}
