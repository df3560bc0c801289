package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.bench.BenchCorpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner gives the layout the JDK's StAX parser gives, on every fixture and on rewritings of
 * them, and leaves to StAX, with the same outcome, what it cannot read with certainty.
 */
class WordXmlScannerTest {
    private static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern TEXT = Pattern.compile(">([^<]*[^<\\s][^<]*)<");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");

    @TempDir
    Path temp;

    @Test
    void everyXmlPartOfEveryDocxFixtureGivesTheStaxLayout() throws IOException {
        int documents = 0;
        int scanned = 0;
        for (Path file : files(".docx")) {
            List<byte[]> parts = wordParts(file);
            for (byte[] part : parts) {
                scanned += sameAsStax(file.toString(), List.of(part)) ? 1 : 0;
            }
            documents += parts.size();
            if (parts.size() > 1) {
                sameAsStax(file + " (all parts, body last)", parts);
            }
        }
        assertThat(documents).isGreaterThan(100);
        // The damaged fixtures (truncated, fuzzed) are StAX's to refuse; the rest is scanned.
        assertThat(scanned).isGreaterThan(documents * 3 / 4);
    }

    @Test
    void everyFormFixtureBodyIsScannedNotLeftToStax() throws IOException {
        for (Path file : files(".docx")) {
            if (file.startsWith(Path.of("src/test/resources/forms")) && !file.toString().contains("corpus")) {
                byte[] body = entry(file, "word/document.xml");
                assertThat(sameAsStax(file.toString(), List.of(body))).as(file.toString()).isTrue();
            }
        }
    }

    @Test
    void word2003XmlFixturesGiveTheStaxLayout() throws IOException {
        int read = 0;
        for (Path file : files(".doc")) {
            byte[] bytes = Files.readAllBytes(file);
            if (MarkupKind.of(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, MarkupKind.HEAD_BYTES)))
                    == MarkupKind.WORD_2003_XML) {
                assertThat(sameAsStax(file.toString(), List.of(bytes))).as(file.toString()).isTrue();
                read++;
            }
        }
        assertThat(read).isGreaterThanOrEqualTo(3);
    }

    @Test
    void benchCorpusFormsGiveTheStaxLayout() throws IOException {
        BenchCorpus.Written corpus = BenchCorpus.write(temp.resolve("corpus"), 40, 42);
        for (Path word : corpus.wordFiles()) {
            assertThat(sameAsStax(word.toString(), List.of(entry(word, "word/document.xml")))).isTrue();
        }
    }

    @Test
    void rewritingsStaxReadsAlikeAreScannedToTheSameLayout() throws IOException {
        List<String> bodies = List.of(
                utf8(entry(Fixtures.resource("testDOCX_filled_libreoffice.docx"), "word/document.xml")),
                utf8(entry(Path.of("src/test/resources/forms/variants/proposal_content-controls-handedited.docx"), "word/document.xml")),
                utf8(entry(Path.of("src/test/resources/forms/variants/proposal_tracked-changes-handedited.docx"), "word/document.xml")),
                utf8(entry(Path.of("src/test/resources/forms/variants/proposal_tick-wingdings-sym-pythondocx.docx"), "word/document.xml")));
        for (String body : bodies) {
            Layout original = DocxXmlLayoutReader.streamingOnly().read(() -> stream(utf8(body)));
            for (var variation : variations().entrySet()) {
                String rewritten = variation.getValue().apply(body);
                assertThat(rewritten).as(variation.getKey()).isNotEqualTo(body);
                assertThat(sameAsStax(variation.getKey(), List.of(utf8(rewritten)))).as(variation.getKey()).isTrue();
            }
            assertThat(outcome(new DocxXmlLayoutReader(), List.of(utf8(renamePrefix(body, "ns0")))))
                    .as("a prefix is only a name for its URI").isEqualTo(original);
            assertThat(outcome(new DocxXmlLayoutReader(), List.of(utf8(entities(body)))))
                    .as("references are the characters they stand for").isEqualTo(original);
            assertThat(outcome(new DocxXmlLayoutReader(), List.of(utf16(body, true)))).as("UTF-16BE").isEqualTo(original);
            assertThat(outcome(new DocxXmlLayoutReader(), List.of(utf16(body, false)))).as("UTF-16LE").isEqualTo(original);
        }
    }

    @Test
    void whatTheScannerCannotBeSureOfIsLeftToStaxWithTheSameOutcome() throws IOException {
        String body = utf8(entry(Fixtures.resource("testDOCX_filled_libreoffice.docx"), "word/document.xml"));
        String cut = body.substring(0, body.length() / 2);
        List<String> refused = List.of(
                body.replaceFirst("\\?>", "?><!DOCTYPE w:document [<!ENTITY x \"y\">]>"),
                body.replaceFirst("<w:t>", "<w:t>&x;"),
                body.replaceFirst("<w:t>", "<w:t>]]>"),
                body.replaceFirst("<w:t>", "<w:t>\u0001"),
                body.replaceFirst("<w:t>", "<w:t>&#0;"),
                body.replaceFirst("<w:t>", "<w:t>&#xD800;"),
                body.replaceFirst("<w:t>", "<w:t>&#X41;"),
                body.replaceFirst("<w:t>", "<w:t>\uFFFE"),
                body.replaceFirst("<w:body>", "<w:body><q:x/>"),
                body.replaceFirst("<w:body>", "<w:body><w:x a=\"1\" a=\"2\"/>"),
                body.replaceFirst("<w:body>", "<w:body xmlns:a=\"u\" xmlns:b=\"u\"><w:x a:v=\"1\" b:v=\"2\"/>"),
                body.replaceFirst("<w:body>", "<w:body><w:x></w:y>"),
                body.replaceFirst("<w:body>", "<w:body><职业/>"),
                body.replaceFirst("<w:body>", "<w:body><w:p a=\"<\"/>"),
                body.replaceFirst("<w:body>", "<w:body><?xml x?>"),
                body.replaceFirst("<w:body>", "<w:body><!-- a -- b -->"),
                body.replaceFirst("<w:body>", "<w:body xmlns:p=\"\">"),
                body.replaceFirst("version=\"1.0\"", "version=\"1.1\""),
                body.replaceFirst("UTF-8", "ISO-8859-1"),
                body + "<w:document/>",
                body + "junk",
                cut,
                "",
                "   " + body);
        for (String xml : refused) {
            String what = xml.length() > 300 ? xml.substring(0, 300) : xml;
            assertThat(sameAsStax(what, List.of(xml.getBytes(StandardCharsets.UTF_8)))).as(what).isFalse();
        }
        byte[] utf16WithoutMark = body.replaceFirst("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16LE);
        assertThat(sameAsStax("UTF-16 without a byte order mark", List.of(utf16WithoutMark))).isFalse();
        byte[] latin1 = body.replaceFirst("UTF-8", "ISO-8859-1").replace("专业", "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(sameAsStax("ISO-8859-1", List.of(latin1))).isFalse();
    }

    @Test
    void aPartStaxCannotReadAfterScannedOnesFailsAsWithStaxAlone() throws IOException {
        byte[] header = entry(Path.of("src/test/resources/attachment/documents/poi_HeaderFooterUnicode.docx"), "word/header2.xml");
        String body = utf8(entry(Fixtures.resource("testDOCX_filled_libreoffice.docx"), "word/document.xml"));
        byte[] broken = utf8(body.replaceFirst("<w:body>", "<w:body><w:x></w:y>"));

        DocxXmlLayoutReader reader = new DocxXmlLayoutReader();
        Object scanned = outcome(reader, List.of(header, broken));

        assertThat(reader.isScanned()).isFalse();
        assertThat(scanned).isEqualTo(outcome(DocxXmlLayoutReader.streamingOnly(), List.of(header, broken)));
        assertThat(scanned.toString()).startsWith("java.io.IOException: Unreadable WordprocessingML part");
        assertThat(sameAsStax("a good body after a broken header", List.of(broken, utf8(body)))).isFalse();
    }

    @Test
    void aParagraphPastTheCellBoundIsLeftToStax() {
        String big = "<w:document xmlns:w=\"" + WORD + "\"><w:body><w:p><w:r><w:t>" + "字".repeat(60_000)
                + "</w:t><w:t>" + "&amp;".repeat(60_000) + "</w:t><w:tab/></w:r></w:p></w:body></w:document>";
        assertThat(sameAsStax("past the cell bound", List.of(utf8(big)))).isFalse();
    }

    @Test
    void aPartTooLargeToHoldIsStreamedByStax() {
        StringBuilder big = new StringBuilder("<w:document xmlns:w=\"" + WORD + "\"><w:body>");
        while (big.length() < 3_000_000) {
            big.append("<w:p><w:r><w:t>段落</w:t></w:r></w:p>\n");
        }
        big.append("</w:body></w:document>");
        assertThat(sameAsStax("3 MB", List.of(utf8(big.toString())))).isFalse();
    }

    @Test
    void readingStopsWhereStaxStopsWhenTheLayoutIsFull() {
        StringBuilder full = new StringBuilder("<w:document xmlns:w=\"" + WORD + "\"><w:body>");
        for (int i = 0; i <= LayoutBuilder.MAX_LINES; i++) {
            full.append("<w:p><w:r><w:t>").append(i).append("</w:t></w:r></w:p>");
        }
        full.append("<w:p></w:q> never read");
        List<byte[]> parts = List.of(utf8(full.toString()));
        assertThat(sameAsStax("full, then malformed", parts)).isTrue();
        assertThat(outcome(new DocxXmlLayoutReader(), parts)).isInstanceOf(Layout.class);
        assertThat(sameAsStax("a part after the layout is full", List.of(utf8(full.toString()), utf8("<x")))).isFalse();
    }

    /** Single-character edits of a small document: whatever the scanner reads, StAX reads the same. */
    @Test
    void editedDocumentsReadTheSameOrAreLeftToStax() {
        String small = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<!-- c --><?p q?>"
                + "<w:document xmlns:w=\"" + WORD + "\" xmlns:o=\"urn:o\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">"
                + "a &amp; b&#x4E2D;&#20013;<![CDATA[<c>]]>\r\nd</w:t><w:tab/><w:sym w:char=\"F0FE\"/></w:r></w:p>"
                + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/>"
                + "<w:vMerge/></w:tcPr><w:p><w:r><w:rPr><w:rFonts w:ascii='Wingdings'/></w:rPr><w:t>R</w:t></w:r></w:p>"
                + "</w:tc></w:tr></w:tbl><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>x</w:t>"
                + "</w:r></w:p></w:sdtContent></w:sdt><o:x><w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
                + "<w:r><w:t>kept</w:t></w:r></w:p></o:x></w:body></w:document>\n";
        String alphabet = "<>&;#x\"'/:=!?[]- \r\n\tw中\u0001";
        Random random = new Random(12);
        int scanned = 0;
        for (int i = 0; i < 1500; i++) {
            int at = random.nextInt(small.length());
            String edited = switch (random.nextInt(3)) {
                case 0 -> small.substring(0, at) + small.substring(at + 1);
                case 1 -> small.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + small.substring(at);
                default -> small.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + small.substring(at + 1);
            };
            scanned += sameAsStax(edited, List.of(utf8(edited))) ? 1 : 0;
        }
        assertThat(scanned).isBetween(100, 1400);
    }

    private static java.util.Map<String, UnaryOperator<String>> variations() {
        java.util.Map<String, UnaryOperator<String>> variations = new java.util.LinkedHashMap<>();
        variations.put("prefix w renamed", body -> renamePrefix(body, "ns0"));
        variations.put("WordprocessingML as the default namespace", WordXmlScannerTest::defaultNamespace);
        variations.put("a second prefix for the same URI", WordXmlScannerTest::secondPrefix);
        variations.put("prefix w bound to another URI in a table", body -> body.replaceFirst("<w:tbl>", "<w:tbl xmlns:w=\"urn:x\">"));
        variations.put("character references and entities", WordXmlScannerTest::entities);
        variations.put("CDATA sections", WordXmlScannerTest::cdata);
        variations.put("comments and processing instructions", WordXmlScannerTest::commentsAndInstructions);
        variations.put("white space and line ends in tags", WordXmlScannerTest::spacedTags);
        variations.put("line ends in text", body -> TEXT.matcher(body).replaceAll(m -> Matcher.quoteReplacement(">" + m.group(1) + "\r\n\r<")));
        variations.put("attributes reversed in single quotes", WordXmlScannerTest::reversedAttributes);
        variations.put("UTF-8 byte order mark", body -> "\uFEFF" + body);
        return variations;
    }

    private static String renamePrefix(String body, String prefix) {
        return inTags(body, tag -> tag.replace("<w:", "<" + prefix + ":").replace("</w:", "</" + prefix + ":")
                .replace(" w:", " " + prefix + ":").replace("xmlns:w=", "xmlns:" + prefix + "="));
    }

    private static String defaultNamespace(String body) {
        String moved = inTags(body, tag -> tag.replace("<w:", "<").replace("</w:", "</"));
        return moved.replaceFirst("<document ", "<document xmlns=\"" + WORD + "\" ");
    }

    /** The body's elements under a prefix of their own, declared on the root beside w. */
    private static String secondPrefix(String body) {
        int start = body.indexOf("<w:body>") + "<w:body>".length();
        int end = body.lastIndexOf("</w:body>");
        String inside = inTags(body.substring(start, end), tag -> tag.replace("<w:", "<x:").replace("</w:", "</x:"));
        return body.substring(0, start).replaceFirst("<w:document ", "<w:document xmlns:x=\"" + WORD + "\" ")
                + inside + body.substring(end);
    }

    private static String entities(String body) {
        return TEXT.matcher(body).replaceAll(match -> {
            StringBuilder text = new StringBuilder(">");
            String value = match.group(1);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (value.startsWith("&", i)) {
                    int end = value.indexOf(';', i);
                    text.append(value, i, end + 1);
                    i = end;
                } else if (c > 0x7F) {
                    text.append(i % 2 == 0 ? String.format(java.util.Locale.ROOT, "&#x%X;", (int) c) : "&#" + (int) c + ";");
                } else if (c == 'a' || c == '"' || c == '\'' || c == '>') {
                    text.append(c == 'a' ? "&#97;" : c == '"' ? "&quot;" : c == '>' ? "&gt;" : "&apos;");
                } else {
                    text.append(c);
                }
            }
            return Matcher.quoteReplacement(text.append('<').toString());
        });
    }

    private static String cdata(String body) {
        return TEXT.matcher(body).replaceAll(match -> {
            String value = match.group(1);
            if (value.contains("&") || value.length() < 2) {
                return Matcher.quoteReplacement(match.group());
            }
            int half = value.length() / 2;
            return Matcher.quoteReplacement(">" + value.substring(0, half) + "<![CDATA[" + value.substring(half) + "]]><![CDATA[]]><");
        });
    }

    private static String commentsAndInstructions(String body) {
        int[] count = {0};
        String marked = TAG.matcher(body).replaceAll(match -> {
            String tag = match.group();
            if (tag.startsWith("<?xml ") || count[0]++ % 5 != 0) {
                return Matcher.quoteReplacement(tag);
            }
            return Matcher.quoteReplacement(tag + "<!-- note - " + count[0] + " --><?mso-hint x=\"1\"?>");
        });
        return marked.replaceFirst("\\?>", "?>\n<!-- before the root --><?mso-application progid=\"Word.Document\"?>\n") + "\n<!-- after -->\n";
    }

    private static String spacedTags(String body) {
        return inTags(body, tag -> tag.startsWith("<?") ? tag
                : tag.replace(" ", "\r\n\t ").replace("=\"", " =\n \"").replace("/>", " \t/>").replaceAll("([^/?])>$", "$1\n>"));
    }

    private static String reversedAttributes(String body) {
        return inTags(body, tag -> {
            if (tag.startsWith("<?") || tag.startsWith("</")) {
                return tag;
            }
            List<String> attributes = new ArrayList<>();
            Matcher attribute = ATTRIBUTE.matcher(tag);
            while (attribute.find()) {
                attributes.add(attribute.group(1) + "='" + attribute.group(2).replace("'", "&apos;") + "'");
            }
            if (attributes.size() < 2) {
                return tag;
            }
            Collections.reverse(attributes);
            int nameEnd = tag.indexOf(' ');
            return tag.substring(0, nameEnd) + " " + String.join(" ", attributes) + (tag.endsWith("/>") ? "/>" : ">");
        });
    }

    private static String inTags(String body, UnaryOperator<String> rewrite) {
        return TAG.matcher(body).replaceAll(match -> Matcher.quoteReplacement(rewrite.apply(match.group())));
    }

    /** Reads the parts with the scanner (falling back to StAX) and with StAX alone; true when the scanner read them all. */
    private static boolean sameAsStax(String what, List<byte[]> parts) {
        DocxXmlLayoutReader reader = new DocxXmlLayoutReader();
        Object scanned = outcome(reader, parts);
        assertThat(scanned).as(what).isEqualTo(outcome(DocxXmlLayoutReader.streamingOnly(), parts));
        return reader.isScanned();
    }

    /** The layout, or the failure as its class and message. */
    private static Object outcome(DocxXmlLayoutReader reader, List<byte[]> parts) {
        try {
            for (byte[] part : parts) {
                reader.readPart(() -> stream(part));
            }
            return reader.build();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
        }
    }

    /** Headers, footers, notes and the body, body last; none when the zip cannot be opened. */
    private static List<byte[]> wordParts(Path docx) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        byte[] body = null;
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("word/") && entry.getName().endsWith(".xml") && entry.getSize() < 4_000_000) {
                    byte[] bytes = zip.getInputStream(entry).readAllBytes();
                    if (entry.getName().equals("word/document.xml")) {
                        body = bytes;
                    } else {
                        parts.add(bytes);
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        if (body != null) {
            parts.add(body);
        }
        return parts;
    }

    private static byte[] entry(Path docx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf16(String body, boolean bigEndian) {
        String declared = body.replaceFirst("encoding=[\"']UTF-8[\"']", "encoding=\"UTF-16\"");
        return ("\uFEFF" + declared).getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    }
}
