package cn.gdhrss.intake.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads any file offered as a form: .docx/.docm (Word, WPS, LibreOffice; transitional or Strict),
 * .doc and WPS's .wps (Word binary), what Word and WPS also save under a .doc name (RTF, Word 2003
 * XML, a web page .htm, a single-file web page .mht), .xlsx/.xls, and, for staff only, the text of
 * a PDF. The format is told from the bytes, not
 * the name. Bad input never throws: an encrypted, corrupt, macro-enabled or non-Word file gives a
 * result with an error finding whose Chinese message says what to send instead.
 */
public final class FormReader {
    /** POI's default: a zip entry that expands more than 100 times is a bomb. */
    private static final double MIN_INFLATE_RATIO = 0.01;


    private static final Logger LOG = LoggerFactory.getLogger(FormReader.class);
    static final long DEFAULT_MAX_BYTES = 40L * 1024 * 1024;
    static final int DEFAULT_MAX_TEXT_CHARS = 200_000;
    /** Unpacked parts may be this many times the file size limit (XML compresses about 10:1). */
    private static final long UNPACKED_RATIO = 10;
    /** Word writes three headers per section (first, even, default); a form has one or two sections. */
    private static final int MAX_HEADERS = 6;
    private static final Pattern VBA_PART = Pattern.compile("/.*vbaProject\\.bin", Pattern.CASE_INSENSITIVE);

    private final long maxBytes;
    private final int maxTextChars;

    public FormReader() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_TEXT_CHARS);
    }

    /** @param maxBytes larger files are refused unread; @param maxTextChars bound of {@link ReadResult#text()} */
    public FormReader(long maxBytes, int maxTextChars) {
        this.maxBytes = maxBytes;
        this.maxTextChars = maxTextChars;
    }

    /** Reads one file; never throws for bad input. {@code displayName} names the file in messages. */
    public ReadResult read(Path file, String displayName) {
        // Tika's OOXMLParser lowers POI's process-wide zip-bomb guard when it loads (the attachment
        // package loads Tika); an applicant's .docx is read under POI's own limit again.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        try {
            long size = Files.size(file);
            if (size == 0) {
                return failed(ReadFindings.empty(displayName));
            }
            if (size > maxBytes) {
                return failed(ReadFindings.tooLarge(displayName, maxBytes));
            }
            byte[] head = head(file);
            return readByFormat(file, displayName, FileSignature.of(head), head);
        } catch (EncryptedDocumentException e) {
            return failed(ReadFindings.encrypted(displayName));
        } catch (OldWordFileFormatException | OldExcelFormatException e) {
            return failed(ReadFindings.notWord(displayName, "Word 95或更早版本的旧格式文件"));
        } catch (IOException e) {
            LOG.info("Cannot read {}: {}", displayName, e.toString());
            return failed(ReadFindings.corrupt(displayName));
        } catch (RuntimeException | StackOverflowError e) {
            // POI throws every kind of unchecked exception on hostile bytes.
            LOG.info("Corrupt document {}: {}", displayName, e.toString());
            return failed(ReadFindings.corrupt(displayName));
        }
    }

    private ReadResult readByFormat(Path file, String name, FileSignature signature, byte[] head) throws IOException {
        return switch (signature) {
            case ZIP -> readOoxml(file, name);
            case OLE2 -> readOle2(file, name);
            case PDF -> readPdf(file, name);
            // Issue 13: Word and WPS save the form as RTF, web page, single-file web page or Word 2003
            // XML under a .doc name; to the applicant these are Word files, and the table is the same.
            case RTF -> fromWord(new RtfLayoutReader().read(readAll(file)), new ArrayList<>());
            case MARKUP -> readMarkup(file, name, head);
            default -> failed(ReadFindings.notWord(name, signature.label()));
        };
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MarkupKind.HEAD_BYTES);
        }
    }

    private byte[] readAll(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        }
    }

    private ReadResult readMarkup(Path file, String name, byte[] head) throws IOException {
        return switch (MarkupKind.of(head)) {
            case WORD_2003_XML -> {
                yield fromWord(new DocxXmlLayoutReader().read(() -> Files.newInputStream(file)), new ArrayList<>());
            }
            case HTML -> fromWord(new HtmlLayoutReader().read(readAll(file), null), new ArrayList<>());
            case MHT -> MhtDocument.html(readAll(file))
                    .map(page -> fromWord(new HtmlLayoutReader().read(page.bytes(), page.charset()), new ArrayList<>()))
                    .orElseGet(() -> failed(ReadFindings.notWord(name, FileSignature.MARKUP.label())));
            case OTHER -> failed(ReadFindings.notWord(name, FileSignature.MARKUP.label()));
        };
    }

    private ReadResult readOoxml(Path file, String name) throws IOException {
        Optional<Layout> plain = PlainDocxReader.read(file, maxBytes * UNPACKED_RATIO);
        if (plain.isPresent()) {
            return fromWord(plain.get(), new ArrayList<>());
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            return isPlainZip(file) ? failed(ReadFindings.notWord(name, "压缩包（zip）或其他非Word文件"))
                    : failed(ReadFindings.corrupt(name));
        }
        try {
            return readPackage(pkg, name);
        } finally {
            // Opened read-only: revert, never save back over the applicant's file.
            pkg.revert();
        }
    }

    /** A readable zip without the [Content_Types].xml of every Office file: an archive, not a broken form. */
    private static boolean isPlainZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() > 0 && zip.getEntry("[Content_Types].xml") == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private ReadResult readPackage(OPCPackage pkg, String name) throws IOException {
        if (unpackedSize(pkg) > maxBytes * UNPACKED_RATIO) {
            return failed(ReadFindings.tooLarge(name, maxBytes));
        }
        String type = mainContentType(pkg).toLowerCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        if (type.contains("macroenabled") || !pkg.getPartsByName(VBA_PART).isEmpty()) {
            findings.add(ReadFindings.macro(name));
        }
        if (type.contains("wordprocessingml") || type.contains("ms-word")) {
            return fromWord(wordLayout(pkg), findings);
        }
        if (type.contains("spreadsheetml") || type.contains("ms-excel")) {
            return fromSheets(new SheetLayoutReader().read(new XSSFWorkbook(pkg)), findings, name);
        }
        return failed(ReadFindings.notWord(name, "其他Office文件（非Word文档）"));
    }

    /**
     * Office encrypts with the default password "VelvetSweatshop" files it opens without asking (a
     * protected sheet, for one); those are readable. Empty when a real password is needed.
     */
    private Optional<ReadResult> readWithDefaultPassword(POIFSFileSystem filesystem, String name) throws IOException {
        try {
            Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(filesystem));
            if (!decryptor.verifyPassword(Decryptor.DEFAULT_PASSWORD)) {
                return Optional.empty();
            }
            byte[] decrypted;
            try (InputStream in = decryptor.getDataStream(filesystem)) {
                decrypted = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (decrypted.length > maxBytes) {
                return Optional.of(failed(ReadFindings.tooLarge(name, maxBytes)));
            }
            OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(decrypted));
            try {
                return Optional.of(readPackage(pkg, name));
            } finally {
                pkg.revert();
            }
        } catch (GeneralSecurityException | InvalidFormatException | EncryptedDocumentException e) {
            return Optional.empty();
        }
    }

    /** Declared sizes of the parts: a small zip may unpack into gigabytes of XML. */
    private static long unpackedSize(OPCPackage pkg) throws IOException {
        long total = 0;
        try {
            for (PackagePart part : pkg.getParts()) {
                total += Math.max(0, part.getSize());
            }
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
        return total;
    }

    private static String mainContentType(OPCPackage pkg) {
        return mainPart(pkg).map(PackagePart::getContentType).orElse("");
    }

    private static Optional<PackagePart> mainPart(OPCPackage pkg) {
        PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.size() == 0) {
            // Word's "Strict Open XML Document": the same parts under ISO 29500 Strict relationship names.
            main = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (main.size() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(pkg.getPart(main.getRelationship(0)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The document part streamed, not POI's object model: most of the cost of a form is that model. */
    static Layout wordLayout(OPCPackage pkg) throws IOException {
        PackagePart part = mainPart(pkg).orElseThrow(() -> new IOException("no main document part"));
        DocxXmlLayoutReader reader = new DocxXmlLayoutReader();
        // The cover's 申报单位 and 填写时间 are sometimes typed into the page header, read before the body.
        for (PackagePart header : headerParts(part)) {
            reader.readPart(header::getInputStream);
        }
        reader.readPart(part::getInputStream);
        return reader.build();
    }

    private static List<PackagePart> headerParts(PackagePart main) {
        List<PackagePart> headers = new ArrayList<>();
        try {
            for (PackageRelationship relationship : main.getRelationships()) {
                if (relationship.getRelationshipType().endsWith("/header") && headers.size() < MAX_HEADERS) {
                    PackagePart header = main.getRelatedPart(relationship);
                    if (header != null) {
                        headers.add(header);
                    }
                }
            }
        } catch (InvalidFormatException | IllegalArgumentException e) {
            LOG.debug("Headers of {} unreadable", main.getPartName(), e);
        }
        return headers;
    }

    private ReadResult readOle2(Path file, String name) throws IOException {
        try (POIFSFileSystem filesystem = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = filesystem.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                return readWithDefaultPassword(filesystem, name).orElseGet(() -> failed(ReadFindings.encrypted(name)));
            }
            List<Finding> findings = new ArrayList<>();
            if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("VBA")) {
                findings.add(ReadFindings.macro(name));
            }
            if (root.hasEntry("WordDocument")) {
                return fromWord(new DocLayoutReader().read(new HWPFDocument(root)), findings);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                try (HSSFWorkbook workbook = new HSSFWorkbook(root, true)) {
                    return fromSheets(new SheetLayoutReader().read(workbook), findings, name);
                }
            }
            return failed(ReadFindings.notWord(name, "其他格式的Office文件（非Word文档）"));
        }
    }

    private ReadResult fromWord(Layout layout, List<Finding> findings) {
        DocumentClass documentClass = new DocumentClassDetector().detect(layout);
        String text = layout.text(maxTextChars);
        return switch (documentClass) {
            case PROPOSAL -> new ReadResult(documentClass, new ProposalReader().read(layout), null, text, findings);
            case SUMMARY_TABLE -> new ReadResult(documentClass, null, new SummaryTableReader().read(layout), text,
                    findings);
            default -> new ReadResult(documentClass, null, null, text, findings);
        };
    }

    /** A workbook holds the summary table; a proposal typed into Excel is not the Word form. */
    private ReadResult fromSheets(Layout layout, List<Finding> findings, String name) {
        DocumentClass documentClass = new DocumentClassDetector().detect(layout);
        String text = layout.text(maxTextChars);
        if (documentClass == DocumentClass.SUMMARY_TABLE) {
            return new ReadResult(documentClass, null, new SummaryTableReader().read(layout), text, findings);
        }
        if (documentClass == DocumentClass.PROPOSAL) {
            List<Finding> all = new ArrayList<>(findings);
            all.add(ReadFindings.notWord(name, "Excel表格"));
            return new ReadResult(documentClass, null, null, text, all);
        }
        return new ReadResult(documentClass, null, null, text, findings);
    }

    private ReadResult readPdf(Path file, String name) {
        String text = new PdfTextReader().read(file, maxTextChars);
        LayoutBuilder lines = new LayoutBuilder();
        text.lines().forEach(lines::paragraph);
        DocumentClass documentClass = new DocumentClassDetector().detect(lines.build());
        return new ReadResult(documentClass, null, null, text, List.of(ReadFindings.notWord(name, "PDF文件")));
    }

    private static ReadResult failed(Finding finding) {
        return new ReadResult(DocumentClass.OTHER, null, null, "", List.of(finding));
    }
}
