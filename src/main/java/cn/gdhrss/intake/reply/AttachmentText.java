package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.register.AttachmentRecord;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How a reply describes an attachment: its name, kind and size in Chinese, a video's duration, a problem. */
public final class AttachmentText {
    private static final Map<String, String> KINDS = Map.of(
            "proposal_form", "Word 文档",
            "summary_table", "表格",
            "video", "视频",
            "image", "图片",
            "pdf", "PDF 文件",
            "archive", "压缩包",
            "document", "其他文档",
            "other", "其他文件",
            "link", "云盘链接（未下载）");
    private static final Map<String, String> PROBLEMS = Map.of(
            "over_limit", "超过大小限制，未保存",
            "zip_bomb", "压缩包展开后过大或嵌套层数过多，无法打开，请直接发送其中的文件",
            "encrypted", "有密码保护，无法打开",
            "corrupt", "文件已损坏，无法打开",
            "unsupported", "格式暂不支持，无法打开",
            "macro", "含有宏，需人工查看",
            "empty", "空文件");

    private AttachmentText() {}

    /** The attachment as replies and the console describe it: name, kind, size, duration, problem ("" when none). */
    public static Map<String, Object> modelOf(AttachmentRecord attachment) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", HeaderSafe.text(attachment.name(), 120));
        model.put("kind", KINDS.getOrDefault(attachment.kind(), "文件"));
        model.put("size", attachment.kind().equals("link") ? "" : size(attachment.size()));
        model.put("duration", attachment.durationSeconds() == null ? "" : duration(attachment.durationSeconds()));
        model.put("problem", problemOf(attachment));
        model.put("inner", attachment.parentSeq() != null);
        return model;
    }

    private static String problemOf(AttachmentRecord attachment) {
        if (isRenamedNonWord(attachment)) {
            return "不是 Word 文件（名称是 Word，内容却是别的文件），请发送真正的 Word 文件";
        }
        if (attachment.status().isEmpty() || attachment.status().equals("ok")) {
            return "";
        }
        String reason = attachment.statusReason().isBlank() ? PROBLEMS.getOrDefault(attachment.status(), "无法处理")
                : attachment.statusReason();
        return HeaderSafe.text(reason, 200);
    }

    /** A program or other file renamed to .doc/.docx (issue 10): told plainly, without file-type jargon. */
    private static boolean isRenamedNonWord(AttachmentRecord attachment) {
        String name = attachment.name().toLowerCase(Locale.ROOT);
        return (name.endsWith(".doc") || name.endsWith(".docx")) && !attachment.kind().equals("proposal_form")
                && !attachment.kind().equals("link");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    static String duration(double seconds) {
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long rest = total % 60;
        return (hours > 0 ? hours + "小时" : "") + (hours > 0 || minutes > 0 ? minutes + "分" : "") + rest + "秒";
    }
}
