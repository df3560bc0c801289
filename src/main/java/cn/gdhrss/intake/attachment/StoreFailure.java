package cn.gdhrss.intake.attachment;

import java.io.IOException;

/**
 * The file store could not write: unlike a fault of the message, this must stop the extraction and
 * reach the caller of {@link MessageExtractor#extract}.
 */
final class StoreFailure extends IOException {

    private static final long serialVersionUID = 1L;

    StoreFailure(IOException cause) {
        super("Attachment store could not write: " + cause.getMessage(), cause);
    }
}
