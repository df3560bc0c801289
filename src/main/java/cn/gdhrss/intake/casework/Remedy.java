package cn.gdhrss.intake.casework;

/**
 * The way out of a refusal, worded twice: the command line names its options, the console names
 * the boxes and buttons of its pages. The refusal itself ("XZY-2026-0001 的状态是…") reads the same
 * in both; only this part differs.
 */
public enum Remedy {
    FIND_CASE("可用 list --cases 查看", "可在登记簿中查看"),
    CHOOSE_CHANGE("请用 --city 或 --period 指定要改的内容", "请选择要改的城市或报送期"),
    OTHER_CASE("请用 --into 指定另一个案件", "请填写另一个案件的编号"),
    WRITE_LETTER("请在 --text 指定的文件中写好要发给申报人的内容", "请写好要发给申报人的内容"),
    GIVE_ADDRESS("请用 --to 指定，如 zhang@example.com", "请填写收件地址，如 zhang@example.com"),
    FIND_OUTGOING("编号见 run.sh outbox", "请从案件页的往来邮件或待办页重发"),
    FIND_MESSAGE("编号见 run.sh list", "请从“非申报邮件”页或案件页选择"),
    RESEND_SENT("确需再发一次请加 --force", "确需再发一次请在案件页的往来邮件中点“重发”"),
    CITY_PASS_FIRST("请先记录 --stage city --result pass（省属单位的申报须先用 assign --city 省属 标明）",
            "请先记录地市初审通过（省属单位的申报须先在“更改城市或报送期”中选“省属”）"),
    PASS_DESPITE_ERRORS("确需通过请加 --force 并用 --note 写明理由", "确需通过请勾选“尚有错误仍予通过”并在意见栏写明理由");

    private final String commandLine;
    private final String console;

    Remedy(String commandLine, String console) {
        this.commandLine = commandLine;
        this.console = console;
    }

    public String commandLine() {
        return commandLine;
    }

    public String console() {
        return console;
    }
}
