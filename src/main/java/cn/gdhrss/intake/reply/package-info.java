/**
 * Automatic replies (issue 4): the RFC 3834 policy of when not to answer, the replies composed
 * from the staff-editable templates in {@code templates/}, the durable outbox and its senders (SMTP,
 * or .eml files when no server is configured), and the health mail to staff.
 */
@NullMarked
package cn.gdhrss.intake.reply;

import org.jspecify.annotations.NullMarked;
