package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads which option of 一、申报类别 is ticked. Applicants tick in every way: √ ✓ ✔ ☑ ■ ● x X or any
 * other mark inside the brackets before an option, a mark without brackets, or a mark after it.
 */
final class CategoryMarks {

    /** Empty boxes and circles, which mean "not ticked", plus what surrounds a mark. */
    private static final Pattern NOT_A_MARK =
            Pattern.compile("[()\\[\\]□☐○◯〇_\\s\\u2460-\\u2473^®*,，;；、.。/|否无]");

    private CategoryMarks() {}

    /** The options ticked, in form order; empty when none is. */
    static Set<Category> ticked(String optionsText) {
        String text = FormText.unifyBrackets(optionsText.replaceAll("\\s+", ""));
        List<Option> options = options(text);
        if (options.isEmpty()) {
            return EnumSet.noneOf(Category.class);
        }
        if (hasMarksAfterOptions(text, options)) {
            return markedOptions(text, options, false);
        }
        Set<Category> before = markedOptions(text, options, true);
        if (!before.isEmpty()) {
            return before;
        }
        Set<Category> after = markedOptions(text, options, false);
        if (!after.isEmpty()) {
            return after;
        }
        // An applicant who deleted the other options has chosen the one that remains.
        if (options.size() == 1) {
            return EnumSet.of(options.get(0).category());
        }
        return EnumSet.noneOf(Category.class);
    }

    /**
     * "新职业( √ ) 新工种( )", "新职业√ 新工种", "新职业（是）": nothing at all before the first option
     * (no bracket, no box, no mark), so the marks follow the options they tick.
     */
    private static boolean hasMarksAfterOptions(String text, List<Option> options) {
        String head = text.substring(0, options.get(0).start());
        String tail = text.substring(options.get(options.size() - 1).end());
        boolean headBlank = head.replaceAll("[\\s\\u2460-\\u2473^:一二三、.]", "").isEmpty();
        return headBlank && (tail.indexOf('(') >= 0 || hasMarkBetween(text, options));
    }

    private static boolean hasMarkBetween(String text, List<Option> options) {
        for (int i = 0; i + 1 < options.size(); i++) {
            if (isMark(text.substring(options.get(i).end(), options.get(i + 1).start()))) {
                return true;
            }
        }
        return isMark(text.substring(options.get(options.size() - 1).end()));
    }

    private record Option(Category category, int start, int end) {}

    private static List<Option> options(String text) {
        List<Option> options = new ArrayList<>();
        add(options, Category.NEW_OCCUPATION, text, text.indexOf("新职业"), 3);
        add(options, Category.NEW_JOB_TYPE, text, text.indexOf("新工种"), 3);
        int change = text.indexOf("调整变更");
        if (change < 0) {
            change = text.indexOf("调整");
        }
        if (change >= 0) {
            int info = text.indexOf("信息", change);
            int end = info >= 0 && info - change < 20 ? info + 2 : change + 4;
            options.add(new Option(Category.CHANGE, change, Math.min(end, text.length())));
        }
        options.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return options;
    }

    private static void add(List<Option> options, Category category, String text, int start, int length) {
        if (start >= 0) {
            options.add(new Option(category, start, Math.min(start + length, text.length())));
        }
    }

    private static Set<Category> markedOptions(String text, List<Option> options, boolean before) {
        Set<Category> marked = EnumSet.noneOf(Category.class);
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            String region = before
                    ? text.substring(i == 0 ? 0 : options.get(i - 1).end(), option.start())
                    : text.substring(option.end(), i + 1 < options.size() ? options.get(i + 1).start() : text.length());
            if (isMark(region)) {
                marked.add(option.category());
            }
        }
        return marked;
    }

    private static boolean isMark(String region) {
        String mark = NOT_A_MARK.matcher(region).replaceAll("");
        return !mark.isEmpty() && mark.length() <= 3;
    }
}
