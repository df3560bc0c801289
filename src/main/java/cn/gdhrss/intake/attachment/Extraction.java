package cn.gdhrss.intake.attachment;

import java.util.List;

/**
 * Everything taken from one message.
 *
 * @param files attachments in walk order, archive entries and links included
 * @param bodyText readable text of the body (text/plain preferred, else the text of text/html),
 *     at most {@link MessageExtractor#MAX_BODY_CHARS} characters
 * @param problems Chinese sentences about structural faults of the message, e.g. a missing end
 *     boundary; empty when the message is well formed
 */
public record Extraction(List<ExtractedFile> files, String bodyText, List<String> problems) {

    public Extraction {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
