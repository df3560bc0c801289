package cn.gdhrss.intake.attachment;

import java.util.Locale;
import java.util.Set;

/** What an attachment is for the office; a later issue refines Word files by their content. */
public enum AttachmentKind {
    /**
     * Word (.doc, .docx, .docm, .wps), or what Word and WPS save under such a name (RTF, Word 2003
     * XML, a web page, a single-file web page): presumably a 新职业建议书.
     */
    PROPOSAL_FORM,
    /** Spreadsheet (.xls, .xlsx, .xlsm, .et): presumably a 新职业信息汇总表. */
    SUMMARY_TABLE,
    VIDEO,
    IMAGE,
    PDF,
    ARCHIVE,
    /** Other office or text documents (.ppt, .rtf, .txt, .odt ...). */
    DOCUMENT,
    OTHER,
    /** A link to a cloud big attachment found in the body; nothing stored. */
    LINK;

    private static final Set<String> GENERIC_TYPES = Set.of(
            "application/octet-stream",
            "application/x-tika-msoffice",
            "application/x-tika-ooxml",
            "application/x-tika-ooxml-protected",
            "application/x-tika-msoffice-embedded");
    private static final Set<String> WORD_EXTENSIONS = Set.of("doc", "docx", "docm", "dot", "dotx", "dotm", "wps", "wpt");
    /**
     * What Word and WPS write when the applicant picks "RTF", "Word 2003 XML", "网页" or "单个文件网页"
     * and keeps the .doc name (issue 13). Word opens them as its own files, so the applicant sent
     * a Word form; the form reader tells them apart from their first bytes again.
     */
    private static final Set<String> WORD_SAVED_TYPES = Set.of(
            "application/rtf",
            "text/rtf",
            "application/vnd.ms-wordml",
            "application/xml",
            "text/xml",
            "text/html",
            "application/xhtml+xml",
            "multipart/related",
            "message/rfc822",
            "application/x-mimearchive");
    private static final Set<String> SHEET_EXTENSIONS = Set.of("xls", "xlsx", "xlsm", "xlsb", "xlt", "xltx", "xltm", "et", "ett");
    private static final Set<String> ARCHIVE_TYPES = Set.of(
            "application/zip",
            "application/x-7z-compressed",
            "application/x-rar-compressed",
            "application/vnd.rar",
            "application/gzip",
            "application/x-gzip",
            "application/x-tar",
            "application/x-bzip2",
            "application/x-xz");

    /**
     * The kind of a file from the type detected in its bytes; only when the bytes say nothing
     * specific (an OLE or OOXML container Tika could not name, an encrypted package, unknown
     * binary) does the extension of {@code name} decide; and a Word name on what Word itself saves
     * as RTF, XML or a web page keeps it a Word form. Any other content under a Word name (a
     * program, a picture, a plain text) is what its bytes say, and the reply says it is not Word.
     */
    public static AttachmentKind classify(String detectedType, String name) {
        String extension = extensionOf(name);
        if (GENERIC_TYPES.contains(detectedType)) {
            return fromExtension(extension);
        }
        if (WORD_EXTENSIONS.contains(extension) && WORD_SAVED_TYPES.contains(detectedType)) {
            return PROPOSAL_FORM;
        }
        return fromType(detectedType);
    }

    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).trim().toLowerCase(Locale.ROOT);
    }

    private static AttachmentKind fromType(String type) {
        if (type.contains("msword") || type.contains("wordprocessingml") || type.contains("ms-word")) {
            return PROPOSAL_FORM;
        }
        if (type.contains("ms-excel") || type.contains("spreadsheetml")) {
            return SUMMARY_TABLE;
        }
        if (type.startsWith("video/")) {
            return VIDEO;
        }
        if (type.startsWith("image/")) {
            return IMAGE;
        }
        if (type.equals("application/pdf")) {
            return PDF;
        }
        if (ARCHIVE_TYPES.contains(type)) {
            return ARCHIVE;
        }
        return isDocument(type) ? DOCUMENT : OTHER;
    }

    private static boolean isDocument(String type) {
        return type.startsWith("text/")
                || type.equals("application/rtf")
                || type.equals("application/xml")
                || type.contains("ms-powerpoint")
                || type.contains("presentationml")
                || type.contains("opendocument")
                || type.contains("ms-works");
    }

    private static AttachmentKind fromExtension(String extension) {
        if (WORD_EXTENSIONS.contains(extension)) {
            return PROPOSAL_FORM;
        }
        if (SHEET_EXTENSIONS.contains(extension)) {
            return SUMMARY_TABLE;
        }
        return switch (extension) {
            case "ppt", "pptx", "pptm", "rtf", "txt", "odt", "ods", "odp" -> DOCUMENT;
            case "pdf" -> PDF;
            default -> OTHER;
        };
    }

    /** Lowercase code for the register and JSON, e.g. {@code proposal_form}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
