package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.internet.MimeMessage;

/** Delivers one outgoing message: over SMTP, or as an .eml file when no server is configured. */
public interface MailTransport {

    /**
     * Delivers {@code message}; {@code beforeTransmit} runs once everything up to the hand-over is
     * ready (connected, logged in), immediately before the bytes go out. Returns the server's answer.
     *
     * @throws DeliveryException when the message was not delivered; it says whether a retry may help
     */
    String deliver(OutboxRecord row, MimeMessage message, Runnable beforeTransmit) throws DeliveryException;

    /** Whether delivering the same row twice leaves one copy (a file by the row's id), so a crash may simply redo it. */
    boolean isIdempotent();

    /**
     * Whether a delivered mail has left the machine (an SMTP server took it). The .eml writer only
     * writes a file: its rows are {@code written} (已生成（未发送）), never {@code sent} (issue 8).
     */
    default boolean leavesMachine() {
        return true;
    }

    /** For logs and status: where mail goes. */
    String describe();
}
