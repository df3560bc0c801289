package cn.gdhrss.intake.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Tally tally = new Tally();
        lines.forEach(tally::add);
        return tally.statistics();
    }

    /**
     * Counts lines as they stream past, holding one counter per label: a summary of any length is
     * counted in the memory of its few dozen labels.
     */
    public static final class Tally {
        private int total;
        private final Map<String, Integer> byCity = new HashMap<>();
        private final Map<String, Integer> byCategory = new HashMap<>();
        private final Map<String, Integer> bySection = new HashMap<>();
        private final Map<String, Integer> byStatus = new HashMap<>();

        public void add(SummaryLine line) {
            total++;
            byCity.merge(orUnset(line.city(), UNSET), 1, Integer::sum);
            byCategory.merge(orUnset(line.category(), UNSET), 1, Integer::sum);
            bySection.merge(orUnset(line.industrySection(), SECTION_UNKNOWN), 1, Integer::sum);
            byStatus.merge(orUnset(line.status(), UNSET), 1, Integer::sum);
        }

        public SummaryStatistics statistics() {
            return new SummaryStatistics(total, sorted(byCity), sorted(byCategory), sorted(bySection), sorted(byStatus));
        }
    }

    private static List<Count> sorted(Map<String, Integer> counts) {
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
