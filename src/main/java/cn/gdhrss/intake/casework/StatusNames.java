package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.register.MessageStatus;
import java.util.Map;

/** Chinese names of message processing states for staff; case states are named by {@link CaseState}. */
public final class StatusNames {
    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("received", "收到"),
            Map.entry("extracted", "提取附件"),
            Map.entry("parsed", "解析表格"),
            Map.entry("answered", "回复"),
            Map.entry("no_reply", "不回复"),
            Map.entry("failed", "处理失败"),
            Map.entry("classify", "分类"),
            Map.entry("reprocess", "重新处理"),
            Map.entry("reprocess_reply", "重新处理并要求回复"),
            Map.entry("duplicate_delivery", "重复投递"),
            Map.entry("message_id_conflict", "Message-ID 相同而内容不同"),
            Map.entry("set_aside", "搁置"),
            Map.entry("step_failed", "处理出错"));
    /** Where a case's city or period came from (CityDecision.SOURCE_*, CasePlace.*). */
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("summary_table", "地市汇总表标题"),
            Map.entry("sender", "发件地址（city.sender.*）"),
            Map.entry("address", "申报单位通讯地址"),
            Map.entry("applicant", "申报单位名称"),
            Map.entry("none", "无依据，待工作人员指定"),
            Map.entry("staff", "工作人员指定"),
            Map.entry("received", "收到日期"));
    private static final Map<String, String> ATTACHMENT_KINDS = Map.ofEntries(
            Map.entry("proposal_form", "建议书"),
            Map.entry("summary_table", "汇总表"),
            Map.entry("video", "视频"),
            Map.entry("image", "图片"),
            Map.entry("pdf", "PDF 文件"),
            Map.entry("archive", "压缩包"),
            Map.entry("document", "其他文档"),
            Map.entry("other", "其他文件"),
            Map.entry("link", "云盘链接"));
    private static final Map<String, String> ATTACHMENT_STATES = Map.ofEntries(
            Map.entry("ok", "正常"),
            Map.entry("over_limit", "超过大小上限"),
            Map.entry("zip_bomb", "压缩包展开过大或嵌套过深"),
            Map.entry("encrypted", "有密码保护"),
            Map.entry("corrupt", "已损坏"),
            Map.entry("unsupported", "格式不支持"),
            Map.entry("macro", "含宏"),
            Map.entry("empty", "空文件"));

    private StatusNames() {}

    /** The step a message's processing record names: 收到、提取附件、解析表格、回复、分类… */
    public static String event(String kind) {
        return EVENTS.getOrDefault(kind, kind);
    }

    /** Where a city or period came from, in words: 工作人员指定. */
    public static String placeSource(String code) {
        return SOURCES.getOrDefault(code, code);
    }

    /** An attachment's kind in words: 压缩包. */
    public static String attachmentKind(String kind) {
        return ATTACHMENT_KINDS.getOrDefault(kind, kind);
    }

    /** An attachment's state in words: 已损坏. */
    public static String attachmentState(String status) {
        return ATTACHMENT_STATES.getOrDefault(status, status);
    }

    /** A message's processing state: 已回复（answered）. */
    public static String message(String status) {
        return MessageStatus.of(status).map(MessageStatus::label).orElse(status) + "（" + status + "）";
    }

    /** A case's state as staff read it: 材料齐全. */
    public static String caseState(String code) {
        return CaseState.labelOf(code);
    }
}
