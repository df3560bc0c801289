package cn.gdhrss.intake.reply;

/**
 * A reply ready for the outbox.
 *
 * @param subject the whole subject, reference first, already safe for a header
 */
public record ComposedMail(String kind, String subject, String bodyText, String bodyHtml) {}
