package cn.gdhrss.intake.register;

/** The IMAP UIDVALIDITY and highest UID of a mailbox committed so far. */
public record Checkpoint(long uidValidity, long lastUid) {}
