package cn.gdhrss.intake.attachment;

import cn.gdhrss.intake.form.PlainDocxReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * The real type of stored bytes, from Tika's default detector: with the zip-commons and Microsoft
 * modules on the class path it opens containers, so it tells .docx from .zip and .doc from .xls.
 * Built once (loading Tika's configuration is slow) and shared; thread-safe.
 */
public final class TypeDetector {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final MimeTypes mimeTypes;

    public TypeDetector() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.mimeTypes = config.getMimeRepository();
        this.registry = mimeTypes.getMediaTypeRegistry();
    }

    /**
     * The type of the file's bytes; the name only refines a generic answer (plain text, unknown
     * binary), so a zip named .docx stays a zip.
     *
     * @return a lowercase type without parameters, {@code application/octet-stream} when unknown
     */
    public String detect(Path file, String name) {
        return PlainDocxReader.isPlainDocx(file) ? DOCX : byTika(file, name);
    }

    /** Tika's answer alone, without the quick look for a plain .docx. */
    String byTika(Path file, String name) {
        MediaType fromBytes = detect(file, new Metadata());
        if (!isGeneric(fromBytes) || name.isBlank()) {
            return fromBytes.getBaseType().toString();
        }
        Metadata withName = new Metadata();
        withName.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        MediaType withNameType = detect(file, withName);
        boolean refines = registry.isSpecializationOf(withNameType, fromBytes);
        return (refines ? withNameType : fromBytes).getBaseType().toString();
    }

    /** The usual extension of a type without the dot ({@code mp4}, {@code mov}); empty if none. */
    public String extensionOf(String type) {
        try {
            MimeType mimeType = mimeTypes.forName(type);
            return mimeType.getExtension().replace(".", "").toLowerCase(Locale.ROOT);
        } catch (MimeTypeException unknown) {
            return "";
        }
    }

    private MediaType detect(Path file, Metadata metadata) {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, metadata);
        } catch (IOException | RuntimeException e) {
            // Detectors parse containers; a hostile container must not stop the extraction.
            return MediaType.OCTET_STREAM;
        }
    }

    private static boolean isGeneric(MediaType type) {
        return type.equals(MediaType.OCTET_STREAM) || type.getBaseType().equals(MediaType.TEXT_PLAIN);
    }
}
