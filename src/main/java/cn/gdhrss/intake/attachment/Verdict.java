package cn.gdhrss.intake.attachment;

/** A status with its Chinese reason (empty for OK). */
record Verdict(AttachmentStatus status, String reason) {

    static final Verdict OK = new Verdict(AttachmentStatus.OK, "");

    static Verdict of(AttachmentStatus status, String reason) {
        return new Verdict(status, reason);
    }

    boolean isOk() {
        return status == AttachmentStatus.OK;
    }
}
