package cn.gdhrss.intake.form;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax of the contact boxes: mainland China phone numbers and e-mail addresses as applicants
 * type them. A box may hold several numbers or addresses (020-83305821/13800138000); each is
 * checked on its own.
 */
final class ContactFormat {

    private static final int MAX_ITEMS = 10;
    private static final Pattern ITEM_SEPARATORS = Pattern.compile("[/、,，;；\\n]|或|及");
    /** An extension written after the number: 转123, 分机123, ext. 123, #123. */
    private static final Pattern EXTENSION = Pattern.compile("(转|分机|ext\\.?|#)\\s*\\d{1,6}", Pattern.CASE_INSENSITIVE);
    /** Labels and notes around a number (手机：, 座机, （办公室）): everything but a number's own characters. */
    private static final Pattern NOT_PHONE_CHARACTERS = Pattern.compile("[^0-9+()\\-\\s.]");
    private static final Pattern COUNTRY_CODE = Pattern.compile("^(\\(?(\\+|00)86\\)?)[\\s\\-]*");
    private static final Pattern HYPHEN_EXTENSION = Pattern.compile("^(.*\\d)\\s*-\\s*\\d{1,6}$");
    private static final Pattern EMAIL_SEPARATORS = Pattern.compile("[/、,，;；\\n]+");
    private static final Pattern SEVERAL_EMAIL_SEPARATORS = Pattern.compile("[/、,，;；\\s]+");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** 010, 02x (3 digits) or 0[3-9]xx (4 digits), then a local number of 7 or 8 digits not starting with 0 or 1. */
    private static final Pattern LANDLINE = Pattern.compile("0(10|2\\d|[3-9]\\d{2})[2-9]\\d{6,7}");
    private static final Pattern SERVICE = Pattern.compile("[48]00\\d{7}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9_%+\\-]+(\\.[A-Za-z0-9_%+\\-]+)*@[A-Za-z0-9]([A-Za-z0-9\\-]*[A-Za-z0-9])?"
                    + "(\\.[A-Za-z0-9]([A-Za-z0-9\\-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}");
    private static final Pattern FULL_WIDTH_MAIL_CHARACTER = Pattern.compile("[＠．。，　]|[\\uFF01-\\uFF5E]");

    private ContactFormat() {}

    /**
     * A phone box as the checks and the register should see it (issue 13): full-width digits,
     * brackets, plus and hyphens (０２０－８３３０５８２１) typed by a Chinese input method made
     * half-width; everything else kept.
     */
    static String normalisePhone(String box) {
        return FormText.asciiDigits(halfWidth(box));
    }

    /** An e-mail box with ＠, ．, 。 and full-width letters made half-width (zhangsan＠example．com). */
    static String normaliseEmail(String box) {
        return halfWidth(box).replace('。', '.').replace('｡', '.');
    }

    /** NFKC on the full-width ASCII block and the ideographic space only, so Chinese text is untouched. */
    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The numbers of a phone box, split at /、，；或 and line breaks; at most ten. */
    static List<String> phoneItems(String box) {
        return items(box, ITEM_SEPARATORS);
    }

    /**
     * Whether one number is a mainland phone number: an 11-digit mobile 1[3-9]xxxxxxxxx, a
     * landline with its area code (020-83305821, (0757)8888 8888, 0757-88888888转123), or a
     * 400/800 service number; +86/0086 in front, spaces, hyphens and brackets allowed.
     */
    static boolean isPhone(String item) {
        if (isOnePhone(item)) {
            return true;
        }
        // Two numbers separated by spaces only: 020-83305821 13800138000.
        String[] parts = item.trim().split("\\s+");
        return parts.length > 1 && parts.length <= MAX_ITEMS
                && java.util.Arrays.stream(parts).allMatch(ContactFormat::isOnePhone);
    }

    private static boolean isOnePhone(String item) {
        String text = Normalizer.normalize(item, Normalizer.Form.NFKC);
        text = EXTENSION.matcher(text).replaceFirst("");
        text = NOT_PHONE_CHARACTERS.matcher(text).replaceAll("").replace("()", "").trim();
        if (isNumber(text)) {
            return true;
        }
        var hyphenExtension = HYPHEN_EXTENSION.matcher(text);
        return hyphenExtension.matches() && isNumber(hyphenExtension.group(1));
    }

    private static boolean isNumber(String text) {
        var country = COUNTRY_CODE.matcher(text);
        boolean international = country.find();
        String digits = (international ? text.substring(country.end()) : text).replaceAll("[\\s\\-().]", "");
        if (!digits.matches("\\d{7,20}")) {
            return false;
        }
        if (international && !digits.startsWith("1")) {
            digits = "0" + digits;
        }
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()
                || SERVICE.matcher(digits).matches();
    }

    /** The addresses of an e-mail box, split at ;，、/ (and white space when it holds several @); at most ten. */
    static List<String> emailItems(String box) {
        // White space separates addresses only when there are several; inside one it is a typo.
        boolean several = box.chars().filter(c -> c == '@' || c == '＠').count() > 1;
        return items(box, several ? SEVERAL_EMAIL_SEPARATORS : EMAIL_SEPARATORS);
    }

    /** Whether one address is syntactically an address: local@domain.tld, ASCII only. */
    static boolean isEmail(String item) {
        return item.length() <= 254 && EMAIL.matcher(item).matches();
    }

    /** The first full-width character that would make a valid address when typed half-width (＠, ．, Ａ…). */
    static Optional<String> fullWidthCharacter(String item) {
        var matcher = FULL_WIDTH_MAIL_CHARACTER.matcher(item);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static List<String> items(String box, Pattern separators) {
        List<String> items = new ArrayList<>();
        for (String item : separators.split(box.length() > 1_000 ? box.substring(0, 1_000) : box)) {
            if (!item.isBlank() && items.size() < MAX_ITEMS) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
