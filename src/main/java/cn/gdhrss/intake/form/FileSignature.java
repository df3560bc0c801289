package cn.gdhrss.intake.form;

import java.nio.charset.StandardCharsets;

/** The format of a file from its first bytes, which, unlike its name, an applicant cannot mislabel. */
enum FileSignature {
    ZIP("压缩包"),
    OLE2("Office 97-2003文件"),
    PDF("PDF文件"),
    IMAGE("图片文件"),
    RTF("RTF格式文件"),
    MARKUP("网页或XML格式文件（不是Word可打开的表格）"),
    UNKNOWN("无法识别格式的文件（不是Word文档）");

    private final String label;

    FileSignature(String label) {
        this.label = label;
    }

    /** How the file is named in a Chinese message ("《x.doc》是PDF文件…"). */
    String label() {
        return label;
    }

    static FileSignature of(byte[] head) {
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("PK\u0003\u0004")) {
            return ZIP;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE2;
        }
        if (ascii.startsWith("%PDF")) {
            return PDF;
        }
        if (isImage(head, ascii)) {
            return IMAGE;
        }
        if (ascii.startsWith("{\\rtf")) {
            return RTF;
        }
        String trimmed = ascii.replace("\u00EF\u00BB\u00BF", "").stripLeading();
        if (trimmed.startsWith("<") || MarkupKind.isMimeHeader(trimmed)) {
            return MARKUP;
        }
        return UNKNOWN;
    }

    private static boolean isImage(byte[] head, String ascii) {
        return startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF) || ascii.startsWith("GIF8")
                || ascii.startsWith("BM") || ascii.startsWith("II*\u0000") || ascii.startsWith("MM\u0000*")
                || (ascii.startsWith("RIFF") && ascii.length() >= 12 && ascii.startsWith("WEBP", 8));
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
