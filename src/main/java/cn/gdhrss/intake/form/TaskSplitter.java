package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a row of 主要工作任务 that holds several tasks (issue 13): a numbered list in one cell
 * ("1、…；2、…") or one paragraph per task in each cell of one row. The form asks for one row per
 * task, but the content is there; the reader splits it and warns.
 */
final class TaskSplitter {

    /** "1、" "2." "(3)" "④" at the start of the text or after a line break or ；。. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?:^|(?<=[\\n；;。]))\\s*(?:([0-9０-９]{1,2})\\s*[、.．)）](?![0-9])|[(（]([0-9０-９]{1,2})[)）]|([\\u2460-\\u2473]))\\s*");
    private static final Pattern TRAILING = Pattern.compile("[；;。，,\\s]+$");
    private static final int MAX_TASKS = 100;

    private TaskSplitter() {}

    /** The tasks of one row; the row itself when it holds one. {@code before}: tasks of earlier rows. */
    static List<Proposal.Task> split(Proposal.Task row, int before) {
        List<Numbered> contents = numbered(row.content());
        if (contents.size() > 1) {
            return tasks(contents, numbered(row.tools()), numbered(row.techniques()), before);
        }
        List<Numbered> lines = lines(row.content());
        List<Numbered> tools = lines(row.tools());
        List<Numbered> techniques = lines(row.techniques());
        boolean oneParagraphPerTask = lines.size() > 1 && (tools.size() == lines.size() || techniques.size() == lines.size());
        return oneParagraphPerTask ? tasks(lines, tools, techniques, before) : List.of(row);
    }

    private record Numbered(String number, String text) {}

    private static List<Proposal.Task> tasks(List<Numbered> contents, List<Numbered> tools, List<Numbered> techniques,
            int before) {
        List<Proposal.Task> tasks = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            Numbered content = contents.get(i);
            String no = content.number().isEmpty() ? String.valueOf(before + i + 1) : content.number();
            tasks.add(new Proposal.Task(no, content.text(), part(tools, i, contents.size()),
                    part(techniques, i, contents.size())));
        }
        return tasks;
    }

    /** The i-th entry when the column splits into as many entries as the content, else the whole on the first. */
    private static String part(List<Numbered> column, int index, int count) {
        if (column.size() == count) {
            return column.get(index).text();
        }
        if (index > 0) {
            return "";
        }
        return String.join("\n", column.stream().map(Numbered::text).toList());
    }

    private static List<Numbered> numbered(String text) {
        List<Numbered> items = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        int start = -1;
        String number = "";
        while (matcher.find() && items.size() < MAX_TASKS) {
            if (start >= 0) {
                add(items, number, text.substring(start, matcher.start()));
            } else if (!text.substring(0, matcher.start()).isBlank()) {
                return List.of(new Numbered("", text.strip()));
            }
            number = number(matcher);
            start = matcher.end();
        }
        if (start < 0) {
            return text.isBlank() ? List.of() : List.of(new Numbered("", text.strip()));
        }
        add(items, number, text.substring(start));
        return items;
    }

    private static String number(Matcher matcher) {
        if (matcher.group(3) != null) {
            return String.valueOf(matcher.group(3).charAt(0) - '\u2460' + 1);
        }
        return FormText.asciiDigits(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    private static void add(List<Numbered> items, String number, String text) {
        String item = TRAILING.matcher(text.strip()).replaceAll("");
        if (!item.isEmpty()) {
            items.add(new Numbered(number, item));
        }
    }

    private static List<Numbered> lines(String text) {
        List<Numbered> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && lines.size() < MAX_TASKS) {
                lines.add(new Numbered("", line.strip()));
            }
        }
        return lines;
    }
}
