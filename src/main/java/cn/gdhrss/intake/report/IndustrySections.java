package cn.gdhrss.intake.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells the 门类 of an industry as a proposal writes it (所属行业), against GB/T 4754-2017 with its
 * 2019 amendment ({@code reference/industries.csv}). The 门类 comes back as its letter and name,
 * "I 信息传输、软件和信息技术服务业", or "" when nothing in the text names an industry of the standard.
 */
public final class IndustrySections {

    public static final String FILE = "industries.csv";
    /** Industry text is read up to this length; a 所属行业 cell is a few words. */
    static final int MAX_TEXT_LENGTH = 200;

    /**
     * A leading code: a 门类 letter followed by its digits or set apart ("I65", "I 信息…"), or the
     * digits alone ("6520"). A letter that starts a word ("T恤") is no code.
     */
    private static final Pattern LEADING_CODE =
            Pattern.compile("^(?:([A-T])(?:(\\d{2,4})|(?=[\\s\u3000.、:：\\-—]|$))|(\\d{2,4})(?!\\d))");

    private final Map<String, String> sectionLabels;
    private final Map<String, String> sectionByName;
    private final Map<String, String> sectionByCode;
    /** Names by their first character, longest first, for finding names inside free text. */
    private final Map<Character, List<String>> namesByFirstCharacter;

    private IndustrySections(Map<String, String> sectionLabels, Map<String, String> sectionByName, Map<String, String> sectionByCode) {
        this.sectionLabels = Map.copyOf(sectionLabels);
        this.sectionByName = Map.copyOf(sectionByName);
        this.sectionByCode = Map.copyOf(sectionByCode);
        this.namesByFirstCharacter = indexByFirstCharacter(sectionByName.keySet());
    }

    /** @throws ReportException when {@code referenceDir/industries.csv} is missing or unreadable */
    public static IndustrySections load(Path referenceDir) {
        Map<String, String> labels = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        Map<String, String> byCode = new HashMap<>();
        for (Map<String, String> row : ReferenceCsv.read(referenceDir.resolve(FILE))) {
            String section = row.get("section");
            if ("1".equals(row.get("level"))) {
                labels.put(section, section + " " + row.get("name"));
            }
            byName.put(normalize(row.get("name")), section);
            byCode.put(row.get("code"), section);
        }
        if (labels.isEmpty()) {
            throw new ReportException("参照文件 " + referenceDir.resolve(FILE) + " 中没有任何门类，请从 shared/reference 重新复制。");
        }
        return new IndustrySections(labels, byName, byCode);
    }

    /**
     * The 门类 of an industry named at any level (门类, 大类, 中类 or 小类), by its code ("I65",
     * "6520"), or inside longer text ("软件开发（信息技术）"): the longest name of the standard that
     * the text contains wins, the first of equally long ones. "" when none is found.
     */
    public String sectionOf(String industryName) {
        String bounded = industryName.length() > MAX_TEXT_LENGTH ? industryName.substring(0, MAX_TEXT_LENGTH) : industryName;
        String text = normalize(bounded);
        if (text.isEmpty()) {
            return "";
        }
        @Nullable String section = sectionByName.get(text);
        if (section == null) {
            section = sectionByLeadingCode(bounded.strip());
        }
        if (section == null) {
            section = sectionOfLongestContainedName(text);
        }
        return section == null ? "" : sectionLabels.getOrDefault(section, "");
    }

    private @Nullable String sectionByLeadingCode(String text) {
        Matcher matcher = LEADING_CODE.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String digits = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        if (digits != null && sectionByCode.containsKey(digits)) {
            return sectionByCode.get(digits);
        }
        return matcher.group(1);
    }

    private @Nullable String sectionOfLongestContainedName(String text) {
        @Nullable String best = null;
        for (int start = 0; start < text.length(); start++) {
            for (String name : namesByFirstCharacter.getOrDefault(text.charAt(start), List.of())) {
                if (best != null && name.length() <= best.length()) {
                    break;
                }
                if (text.startsWith(name, start)) {
                    best = name;
                    break;
                }
            }
        }
        return best == null ? null : sectionByName.get(best);
    }

    private static Map<Character, List<String>> indexByFirstCharacter(Iterable<String> names) {
        Map<Character, List<String>> index = new HashMap<>();
        for (String name : names) {
            if (!name.isEmpty()) {
                index.computeIfAbsent(name.charAt(0), first -> new ArrayList<>()).add(name);
            }
        }
        index.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())));
        index.replaceAll((first, list) -> List.copyOf(list));
        return Map.copyOf(index);
    }

    /** Full-width brackets and no white space, as the standard writes names. */
    private static String normalize(String name) {
        StringBuilder normalized = new StringBuilder(name.length());
        for (int index = 0; index < name.length(); index++) {
            char character = name.charAt(index);
            if (character == '(') {
                normalized.append('（');
            } else if (character == ')') {
                normalized.append('）');
            } else if (!Character.isWhitespace(character) && character != '\u3000') {
                normalized.append(character);
            }
        }
        return normalized.toString();
    }
}
