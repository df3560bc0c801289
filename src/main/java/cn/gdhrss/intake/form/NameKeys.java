package cn.gdhrss.intake.form;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison keys of names and texts typed by hand in Word or WPS: full-width and half-width
 * forms, bracket shapes, spaces and line breaks must not make two equal names differ.
 */
final class NameKeys {

    /** Longest name or text, in characters, that a key is built from; input beyond it is cut. */
    static final int MAX_KEY_INPUT = 4_000;

    private static final Pattern NOT_IN_OCCUPATION_KEY =
            Pattern.compile("[\\s\\p{Z}()\\[\\]{}<>〈〉《》「」『』【】〔〕〖〗]");

    private NameKeys() {}

    /**
     * The key of an occupation name: NFKC, lower case, no white space, no bracket characters
     * (their content stays), and 人员 written as 员 (工程技术人员 = 工程技术员), as issue 3 asks.
     */
    static String occupationKey(String name) {
        return NOT_IN_OCCUPATION_KEY.matcher(basic(name)).replaceAll("").replace("人员", "员");
    }

    /**
     * The key of an industry name of GB/T 4754-2017: NFKC, lower case, no white space, brackets
     * or punctuation, so that 农林牧渔业 matches 农、林、牧、渔业.
     */
    static String industryKey(String name) {
        return contentKey(name);
    }

    /** Letters, digits and ideographs only: what two texts must share to say the same thing. */
    static String contentKey(String text) {
        String basic = basic(text);
        StringBuilder key = new StringBuilder(basic.length());
        basic.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static String basic(String text) {
        String bounded = text.length() > MAX_KEY_INPUT ? text.substring(0, MAX_KEY_INPUT) : text;
        return Normalizer.normalize(bounded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
