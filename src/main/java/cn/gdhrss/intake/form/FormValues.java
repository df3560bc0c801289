package cn.gdhrss.intake.form;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Values the forms hold as free text: dates, head counts, 大典 codes, numbered lists. */
final class FormValues {

    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[年\\-./]\\s*(\\d{1,2})\\s*[月\\-./]\\s*(\\d{1,2})\\s*[日号]?");
    /** A year in Chinese numerals, digit by digit: 二〇二六年. */
    private static final Pattern CHINESE_YEAR = Pattern.compile("([〇零○Ｏ一二三四五六七八九]{4})(?=\\s*年)");
    /** A month or day in Chinese numerals: 七月, 十二月, 三十一日. */
    private static final Pattern CHINESE_NUMBER = Pattern.compile("([一二三四五六七八九十]{1,3})(?=\\s*[月日号])");
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";
    private static final Pattern BLANK_DATE = Pattern.compile("[_＿\\s]*(年[_＿\\s]*月[_＿\\s]*日)?[_＿\\s]*");
    private static final Pattern COUNT = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,6})?)\\s*(万|亿)?");
    /** 大典 2022 codes: 2-02-10-13 for an occupation, 2-02-10-13-01 for a 工种. */
    private static final Pattern CODE = Pattern.compile("(?<![\\d-])\\d-\\d{2}-\\d{2}-\\d{2}(?:-\\d{2})?(?![\\d-])");
    private static final Pattern NUMBERING =
            Pattern.compile("(?:^|(?<=\\s))(?:[0-9０-９]{1,2}\\s*[.．、)）](?![0-9])|[(（][0-9０-９]{1,2}[)）]|[\\u2460-\\u2473])\\s*");
    private static final Pattern PLACEHOLDER = Pattern.compile("[.…。·、\\s]*");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[；;、，,/]+");

    private FormValues() {}

    /** True when a date box holds nothing but the blank of the template ("_____年__月__日"). */
    static boolean isBlankDate(String text) {
        return BLANK_DATE.matcher(text).matches();
    }

    /**
     * 2026年7月1日, 2026年07月01号, 2026-07-01, 2026.7.1, 2026/7/1, 二〇二六年七月一日 (full-width digits
     * too); empty when unreadable.
     */
    static Optional<LocalDate> date(String text) {
        Matcher matcher = DATE.matcher(arabic(FormText.asciiDigits(text).replaceAll("[_＿]", "")));
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** 二〇二六年七月一日 as 2026年7月1日: the year digit by digit, month and day as numbers. */
    private static String arabic(String text) {
        String years = CHINESE_YEAR.matcher(text).replaceAll(match -> {
            StringBuilder digits = new StringBuilder();
            for (char c : match.group(1).toCharArray()) {
                digits.append(c == '零' || c == '○' || c == 'Ｏ' ? 0 : CHINESE_DIGITS.indexOf(c));
            }
            return digits.toString();
        });
        return CHINESE_NUMBER.matcher(years).replaceAll(match -> String.valueOf(chineseNumber(match.group(1))));
    }

    /** 一 to 九十九: 七 is 7, 十二 is 12, 三十一 is 31. */
    private static int chineseNumber(String numerals) {
        int ten = numerals.indexOf('十');
        if (ten < 0) {
            return CHINESE_DIGITS.indexOf(numerals.charAt(numerals.length() - 1));
        }
        int tens = ten == 0 ? 1 : Math.max(0, CHINESE_DIGITS.indexOf(numerals.charAt(ten - 1)));
        int ones = ten + 1 < numerals.length() ? Math.max(0, CHINESE_DIGITS.indexOf(numerals.charAt(ten + 1))) : 0;
        return tens * 10 + ones;
    }

    /** The number in 全国从业人数, 万 and 亿 understood ("约12.5万人" is 125000); null when none. */
    static @Nullable Long count(String text) {
        String digits = FormText.asciiDigits(text).replaceAll("(?<=\\d)[,，](?=\\d{3})", "");
        Matcher matcher = COUNT.matcher(digits);
        if (!matcher.find()) {
            return null;
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        if ("万".equals(matcher.group(2))) {
            number = number.multiply(BigDecimal.valueOf(10_000));
        } else if ("亿".equals(matcher.group(2))) {
            number = number.multiply(BigDecimal.valueOf(100_000_000));
        }
        try {
            return number.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    /**
     * A 序号 as the integer proposal-fields.md asks for: the number written ("3", "３", "3." or
     * "第3项"), else the row's position (1-based).
     */
    static int serialNumber(String written, int position) {
        Matcher matcher = SERIAL.matcher(FormText.asciiDigits(written));
        if (matcher.find()) {
            try {
                return Integer.parseInt(matcher.group());
            } catch (NumberFormatException tooLong) {
                return position;
            }
        }
        return position;
    }

    /** 备选名称 of the summary table as a list: split at 1. 2. / ；/ 、 / line breaks, blanks dropped. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        for (String item : items(List.of(text))) {
            for (String name : NAME_SEPARATORS.split(item)) {
                if (!name.isBlank() && names.size() < 100) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    /** The 大典 codes written in a text, in order, each once. */
    static List<String> codes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher matcher = CODE.matcher(FormText.asciiDigits(text));
        while (matcher.find() && codes.size() < 100) {
            codes.add(matcher.group());
        }
        return List.copyOf(codes);
    }

    /**
     * The entries of a numbered box: each chunk split at line breaks and at "1." "2、" "(3)" "④";
     * numbers, blanks and the template's "..." dropped.
     */
    static List<String> items(List<String> chunks) {
        List<String> items = new ArrayList<>();
        for (String chunk : chunks) {
            for (String line : chunk.split("\n")) {
                for (String part : NUMBERING.split(line)) {
                    String item = part.strip();
                    if (!PLACEHOLDER.matcher(item).matches()) {
                        items.add(item);
                    }
                }
            }
        }
        return items;
    }
}
