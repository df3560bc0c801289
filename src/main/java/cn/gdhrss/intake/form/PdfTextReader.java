package cn.gdhrss.intake.form;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text layer of a PDF offered instead of the Word form, kept for staff. Tika is used in this
 * package for this alone (STYLE.md: "form only for a PDF's text").
 */
final class PdfTextReader {

    private static final Logger LOG = LoggerFactory.getLogger(PdfTextReader.class);

    /** The text, cut at {@code maxChars}; "" when the PDF has no text layer or cannot be read. */
    String read(Path file, int maxChars) {
        StringWriter text = new StringWriter();
        WriteOutContentHandler limited = new WriteOutContentHandler(text, maxChars);
        try (InputStream in = Files.newInputStream(file)) {
            new PDFParser().parse(in, new BodyContentHandler(limited), new Metadata(), new ParseContext());
        } catch (Exception | StackOverflowError e) {
            if (!org.apache.tika.exception.WriteLimitReachedException.isWriteLimitReached(e)) {
                LOG.info("No text from PDF {}: {}", file.getFileName(), e.toString());
            }
        }
        String result = text.toString().strip();
        return result.length() > maxChars ? result.substring(0, maxChars) : result;
    }
}
