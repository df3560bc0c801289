package cn.gdhrss.intake.intake;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message as a source lists it, before its bytes are read.
 *
 * @param uid IMAP UID (decimal), POP3 UIDL, or the Maildir file's unique base name
 * @param uidValidity IMAP UIDVALIDITY; 0 for sources that have none
 * @param receivedAt when the office's server got it (IMAP INTERNALDATE, Maildir delivery time);
 *     null when the source cannot tell (POP3): the headers decide then
 */
public record SourceMessage(String uid, long uidValidity, @Nullable Instant receivedAt, long size) {}
