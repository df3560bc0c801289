package cn.gdhrss.intake.intake;

import org.jspecify.annotations.Nullable;

/**
 * Counts of one pass over one mailbox.
 *
 * @param failed messages that could not be read or archived this time (they stay on the server and
 *     are tried again next pass)
 * @param fault the machine fault that stopped the pass, waited out (null when none)
 */
public record PassResult(String mailbox, int newCount, int duplicateCount, int failed, String error, @Nullable Fault fault) {

    public PassResult(String mailbox, int newCount, int duplicateCount, int failed, String error) {
        this(mailbox, newCount, duplicateCount, failed, error, null);
    }

    /** A pass stopped by {@code fault}: nothing counted against any message, tried again next pass. */
    public PassResult waitingOut(Fault fault) {
        return new PassResult(mailbox, newCount, duplicateCount, failed, fault.sentence(), fault);
    }

    public static PassResult unavailable(String mailbox, String error) {
        return new PassResult(mailbox, 0, 0, 0, error);
    }

    public boolean isOk() {
        return error.isEmpty();
    }

    public PassResult plus(PassResult other) {
        return new PassResult(mailbox, newCount + other.newCount, duplicateCount + other.duplicateCount,
                failed + other.failed, error.isEmpty() ? other.error : error, fault != null ? fault : other.fault);
    }
}
