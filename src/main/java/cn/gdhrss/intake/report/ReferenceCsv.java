package cn.gdhrss.intake.report;

import cn.gdhrss.intake.config.FileReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the UTF-8 CSV files of {@code reference/} (RFC 4180: header row, double-quoted fields that
 * may hold commas, quotes and line ends). Each row comes back as column name to value; a column a
 * row lacks reads as "".
 */
final class ReferenceCsv {

    /** Far above the largest reference file (about 2,200 rows); a bigger file is not ours. */
    static final int MAX_ROWS = 100_000;

    private ReferenceCsv() {}

    /** @throws ReportException when the file is missing, unreadable or has more than {@link #MAX_ROWS} rows */
    static List<Map<String, String>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("参照文件 " + file + " 无法读取（" + FileReason.of(e)
                    + "），请在程序的安装目录中运行本命令，或从 shared/reference 把该文件复制到 " + file.getParent() + " 目录。", e);
        }
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, file);
        if (records.isEmpty()) {
            throw new ReportException("参照文件 " + file + " 是空的，请从 shared/reference 重新复制。");
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int column = 0; column < header.size(); column++) {
                row.put(header.get(column), column < record.size() ? record.get(column) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> records(String text, Path file) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (quoted) {
                if (character != '"') {
                    field.append(character);
                } else if (index + 1 < text.length() && text.charAt(index + 1) == '"') {
                    field.append('"');
                    index++;
                } else {
                    quoted = false;
                }
            } else if (character == '"') {
                quoted = true;
            } else if (character == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (character == '\n') {
                record.add(stripCarriageReturn(field));
                field.setLength(0);
                addRecord(records, record, file);
                record = new ArrayList<>();
            } else {
                field.append(character);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(stripCarriageReturn(field));
            addRecord(records, record, file);
        }
        return records;
    }

    private static void addRecord(List<List<String>> records, List<String> record, Path file) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
            return;
        }
        if (records.size() > MAX_ROWS) {
            throw new ReportException(String.format(Locale.ROOT, "参照文件 %s 超过 %,d 行，不是本程序的参照文件，请从 shared/reference 重新复制。", file, MAX_ROWS));
        }
        records.add(record);
    }

    private static String stripCarriageReturn(StringBuilder field) {
        int length = field.length();
        return length > 0 && field.charAt(length - 1) == '\r' ? field.substring(0, length - 1) : field.toString();
    }
}
