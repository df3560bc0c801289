package cn.gdhrss.intake.form;

import cn.gdhrss.intake.config.FileReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CSV file of the reference folder (RFC 4180: header row, double-quoted fields with "" for a
 * quote, line breaks inside quotes). Columns are found by header name, so staff may reorder them.
 */
final class CsvTable {

    private static final Logger LOG = LoggerFactory.getLogger(CsvTable.class);
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final Map<String, Integer> columns;
    private final List<List<String>> rows;

    private CsvTable(Path file, List<String> header, List<List<String>> rows) {
        this.file = file;
        this.columns = new HashMap<>();
        for (int index = 0; index < header.size(); index++) {
            columns.putIfAbsent(header.get(index).trim().toLowerCase(Locale.ROOT), index);
        }
        this.rows = rows;
    }

    /** Reads the whole file; a UTF-8 BOM is skipped, and a file saved by Excel as GB18030 is accepted. */
    static CsvTable read(Path file) {
        List<List<String>> records = parse(decode(file), file);
        if (records.isEmpty()) {
            throw new CatalogueException("参照文件 " + file + " 是空的，请从 shared/reference 重新复制。");
        }
        return new CsvTable(file, records.get(0), records.subList(1, records.size()));
    }

    /** Fails when a column the service needs is absent from the header. */
    CsvTable require(String... names) {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new CatalogueException("参照文件 " + file + " 的表头缺少 " + name
                        + " 列，请保留 reference/README.md 所列的列名，或从 shared/reference 重新复制。");
            }
        }
        return this;
    }

    int size() {
        return rows.size();
    }

    /** The trimmed value, "" when the row is shorter than the header or the column is absent. */
    String value(int row, String column) {
        Integer index = columns.get(column);
        List<String> fields = rows.get(row);
        if (index == null || index >= fields.size()) {
            return "";
        }
        return fields.get(index).trim();
    }

    Path file() {
        return file;
    }

    private static String decode(Path file) {
        byte[] bytes = readBytes(file);
        try {
            String utf8 = stripBom(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
            // Short GB18030 text can be valid UTF-8 by chance; the catalogues are Chinese.
            if (hasChinese(utf8) || !hasChinese(new String(bytes, GB18030))) {
                return utf8;
            }
        } catch (CharacterCodingException notUtf8) {
            LOG.debug("Reference file {} is not UTF-8", file, notUtf8);
        }
        // Excel on a Chinese Windows saves "CSV" in the ANSI code page.
        LOG.warn("Reference file {} is not UTF-8; reading it as GB18030", file);
        return new String(bytes, GB18030);
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(codePoint ->
                Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN);
    }

    private static byte[] readBytes(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CatalogueException(String.format(Locale.ROOT,
                        "参照文件 %s 超过 %,d 字节，不是本程序的参照文件，请从 shared/reference 重新复制。", file, MAX_FILE_BYTES));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogueException("参照文件 " + file + " 无法读取（" + FileReason.of(e)
                    + "），请在程序的安装目录中运行本命令，或从 shared/reference 把该文件复制到 " + file.getParent() + " 目录。", e);
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<List<String>> parse(String text, Path file) {
        Parser parser = new Parser(text);
        if (!parser.run()) {
            throw new CatalogueException(String.format(Locale.ROOT,
                    "参照文件 %s 第 %d 行有未闭合的双引号，请改正或从 shared/reference 重新复制。", file, parser.line));
        }
        return parser.records;
    }

    /** RFC 4180 state machine over the decoded text. */
    private static final class Parser {
        private final String text;
        private final List<List<String>> records = new ArrayList<>();
        private List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private int index;
        private int line = 1;

        Parser(String text) {
            this.text = text;
        }

        /** Returns false when the text ends inside a quoted field. */
        boolean run() {
            while (index < text.length()) {
                if (text.charAt(index) == '"' && field.length() == 0) {
                    if (!quotedField()) {
                        return false;
                    }
                } else {
                    plainCharacter(text.charAt(index));
                }
                index++;
            }
            endRecord();
            return true;
        }

        private boolean quotedField() {
            for (index++; index < text.length(); index++) {
                char c = text.charAt(index);
                if (c == '"' && next() == '"') {
                    field.append('"');
                    index++;
                } else if (c == '"') {
                    return true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            }
            return false;
        }

        private void plainCharacter(char c) {
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && next() == '\n') {
                    index++;
                }
                line++;
                endRecord();
            } else {
                field.append(c);
            }
        }

        private char next() {
            return index + 1 < text.length() ? text.charAt(index + 1) : '\0';
        }

        private void endRecord() {
            fields.add(field.toString());
            field.setLength(0);
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                records.add(fields);
            }
            fields = new ArrayList<>();
        }
    }
}
