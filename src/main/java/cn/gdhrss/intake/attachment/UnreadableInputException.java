package cn.gdhrss.intake.attachment;

import java.io.IOException;

/**
 * Reading the input of {@link FileStore#store} failed: the message or archive is at fault, not the
 * store, so the caller records a status instead of failing the message.
 */
public final class UnreadableInputException extends IOException {

    private static final long serialVersionUID = 1L;

    UnreadableInputException(Throwable cause) {
        super("Input could not be read: " + cause.getMessage(), cause);
    }
}
