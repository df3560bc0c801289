package cn.gdhrss.intake.casefile;

import java.util.Map;

/** The states of a case and their Chinese names. */
public final class CaseStatus {
    public static final String RECEIVED = "received";
    public static final String NEEDS_CORRECTION = "needs_correction";
    public static final String COMPLETE = "complete";

    private static final Map<String, String> LABELS = Map.of(
            RECEIVED, "已受理",
            NEEDS_CORRECTION, "待补正",
            COMPLETE, "材料齐全");

    private CaseStatus() {}

    public static String label(String status) {
        return LABELS.getOrDefault(status, status);
    }
}
