package cn.gdhrss.intake.form;

/** What a document is, told from its content; {@link #code()} is the value used in JSON and the register. */
public enum DocumentClass {
    PROPOSAL("proposal", "新职业建议书"),
    SUMMARY_TABLE("summary_table", "新职业信息汇总表"),
    OCCUPATIONAL_STANDARD("occupational_standard", "职业标准初稿"),
    OTHER("other", "其他文件");

    private final String code;
    private final String label;

    DocumentClass(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Chinese name staff read. */
    public String label() {
        return label;
    }
}
