package cn.gdhrss.intake.casefile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The states of a case, following notice 159's procedure (issue 8): 已收到 → 待补正 ⇄ 材料齐全 →
 * 地市初审（通过 / 未通过） → 省级论证（通过，上报国家 / 未通过但纳入专项职业能力培育目录 / 未通过）,
 * plus the ways a case leaves the procedure. {@link #code()} is what {@code cases.status} stores;
 * {@link #label()} is what every user reads (CLI, replies, summaries, the web console).
 */
public enum CaseState {
    RECEIVED("received", "已收到"),
    NEEDS_CORRECTION("needs_correction", "待补正"),
    COMPLETE("complete", "材料齐全"),
    CITY_PASSED("city_passed", "地市初审通过"),
    CITY_FAILED("city_failed", "地市初审未通过"),
    PROVINCE_PASSED("province_passed", "省级论证通过（上报国家）"),
    PROVINCE_CULTIVATE("province_cultivate", "纳入专项职业能力培育目录"),
    PROVINCE_FAILED("province_failed", "省级论证未通过"),
    MERGED("merged", "已合并"),
    WITHDRAWN("withdrawn", "已撤回"),
    DUPLICATE("duplicate", "重复"),
    NOT_SUBMISSION("not_submission", "非申报");

    private final String code;
    private final String label;

    CaseState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** 材料齐全（complete）: the name staff read with the code they may type. */
    public String labelWithCode() {
        return label + "（" + code + "）";
    }

    /** True while the applicant's material is still being received or corrected (intake moves these). */
    public boolean isIntake() {
        return this == RECEIVED || this == NEEDS_CORRECTION || this == COMPLETE;
    }

    /** True for a case that left the procedure: merged into another, withdrawn, a duplicate or not a submission. */
    public boolean isClosed() {
        return this == MERGED || this == WITHDRAWN || this == DUPLICATE || this == NOT_SUBMISSION;
    }

    /** The state stored as {@code code}, if it is one. */
    public static Optional<CaseState> fromCode(String code) {
        return Arrays.stream(values()).filter(state -> state.code.equals(code)).findFirst();
    }

    /**
     * The state a person typed: its Chinese name or its English code, case and surrounding blanks
     * ignored (已受理, the name used before issue 8, still means 已收到).
     *
     * @throws IllegalArgumentException with one Chinese sentence listing the valid values
     */
    public static CaseState parse(String text) {
        String typed = text.strip();
        for (CaseState state : values()) {
            if (state.label.equals(typed) || state.code.equalsIgnoreCase(typed) || state.name().equalsIgnoreCase(typed)) {
                return state;
            }
        }
        if (typed.equals("已受理")) {
            return RECEIVED;
        }
        throw new IllegalArgumentException("案件状态应为 " + validValues() + " 之一，不是“" + text + "”。");
    }

    /** 已收到（received）、待补正（needs_correction）…: every state as staff may type it. */
    public static String validValues() {
        return String.join("、", Arrays.stream(values()).map(CaseState::labelWithCode).toList());
    }

    /** The Chinese name of a stored code; an unknown code is shown as it is. */
    public static String labelOf(String code) {
        return fromCode(code).map(CaseState::label).orElse(code);
    }

    /** Every code, in the order of the procedure. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(CaseState::code).toList();
    }

    @Override
    public String toString() {
        return code.toLowerCase(Locale.ROOT);
    }
}
