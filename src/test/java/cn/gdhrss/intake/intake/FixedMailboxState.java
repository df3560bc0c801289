package cn.gdhrss.intake.intake;

import java.util.Optional;
import java.util.Set;

/** What a register would report: an optional checkpoint and the (uidValidity, uid) pairs taken. */
record FixedMailboxState(Optional<Checkpoint> checkpoint, Set<String> taken) implements MailboxState {

    static FixedMailboxState empty() {
        return new FixedMailboxState(Optional.empty(), Set.of());
    }

    static FixedMailboxState at(long uidValidity, long lastUid) {
        return new FixedMailboxState(Optional.of(new Checkpoint(uidValidity, lastUid)), Set.of());
    }

    static FixedMailboxState taking(long uidValidity, String... uids) {
        return new FixedMailboxState(Optional.empty(),
                java.util.Arrays.stream(uids).map(uid -> uidValidity + "/" + uid).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public boolean isTaken(long uidValidity, String uid) {
        return taken.contains(uidValidity + "/" + uid);
    }
}
