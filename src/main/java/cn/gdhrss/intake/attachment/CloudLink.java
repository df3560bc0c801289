package cn.gdhrss.intake.attachment;

/**
 * A link to a cloud big attachment found in a message body.
 *
 * @param url the link as written, HTML entities decoded
 * @param title the link text of an HTML anchor, else the host
 * @param provider Chinese name of the service, e.g. {@code QQ邮箱超大附件}
 */
public record CloudLink(String url, String title, String provider) {}
