package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Duration and resolution of a stored video from its container metadata (MP4/MOV/3GP and FLV with
 * the audio-video module). Reads only metadata boxes, within a time limit, so a hostile file
 * cannot hold an intake pass.
 */
final class MediaReader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaReader.class);
    private static final long TIMEOUT_SECONDS = 20;
    /** Text a video parser may emit (subtitles, tags); the rest is dropped. */
    private static final int MAX_TEXT_CHARS = 10_000;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "media-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** What could be read; values stay null when the container says nothing or time runs out. */
    MediaInfo read(Path video, String container) {
        Future<Metadata> parsing = executor.submit(() -> parse(video));
        try {
            Metadata metadata = parsing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new MediaInfo(
                    number(metadata.get(XMPDM.DURATION)),
                    integer(metadata.get(TIFF.IMAGE_WIDTH)),
                    integer(metadata.get(TIFF.IMAGE_LENGTH)),
                    container);
        } catch (TimeoutException e) {
            parsing.cancel(true);
            LOG.warn("Video metadata of '{}' not read within {} s", video, TIMEOUT_SECONDS);
        } catch (ExecutionException e) {
            LOG.debug("Video metadata of '{}' not readable", video, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new MediaInfo(null, null, null, container);
    }

    private Metadata parse(Path video) throws IOException, SAXException, TikaException {
        Metadata metadata = new Metadata();
        try (TikaInputStream in = TikaInputStream.get(video)) {
            parser.parse(in, new BodyContentHandler(MAX_TEXT_CHARS), metadata, new ParseContext());
        } catch (SAXException limitReached) {
            // The text limit was hit; the metadata read before it is still good.
            LOG.debug("Text of '{}' exceeded {} chars", video, MAX_TEXT_CHARS);
        }
        return metadata;
    }

    private static @Nullable Double number(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return Double.isFinite(parsed) && parsed >= 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer integer(@Nullable String value) {
        Double parsed = number(value);
        return parsed == null || parsed > Integer.MAX_VALUE ? null : (int) Math.round(parsed);
    }
}
