package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.casefile.CaseState;
import java.util.Map;

/** Chinese names of message processing states for staff; case states are named by {@link CaseState}. */
public final class StatusNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("received", "已收到"),
            Map.entry("extracted", "附件已提取"),
            Map.entry("parsed", "表格已解析"),
            Map.entry("answered", "已回复"),
            Map.entry("no_reply", "不自动回复"),
            Map.entry("failed", "处理失败"));

    private StatusNames() {}

    /** A message's processing state: 已回复（answered）. */
    public static String message(String status) {
        return NAMES.getOrDefault(status, status) + "（" + status + "）";
    }

    /** A case's state as staff read it: 材料齐全. */
    public static String caseState(String code) {
        return CaseState.labelOf(code);
    }
}
