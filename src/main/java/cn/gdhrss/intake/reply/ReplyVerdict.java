package cn.gdhrss.intake.reply;

/**
 * Whether a message gets an automatic reply.
 *
 * @param code short English code for the register, e.g. {@code auto_submitted}; "" when it is answered
 * @param reason Chinese reason staff read; "" when it is answered
 * @param fileable the message may still be filed as a submission (a list copy with a proposal in it),
 *     false for mail that is no submission at all (bounces, auto-replies, our own)
 * @param bounce a delivery failure report: it is recorded on the case of the mail it returns
 */
public record ReplyVerdict(boolean reply, String code, String reason, boolean fileable, boolean bounce) {

    static ReplyVerdict answer() {
        return new ReplyVerdict(true, "", "", true, false);
    }

    static ReplyVerdict silent(String code, String reason, boolean fileable) {
        return new ReplyVerdict(false, code, reason, fileable, false);
    }

    static ReplyVerdict bounceReport(String reason) {
        return new ReplyVerdict(false, "bounce", reason, false, true);
    }
}
