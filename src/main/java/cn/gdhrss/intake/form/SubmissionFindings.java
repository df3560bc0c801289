package cn.gdhrss.intake.form;

import java.util.List;

/**
 * Findings about a message as a whole, when it carries no form that could be read: what is missing
 * and what to send, in words an applicant understands.
 */
public final class SubmissionFindings {
    private SubmissionFindings() {}

    public static Finding noAttachment() {
        return Finding.error("SUBMISSION_NO_ATTACHMENT", null,
                "邮件中没有附件。请将填写好的《新职业建议书》（Word 版）作为附件发送；城市汇总报送请同时附《新职业信息汇总表》。");
    }

    public static Finding onlyCloudLinks(List<String> hosts) {
        return Finding.error("SUBMISSION_ONLY_CLOUD_LINKS", null,
                "邮件中只有云盘链接（" + String.join("、", hosts) + "），系统无法自动下载。请将《新职业建议书》Word 文件直接作为附件发送；"
                        + "短视频等大文件可按通知要求存入光盘或U盘，随纸质材料一同寄送。");
    }

    public static Finding noWordForm(List<String> received) {
        return Finding.error("SUBMISSION_NO_WORD_FORM", null,
                "附件中没有可读取的《新职业建议书》Word 文件（收到：" + String.join("、", received) + "）。"
                        + "通知要求提交电子版（Word 版），请补发 .docx 或 .doc 文件。");
    }

    public static Finding tooLarge(List<String> items) {
        return Finding.error("SUBMISSION_TOO_LARGE", null,
                "以下内容超过本邮箱的大小上限，系统未能接收：" + String.join("；", items) + "。请将《新职业建议书》Word 文件单独发送；"
                        + "短视频等大文件请按通知要求存入光盘或U盘，随纸质材料一同寄送。");
    }

    public static Finding duplicateOf(String name, String otherName, String otherApplicant, boolean same) {
        return Finding.warning("PROPOSAL_DUPLICATE_IN_REGISTER", "occupation.name",
                "“" + name + "”与已登记的申报“" + otherName + "”（申报单位：" + otherApplicant + "）"
                        + (same ? "职业名称相同" : "职业名称相近") + "，请工作人员核对是否合并");
    }
}
