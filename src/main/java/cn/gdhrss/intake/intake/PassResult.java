package cn.gdhrss.intake.intake;

/**
 * Counts of one pass over one mailbox.
 *
 * @param failed messages that could not be read or archived this time (they stay on the server and
 *     are tried again next pass)
 */
public record PassResult(String mailbox, int newCount, int duplicateCount, int failed, String error) {

    public static PassResult unavailable(String mailbox, String error) {
        return new PassResult(mailbox, 0, 0, 0, error);
    }

    public boolean isOk() {
        return error.isEmpty();
    }

    public PassResult plus(PassResult other) {
        return new PassResult(mailbox, newCount + other.newCount, duplicateCount + other.duplicateCount,
                failed + other.failed, error.isEmpty() ? other.error : error);
    }
}
