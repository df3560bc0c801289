package cn.gdhrss.intake.form;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the layout of a plain .docx straight from its zip: the page headers and the body, in the
 * order POI's package gives them. Opening the package with POI parsed every index and relationship
 * part into a DOM and was a sixth of an import's time (issue 12). Only a package with nothing
 * unusual is read here: one main part at word/document.xml of the Word document type, no macros,
 * sizes within the limit and every part inflating to no more than its declared size; for anything
 * else the answer is empty and the caller opens the package with POI as before. Type detection
 * asks the same question first ({@link #isPlainDocx}), so a plain .docx is told apart from a zip
 * without Tika's detectors, which read the bytes against every magic pattern and then open the
 * package with POI; a package that is not plain goes to Tika, whose answer it keeps.
 */
public final class PlainDocxReader {
    private static final String MAIN_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final int MAX_INDEX_BYTES = 256 * 1024;
    private static final int MAX_HEADERS = 6;
    private static final long DENSE_CHECK_BYTES = 64 * 1024;
    private static final double MIN_PLAIN_RATIO = 0.03;
    private static final Pattern DOCUMENT_OVERRIDE = Pattern.compile(
            "<Override\\s(?=[^>]*\\bPartName=\"/word/document\\.xml\")(?=[^>]*\\bContentType=\"" + Pattern.quote(MAIN_PART) + "\")[^>]*>");
    private static final Pattern RELATIONSHIP = Pattern.compile("<Relationship\\s[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(Id|Type|Target|TargetMode)=\"([^\"]*)\"");
    private static final Pattern VBA_PART = Pattern.compile(".*vbaProject\\.bin", Pattern.CASE_INSENSITIVE);

    private PlainDocxReader() {}

    /** True only for a zip whose index and package relationships name word/document.xml as a Word document's main part. */
    public static boolean isPlainDocx(Path file) {
        if (!startsWithZipHeader(file)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return isPlain(zip, Long.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWithZipHeader(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** @param maxUnpackedBytes the declared size of all parts together beyond which the package is not read here */
    static Optional<Layout> read(Path file, long maxUnpackedBytes) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (!isPlain(zip, maxUnpackedBytes)) {
                return Optional.empty();
            }
            DocxXmlLayoutReader reader = new DocxXmlLayoutReader();
            // The cover's 申报单位 and 填写时间 are sometimes typed into the page header, read before the body.
            for (ZipEntry header : headers(zip)) {
                reader.readPart(() -> bounded(zip, header));
            }
            ZipEntry document = zip.getEntry("word/document.xml");
            reader.readPart(() -> bounded(zip, document));
            return Optional.of(reader.build());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isPlain(ZipFile zip, long maxUnpackedBytes) throws IOException {
        long declared = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
            ZipEntry entry = entries.nextElement();
            if (entry.getSize() < 0 || VBA_PART.matcher(entry.getName()).matches() || isSuspiciouslyDense(entry)) {
                return false;
            }
            declared += entry.getSize();
        }
        if (declared > maxUnpackedBytes || zip.getEntry("word/document.xml") == null) {
            return false;
        }
        String types = index(zip, "[Content_Types].xml");
        Map<String, Relationship> root = relationships(index(zip, "_rels/.rels"));
        List<Relationship> main = root.values().stream().filter(one -> one.type().endsWith("/officeDocument")).toList();
        return types != null && DOCUMENT_OVERRIDE.matcher(types).find() && main.size() == 1
                && "/word/document.xml".equals(resolve("/", main.get(0).target()));
    }

    /**
     * A part that inflates far more than XML does: POI's guard refuses such a package while reading
     * it (at a ratio of 1 to 100 part-way through), so it is left to POI to refuse with a margin.
     */
    private static boolean isSuspiciouslyDense(ZipEntry entry) {
        return entry.getSize() > DENSE_CHECK_BYTES && (entry.getCompressedSize() < 0
                || entry.getCompressedSize() < entry.getSize() * MIN_PLAIN_RATIO);
    }

    /** The header parts of the main part, by relationship id as POI orders them, at most six. */
    private static List<ZipEntry> headers(ZipFile zip) throws IOException {
        List<ZipEntry> headers = new ArrayList<>();
        for (Relationship relationship : relationships(index(zip, "word/_rels/document.xml.rels")).values()) {
            if (relationship.type().endsWith("/header") && !"External".equals(relationship.mode()) && headers.size() < MAX_HEADERS) {
                String path = resolve("/word/document.xml", relationship.target());
                ZipEntry entry = path == null ? null : zip.getEntry(path.substring(1));
                if (entry != null) {
                    headers.add(entry);
                }
            }
        }
        return headers;
    }

    private record Relationship(String type, String target, String mode) {}

    private static Map<String, Relationship> relationships(String xml) {
        Map<String, Relationship> byId = new TreeMap<>();
        if (xml == null) {
            return byId;
        }
        Matcher element = RELATIONSHIP.matcher(xml);
        while (element.find()) {
            Map<String, String> attributes = new TreeMap<>();
            Matcher attribute = ATTRIBUTE.matcher(element.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2).replace("&amp;", "&"));
            }
            if (attributes.containsKey("Id") && attributes.containsKey("Type") && attributes.containsKey("Target")) {
                byId.put(attributes.get("Id"), new Relationship(attributes.get("Type"), attributes.get("Target"),
                        attributes.getOrDefault("TargetMode", "Internal")));
            }
        }
        return byId;
    }

    /** The absolute part name of {@code target} seen from the part {@code source}; null when it is no part name. */
    private static String resolve(String source, String target) {
        try {
            URI resolved = new URI(source).resolve(new URI(target));
            return resolved.getScheme() == null && resolved.getPath() != null && resolved.getPath().startsWith("/")
                    ? resolved.getPath() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String index(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.getSize() > MAX_INDEX_BYTES) {
            return null;
        }
        try (InputStream in = bounded(zip, entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A part's bytes, refused past its declared size: the central directory may lie about a bomb. */
    private static InputStream bounded(ZipFile zip, ZipEntry entry) throws IOException {
        long limit = entry.getSize();
        return new FilterInputStream(zip.getInputStream(entry)) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(0, n));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                    throw new IOException("Part " + entry.getName() + " inflates past its declared size");
                }
            }
        };
    }
}
