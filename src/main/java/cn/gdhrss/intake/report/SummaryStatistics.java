package cn.gdhrss.intake.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts of a summary's lines by city, category, industry 门类 and status, each list ordered by
 * count (largest first) and then by label, so the same lines always give the same sheet.
 */
public record SummaryStatistics(
        int total, List<Count> byCity, List<Count> byCategory, List<Count> bySection, List<Count> byStatus) {

    /** Label of a blank city, category or status. */
    public static final String UNSET = "未填写";
    /** Label of an industry whose 门类 could not be told. */
    public static final String SECTION_UNKNOWN = "未能识别门类";

    public SummaryStatistics {
        byCity = List.copyOf(byCity);
        byCategory = List.copyOf(byCategory);
        bySection = List.copyOf(bySection);
        byStatus = List.copyOf(byStatus);
    }

    /** One label and how many lines carry it. */
    public record Count(String label, int count) {}

    public static SummaryStatistics of(List<SummaryLine> lines) {
        return new SummaryStatistics(
                lines.size(),
                count(lines, line -> orUnset(line.city(), UNSET)),
                count(lines, line -> orUnset(line.category(), UNSET)),
                count(lines, line -> orUnset(line.industrySection(), SECTION_UNKNOWN)),
                count(lines, line -> orUnset(line.status(), UNSET)));
    }

    private static List<Count> count(List<SummaryLine> lines, Function<SummaryLine, String> labelOf) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SummaryLine line : lines) {
            counts.merge(labelOf.apply(line), 1, Integer::sum);
        }
        List<Count> result = new ArrayList<>();
        counts.forEach((label, count) -> result.add(new Count(label, count)));
        result.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::label));
        return result;
    }

    private static String orUnset(String value, String unset) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? unset : trimmed;
    }
}
