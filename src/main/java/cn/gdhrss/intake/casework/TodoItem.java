package cn.gdhrss.intake.casework;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One thing staff should do (issue 8, {@code todo}).
 *
 * @param kind {@code reply_failed}, {@code reply_uncertain}, {@code flagged}, {@code correction_waiting},
 *     {@code same_name}, {@code city_review_due} or {@code province_review_due}
 * @param reference the case (for {@code same_name} the first of the group), "" for an outgoing mail without one
 * @param fact one Chinese sentence saying what and why
 * @param nextStep how to deal with it, on the command line and in the console, which has a button for it
 * @param outboxId the outgoing mail concerned, for reply items
 * @param city the case's city, for reviews due ("" otherwise)
 * @param period the reporting period whose deadline the review is due by, for reviews due
 */
public record TodoItem(String kind, String reference, String fact, NextStep nextStep, @Nullable Long outboxId, String city,
        @Nullable LocalDate period) {

    public TodoItem(String kind, String reference, String fact, NextStep nextStep, @Nullable Long outboxId) {
        this(kind, reference, fact, nextStep, outboxId, "", null);
    }

    /**
     * The words that follow the fact, punctuation included: the command line names its command,
     * the console's queue page says only what its button does not.
     */
    public record NextStep(String commandLine, String console) {
        static final NextStep NONE = new NextStep("", "");
    }

    /** The line as {@code todo} prints it: the fact and the command that deals with it. */
    public String detail() {
        return fact + nextStep.commandLine();
    }

    /** The line as the console's queue shows it, next to its button. */
    public String inConsoleWords() {
        return fact + nextStep.console();
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
