package cn.gdhrss.intake.attachment;

import java.util.Locale;

/** Whether an attachment could be taken as it is; every status other than OK has a Chinese reason. */
public enum AttachmentStatus {
    OK,
    /** Larger than the configured limit: not stored. */
    OVER_LIMIT,
    /** An archive whose expansion crossed the entry, size, ratio or depth limits. */
    ZIP_BOMB,
    /** Password protected: stored, but its content cannot be read. */
    ENCRYPTED,
    /** Bytes that cannot be decoded or opened as what they claim to be. */
    CORRUPT,
    /** A format recorded but not opened here, e.g. RAR. */
    UNSUPPORTED,
    /** An Office file with macros: stored, staff decide. */
    MACRO,
    /** Zero bytes. */
    EMPTY;

    /** Lowercase code for the register and JSON, e.g. {@code over_limit}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
