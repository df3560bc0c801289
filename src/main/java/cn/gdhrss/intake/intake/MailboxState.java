package cn.gdhrss.intake.intake;

import java.util.Optional;

/** What the register knows of one mailbox: which UIDs were taken, and the IMAP checkpoint. */
public interface MailboxState {

    boolean isTaken(long uidValidity, String uid);

    /** The UIDVALIDITY and highest UID committed so far; empty for a mailbox never read. */
    Optional<Checkpoint> checkpoint();

    record Checkpoint(long uidValidity, long lastUid) {}
}
