package cn.gdhrss.intake.form;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Text as found in Word and Excel, made comparable: labels typed by hand never match the template to
 * the character (spaces and line breaks inside, full- or half-width brackets, footnote markers such
 * as ③ or ^⑦ glued on, section numbers such as "二、").
 */
final class FormText {
    // Layout matching asks for the label of the same short cell texts many times per form (a profile of
    // the parse benchmark put a third of its time here); bounded, so hostile forms cannot grow it.
    private static final int CACHED_LABEL_LENGTH = 64;
    private static final int CACHED_LABELS = 8192;
    private static final java.util.Map<String, String> LABELS = new java.util.concurrent.ConcurrentHashMap<>();


    /** Circled numbers, carets, superscript digits, the ® some converters make of ⑧, stars. */
    private static final Pattern FOOTNOTE_MARKERS =
            Pattern.compile("[\\u2460-\\u2473\\u24EA\\u2776-\\u277F^®*¹²³\\u2070-\\u2079]|\\[(?:foot|end)noteRef:\\d+]");
    private static final Pattern SECTION_NUMBER = Pattern.compile("^[一二三四五六七八九十]{1,3}[、.．,，]");
    private static final Pattern LENGTH_LIMIT = Pattern.compile("\\(\\d{2,4}字以内\\)");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000\\u200B\\uFEFF]+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F]");

    /**
     * The placeholders Word shows in an empty content control. Saved as .doc, RTF or a web page
     * they become ordinary text; nobody types them as an answer, so they mean an empty box.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "单击或点击此处输入文字。|单击此处输入文字。|单击或点击此处输入日期。|单击此处输入日期。|选择一项。"
                    + "|Click or tap here to enter text\\.|Click here to enter text\\.|Click or tap to enter a date\\."
                    + "|Choose an item\\.");

    private FormText() {}

    /** {@code text} without Word's content-control placeholders. */
    static String withoutPlaceholders(String text) {
        boolean mayHave = text.contains("此处输入") || text.contains("选择一项") || text.contains("Click")
                || text.contains("Choose");
        return mayHave ? PLACEHOLDER.matcher(text).replaceAll("") : text;
    }

    /** Line breaks as {@code \n}, control characters removed, no-break spaces as spaces; not trimmed. */
    static String clean(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u000B', '\n')
                .replace('\u000C', '\n').replace('\u00A0', ' ');
        return CONTROL.matcher(text).replaceAll("");
    }

    /** A box's value: trimmed lines, blank lines at both ends dropped, inner line breaks kept. */
    static String value(String raw) {
        String[] lines = clean(raw).split("\n", -1);
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (value.length() > 0) {
                value.append('\n');
            }
            value.append(line.strip());
        }
        return value.toString().strip();
    }

    /**
     * The comparable form of a label: no white space, ASCII brackets, no footnote markers, no section
     * number, no "(400字以内)", no trailing colon.
     */
    static String label(String raw) {
        if (raw.length() > CACHED_LABEL_LENGTH) {
            return normalisedLabel(raw);
        }
        String known = LABELS.get(raw);
        if (known != null) {
            return known;
        }
        String label = normalisedLabel(raw);
        if (LABELS.size() < CACHED_LABELS) {
            LABELS.put(raw, label);
        }
        return label;
    }

    private static String normalisedLabel(String raw) {
        String text = WHITESPACE.matcher(clean(raw)).replaceAll("");
        text = unifyBrackets(text);
        text = FOOTNOTE_MARKERS.matcher(text).replaceAll("");
        text = SECTION_NUMBER.matcher(text).replaceAll("");
        text = LENGTH_LIMIT.matcher(text).replaceAll("");
        while (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** The label key: {@link #label} without "(工种)", so 职业名称 and 职业(工种)名称 are one label. */
    static String labelKey(String raw) {
        return label(raw).replace("(工种)", "");
    }

    static String unifyBrackets(String text) {
        return text.replace('（', '(').replace('）', ')').replace('：', ':').replace('／', '/')
                .replace('【', '[').replace('】', ']');
    }

    /** Full-width digits and dashes as ASCII, for numbers, codes and dates. */
    static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) (c - '０' + '0'));
            } else if (c == '－' || c == '‐' || c == '‑' || c == '–' || c == '—') {
                out.append('-');
            } else if (c == '．') {
                out.append('.');
            } else if (c == '／') {
                out.append('/');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes the underscores of a blank to fill in ("_____"), keeping what was written on them. */
    static String withoutBlanks(String text) {
        return text.replaceAll("[_＿]+", " ").strip();
    }

    /** The part after the first colon (full or half width), or null when there is none. */
    static @Nullable String afterColon(String text) {
        int colon = firstColon(text);
        return colon < 0 ? null : text.substring(colon + 1);
    }

    static int firstColon(String text) {
        int full = text.indexOf('：');
        int half = text.indexOf(':');
        if (full < 0) {
            return half;
        }
        return half < 0 ? full : Math.min(full, half);
    }
}
