package cn.gdhrss.intake.attachment;

import org.jspecify.annotations.Nullable;

/**
 * One attachment, archive entry, TNEF attachment, uuencoded file or cloud link of a message.
 *
 * @param seq 1..n in walk order
 * @param parentSeq the archive or winmail.dat this file came out of; null for a MIME part or link
 * @param origin where in the message it was: a MIME part path like {@code 1.2}, then
 *     {@code /forwarded:1.1} inside a forwarded message, {@code /zip:dir/a.docx},
 *     {@code /7z:a.docx}, {@code /tnef:a.doc}, {@code /uu:a.doc}; {@code body} for a link
 * @param name decoded display name; never used as a path
 * @param declaredType the MIME type the message or archive claimed, lowercase, without parameters
 * @param detectedType the type Tika found in the bytes; empty when nothing was stored
 * @param size bytes of the file (for an over-limit or encrypted entry: as far as known)
 * @param sha256 hash of the stored bytes; null when nothing was stored (links, over limit,
 *     encrypted zip entries)
 * @param statusReason Chinese sentence for staff; empty when the status is OK
 * @param url the link of a {@link AttachmentKind#LINK}; null otherwise
 * @param media duration and resolution of a video; null for other kinds
 */
public record ExtractedFile(
        int seq,
        @Nullable Integer parentSeq,
        String origin,
        String name,
        String declaredType,
        String detectedType,
        long size,
        @Nullable String sha256,
        AttachmentKind kind,
        AttachmentStatus status,
        String statusReason,
        @Nullable String url,
        @Nullable MediaInfo media) {

    public boolean isStored() {
        return sha256 != null;
    }
}
