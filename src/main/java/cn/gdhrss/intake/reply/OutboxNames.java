package cn.gdhrss.intake.reply;

import java.util.Map;

/** Chinese names of the outbox's delivery states and mail kinds. */
public final class OutboxNames {
    private static final Map<String, String> STATES = Map.of(
            "queued", "待发送", "claimed", "发送中", "transmitting", "发送中", "sent", "已发送",
            "written", "已生成（未发送）", "retrying", "重试中", "failed", "发送失败", "uncertain", "待核实");
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("receipt", "回执"), Map.entry("correction", "补正通知"), Map.entry("batch_receipt", "汇总回执"),
            Map.entry("batch_correction", "汇总补正通知"), Map.entry("resubmission_ack", "补正材料已收到"),
            Map.entry("enquiry_ack", "咨询回执"), Map.entry("health_alert", "邮箱故障提醒"), Map.entry("health_recovered", "邮箱恢复通知"),
            Map.entry("staff_letter", "工作人员来函"), Map.entry("summary", "汇总表"));

    private OutboxNames() {}

    public static String state(String state) {
        return STATES.getOrDefault(state, state);
    }

    public static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }
}
