package cn.gdhrss.intake.casework;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One thing staff should do (issue 8, {@code todo}).
 *
 * @param kind {@code reply_failed}, {@code reply_uncertain}, {@code flagged}, {@code correction_waiting},
 *     {@code same_name}, {@code city_review_due} or {@code province_review_due}
 * @param reference the case (for {@code same_name} the first of the group), "" for an outgoing mail without one
 * @param detail one Chinese sentence saying what and why
 * @param outboxId the outgoing mail concerned, for reply items
 * @param city the case's city, for reviews due ("" otherwise)
 * @param period the reporting period whose deadline the review is due by, for reviews due
 */
public record TodoItem(String kind, String reference, String detail, @Nullable Long outboxId, String city, @Nullable LocalDate period) {

    public TodoItem(String kind, String reference, String detail, @Nullable Long outboxId) {
        this(kind, reference, detail, outboxId, "", null);
    }

    /** Whether this is a case awaiting a city or provincial review before its deadline: many of them are not urgent one by one. */
    public boolean reviewDue() {
        return period != null;
    }

    /** 回复发送失败…: the Chinese heading of a kind. */
    public String label() {
        return switch (kind) {
            case "reply_failed" -> "回复发送失败";
            case "reply_uncertain" -> "回复是否送达不确定";
            case "flagged" -> "需核实";
            case "correction_waiting" -> "补正逾期未收到";
            case "same_name" -> "同名申报（可合并）";
            case "city_review_due" -> "待地市初审";
            case "province_review_due" -> "待省级论证";
            default -> kind;
        };
    }
}
