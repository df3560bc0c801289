package cn.gdhrss.intake.register;

/**
 * What registering a message did.
 *
 * @param messageRef the register id of the message (the existing one for a duplicate)
 */
public record Registration(Outcome outcome, long messageRef) {

    public enum Outcome {
        /** A message never seen before. */
        NEW,
        /** The same bytes again: no new record, an event on the existing one. */
        DUPLICATE,
        /** A known Message-ID with other bytes: kept as a new record and flagged. */
        MESSAGE_ID_CONFLICT
    }

    public boolean isNew() {
        return outcome != Outcome.DUPLICATE;
    }
}
