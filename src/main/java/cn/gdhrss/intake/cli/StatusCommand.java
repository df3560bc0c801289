package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.reply.OutboxNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.intake.FaultWatch;
import cn.gdhrss.intake.intake.ServiceHealth;
import cn.gdhrss.intake.intake.ServiceHeartbeat;
import cn.gdhrss.intake.register.MessageStatus;
import cn.gdhrss.intake.register.OutboxRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "服务状态：是否在运行、各邮箱最近一次成功收取、待处理邮件、各状态案件数、外发邮件、磁盘空间；有需要处理的问题时退出码为 1")
final class StatusCommand implements Callable<Integer> {
    /** Less free space than this under the data directory needs staff. */
    static final long LOW_DISK_BYTES = 1L << 30;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Override
    public Integer call() throws IOException {
        try (App app = common.openApp()) {
            Instant now = app.clock().instant();
            ServiceHealth health = ServiceHealth.read(app.dataDir(), app.mailboxSettings().mailboxName(), app.passes(), app.messages(),
                    app.outbox(), app.replySettings().warnAfter(), now);
            List<String> problems = new ArrayList<>();
            Map<String, Object> view = new LinkedHashMap<>();
            service(health, problems, view);
            mailboxes(app, health, now, problems, view);
            faults(app, problems, view);
            messages(app, health, problems, view);
            view.put("cases_by_state", named(app.caseService().countByState(), CaseState::labelOf));
            outbox(app, problems, view);
            disk(app, health, problems, view);
            view.put("needs_staff", problems);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(view));
            } else {
                plain(out, view, problems);
            }
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }
    }

    private static void service(ServiceHealth health, List<String> problems, Map<String, Object> view) {
        Optional<ServiceHeartbeat.Beat> beat = health.beat();
        boolean running = health.running();
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("running", running);
        service.put("pid", beat.map(ServiceHeartbeat.Beat::pid).orElse(null));
        service.put("started_at", beat.map(one -> one.startedAt().toString()).orElse(null));
        service.put("last_beat_at", beat.map(one -> one.beatAt().toString()).orElse(null));
        service.put("text", running
                ? "运行中（进程 " + beat.get().pid() + "，" + Times.local(beat.get().startedAt()) + " 启动，最近心跳 " + Times.local(beat.get().beatAt()) + "）"
                : beat.isPresent() ? "未运行（进程 " + beat.get().pid() + " 最近心跳 " + Times.local(beat.get().beatAt()) + "，已停止或无响应）"
                : "未运行（没有找到服务心跳；用 ./run.sh serve 启动）");
        if (!running) {
            problems.add("受理服务未运行");
        }
        view.put("service", service);
    }

    private static void mailboxes(App app, ServiceHealth health, Instant now, List<String> problems, Map<String, Object> view) {
        Map<String, Instant> last = health.lastSuccess();
        Duration silence = app.settings().integer("health.max-silence-minutes", 60) > 0
                ? Duration.ofMinutes(app.settings().integer("health.max-silence-minutes", 60)) : Duration.ofHours(1);
        List<Map<String, Object>> boxes = new ArrayList<>();
        last.forEach((mailbox, at) -> {
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("mailbox", mailbox);
            box.put("last_success_at", at == null ? null : at.toString());
            box.put("text", at == null ? "从未成功收取" : "最近一次成功收取 " + Times.local(at) + "（" + ago(Duration.between(at, now)) + "前）");
            boxes.add(box);
            boolean configured = mailbox.equals(app.mailboxSettings().mailboxName());
            if (configured && (at == null || Duration.between(at, now).compareTo(silence) > 0)) {
                problems.add("邮箱 " + mailbox + (at == null ? " 从未成功收取" : " 已 " + ago(Duration.between(at, now)) + "没有成功收取"));
            }
        });
        view.put("mailboxes", boxes);
    }

    private static void messages(App app, ServiceHealth health, List<String> problems, Map<String, Object> view) {
        Map<String, Integer> counts = app.messages().countByStatus();
        int backlog = health.backlog();
        int failed = health.failedMessages();
        view.put("backlog", backlog);
        view.put("messages_by_status", named(counts, StatusNames::message));
        if (failed > 0) {
            problems.add(failed + " 封邮件处理失败（list 查看，reprocess ID 重新处理）");
        }
    }

    /** The machine faults the last pass met and is waiting out (disk full, register locked, mailbox down). */
    private static void faults(App app, List<String> problems, Map<String, Object> view) {
        List<Map<String, Object>> faults = new ArrayList<>();
        FaultWatch.read(app.dataDir()).forEach((fault, since) -> {
            String text = fault.sentence() + "（自 " + Times.local(since) + " 起）";
            faults.add(Map.of("fault", fault.code(), "since", since.toString(), "text", text));
            problems.add(text);
        });
        view.put("faults", faults);
    }

    private static void outbox(App app, List<String> problems, Map<String, Object> view) {
        List<OutboxRecord> trouble = app.outbox().listTrouble(app.replySettings().warnAfter());
        view.put("outbox_transport", app.outboxSender().describe());
        view.put("outbox_by_state", named(app.outbox().countByState(), OutboxNames::state));
        view.put("outbox_needing_attention", trouble.stream().map(OutboxCommand::view).toList());
        if (!trouble.isEmpty()) {
            problems.add(trouble.size() + " 封外发邮件发送失败或不确定是否送达（todo 查看）");
        }
    }

    private static void disk(App app, ServiceHealth health, List<String> problems, Map<String, Object> view) {
        long free = health.freeBytes();
        view.put("disk", Map.of("data_dir", app.dataDir().toAbsolutePath().toString(), "free_bytes", free, "total_bytes", health.totalBytes(),
                "text", "数据目录 " + app.dataDir().toAbsolutePath() + " 所在磁盘可用 " + gigabytes(free) + "（共 " + gigabytes(health.totalBytes()) + "）"));
        if (free < LOW_DISK_BYTES) {
            problems.add("数据目录所在磁盘可用空间不足 1 GB");
        }
    }

    /** Counts keyed by code, each with its Chinese name: [{"code":..,"name":..,"count":..}]. */
    private static List<Map<String, Object>> named(Map<String, Integer> counts, java.util.function.Function<String, String> name) {
        return counts.entrySet().stream().map(entry -> Map.<String, Object>of("code", entry.getKey(), "name", name.apply(entry.getKey()),
                "count", entry.getValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private static void plain(PrintWriter out, Map<String, Object> view, List<String> problems) {
        out.println("服务：" + ((Map<String, Object>) view.get("service")).get("text"));
        for (Map<String, Object> box : (List<Map<String, Object>>) view.get("mailboxes")) {
            out.println(ServiceHealth.mailboxLabel((String) box.get("mailbox")) + "：" + box.get("text"));
        }
        for (Map<String, Object> fault : (List<Map<String, Object>>) view.get("faults")) {
            out.println("故障：" + fault.get("text"));
        }
        out.println("待处理邮件：" + view.get("backlog") + " 封");
        counts(out, "各状态邮件数", (List<Map<String, Object>>) view.get("messages_by_status"), "封");
        counts(out, "各状态案件数", (List<Map<String, Object>>) view.get("cases_by_state"), "件");
        counts(out, "外发邮件（" + view.get("outbox_transport") + "）", (List<Map<String, Object>>) view.get("outbox_by_state"), "封");
        out.println("磁盘：" + ((Map<String, Object>) view.get("disk")).get("text"));
        if (problems.isEmpty()) {
            out.println("一切正常。");
        } else {
            out.println("需要处理：");
            problems.forEach(problem -> out.println("  " + problem));
        }
    }

    private static void counts(PrintWriter out, String title, List<Map<String, Object>> counts, String unit) {
        int total = counts.stream().mapToInt(count -> (Integer) count.get("count")).sum();
        out.println(title + "：共 " + total + " " + unit);
        counts.forEach(count -> out.println("  " + count.get("name") + "：" + count.get("count") + " " + unit));
    }

    private static String ago(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " 分钟" : minutes < 48 * 60 ? minutes / 60 + " 小时" : minutes / (24 * 60) + " 天";
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
}
