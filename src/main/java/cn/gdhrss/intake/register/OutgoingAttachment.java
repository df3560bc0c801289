package cn.gdhrss.intake.register;

/**
 * A file attached to an outgoing mail: read from {@code filePath} when the mail is sent, shown to
 * the recipient as {@code fileName}.
 */
public record OutgoingAttachment(String filePath, String fileName, String contentType) {}
