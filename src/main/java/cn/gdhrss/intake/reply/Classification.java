package cn.gdhrss.intake.reply;

import java.util.List;

/**
 * The class of a message and why.
 *
 * @param reasons Chinese sentences staff read, strongest first; at least one
 * @param replyAllowed false when a sign says no automatic mail may go to the sender at all
 *     (bulk, list, spam, forged sender), even if staff later call it a submission
 */
public record Classification(MailClass mailClass, List<String> reasons, boolean replyAllowed) {

    public Classification {
        reasons = List.copyOf(reasons);
    }

    /** The reasons as stored in the register: one per line. */
    public String reasonText() {
        return String.join("\n", reasons);
    }
}
