package cn.gdhrss.intake.register;

/**
 * The class the register holds for a message (issue 10).
 *
 * @param mailClass submission, enquiry, unrelated or automatic; "" before the answer step
 * @param reasons Chinese sentences, one per line
 * @param decidedBy {@code auto} or {@code staff}
 */
public record MailClassRecord(String mailClass, String reasons, String decidedBy) {
    public static final String AUTO = "auto";
    public static final String STAFF = "staff";

    public boolean isByStaff() {
        return STAFF.equals(decidedBy);
    }
}
