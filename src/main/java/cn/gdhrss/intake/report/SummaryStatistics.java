package cn.gdhrss.intake.report;

import cn.gdhrss.intake.casefile.CaseState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a period's cases by city, category, industry 门类 and state (issue 8): each count says
 * how many cases there are and how many of them the 汇总表 lists. Cities and states named up front
 * come first, in the order given and with zeros; other labels follow, largest count first and then
 * by label, so the same cases always give the same sheet.
 */
public record SummaryStatistics(
        int total, int listed, List<Count> byCity, List<Count> byCategory, List<Count> bySection, List<Count> byStatus) {

    /** Label of a blank city, category or status. */
    public static final String UNSET = "未填写";
    /** Label of an industry whose 门类 could not be told. */
    public static final String SECTION_UNKNOWN = "未能识别门类";

    /** Every state in the order of the notice's procedure, each counted even when no case has it. */
    static final List<String> STATES = Arrays.stream(CaseState.values()).map(CaseState::label).toList();

    public SummaryStatistics {
        byCity = List.copyOf(byCity);
        byCategory = List.copyOf(byCategory);
        bySection = List.copyOf(bySection);
        byStatus = List.copyOf(byStatus);
    }

    /** One label, how many cases carry it and how many of those the 汇总表 lists. */
    public record Count(String label, int count, int listed) {
        /** A count of cases that are all listed. */
        public Count(String label, int count) {
            this(label, count, count);
        }
    }

    /** The counts of lines that are all listed, with no label named up front. */
    public static SummaryStatistics of(List<SummaryLine> lines) {
        Tally tally = new Tally(List.of(), List.of());
        lines.forEach(tally::add);
        return tally.statistics();
    }

    /**
     * Counts cases as they stream past, holding one counter per label: a summary of any length is
     * counted in the memory of its few dozen labels.
     */
    public static final class Tally {
        private int total;
        private int listed;
        private final List<String> cities;
        private final List<String> states;
        private final Map<String, int[]> byCity = new HashMap<>();
        private final Map<String, int[]> byCategory = new HashMap<>();
        private final Map<String, int[]> bySection = new HashMap<>();
        private final Map<String, int[]> byStatus = new HashMap<>();

        /** Counts with {@code cities} and {@code states} listed first, in that order, zeros included. */
        public Tally(List<String> cities, List<String> states) {
            this.cities = List.copyOf(cities);
            this.states = List.copyOf(states);
        }

        public void add(SummaryLine line) {
            count(line.city(), line.category(), line.industrySection(), line.status(), true);
        }

        public void add(ExcludedLine line) {
            count(line.city(), line.category(), line.industrySection(), line.status(), false);
        }

        private void count(String city, String category, String section, String status, boolean isListed) {
            total++;
            listed += isListed ? 1 : 0;
            bump(byCity, orUnset(city, UNSET), isListed);
            bump(byCategory, orUnset(category, UNSET), isListed);
            bump(bySection, orUnset(section, SECTION_UNKNOWN), isListed);
            bump(byStatus, orUnset(status, UNSET), isListed);
        }

        public SummaryStatistics statistics() {
            return new SummaryStatistics(total, listed, ordered(byCity, cities), ordered(byCategory, List.of()),
                    ordered(bySection, List.of()), ordered(byStatus, states));
        }
    }

    private static void bump(Map<String, int[]> counts, String label, boolean isListed) {
        int[] count = counts.computeIfAbsent(label, key -> new int[2]);
        count[0]++;
        count[1] += isListed ? 1 : 0;
    }

    /** The {@code named} labels in their order, zeros included, then the rest largest first. */
    private static List<Count> ordered(Map<String, int[]> counts, List<String> named) {
        List<Count> result = new ArrayList<>();
        for (String label : named) {
            int[] count = counts.getOrDefault(label, new int[2]);
            result.add(new Count(label, count[0], count[1]));
        }
        List<Count> others = new ArrayList<>();
        counts.forEach((label, count) -> {
            if (!named.contains(label)) {
                others.add(new Count(label, count[0], count[1]));
            }
        });
        others.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::label));
        result.addAll(others);
        return result;
    }

    private static String orUnset(String value, String unset) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? unset : trimmed;
    }
}
