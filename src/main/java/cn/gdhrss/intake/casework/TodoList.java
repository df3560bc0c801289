package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.register.CaseEventRecord;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.CaseQuery;
import cn.gdhrss.intake.register.CaseRepository;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.OutboxRepository;
import cn.gdhrss.intake.register.TodoRepository;
import cn.gdhrss.intake.report.CaseAttribution;
import cn.gdhrss.intake.report.CityDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@code todo}: replies in trouble, flagged cases, corrections overdue, same names, reviews due. */
final class TodoList {
    /** Cases looked at for reviews due: the register's open cases, bounded. */
    static final int MAX_CASES = 100_000;

    private final TodoRepository todo;
    private final CaseRepository cases;
    private final Clock clock;
    private final Duration correctionWait;

    TodoList(TodoRepository todo, CaseRepository cases, Clock clock, Duration correctionWait) {
        this.todo = todo;
        this.cases = cases;
        this.clock = clock;
        this.correctionWait = correctionWait;
    }

    List<TodoItem> build(List<OutboxRecord> troubledReplies) {
        List<TodoItem> items = new ArrayList<>();
        troubledReplies.forEach(row -> items.add(replyItem(row)));
        // The few flagged cases in full; the many that may await a review only by the columns weighed (issue 12).
        todo.listFlagged(MAX_CASES).forEach(one -> items.add(flaggedItem(one)));
        for (TodoRepository.CaseBrief one : todo.listWaitingSince(CaseState.NEEDS_CORRECTION.code(), clock.instant().minus(correctionWait))) {
            long days = (clock.instant().getEpochSecond() - one.receivedSecond()) / 86_400;
            items.add(new TodoItem("correction_waiting", one.reference(), one.reference() + " " + nameOf(one) + " 待补正已超过 "
                    + correctionWait.toDays() + " 天未收到补正材料（首次来件至今 " + days + " 天）", TodoItem.NextStep.NONE, null));
        }
        for (TodoRepository.LinkedCases pair : todo.listLinkedCases(closedStates())) {
            String how = pair.sameName() ? "职业名称相同"
                    : String.format(Locale.ROOT, "职业名称相近（相似度 %.0f%%）", pair.similarity() * 100);
            items.add(new TodoItem("same_name", pair.reference(), pair.reference() + "、" + pair.other() + " 的" + how
                    + "，请核实是否为同一申报", new TodoItem.NextStep("，需要时用 merge " + pair.other() + " --into " + pair.reference() + " 合并",
                    "，需要时在案件页合并"), null));
        }
        items.addAll(reviewsDue(todo.listReviewCandidates(today(), Arrays.stream(CaseState.values())
                .filter(state -> state.isIntake() || state == CaseState.CITY_PASSED).map(CaseState::code).toList())));
        return items;
    }

    private static TodoItem replyItem(OutboxRecord row) {
        String mail = "外发编号 " + row.id() + " 发往 " + row.to() + "（" + row.subject() + "）";
        if (OutboxRepository.UNCERTAIN.equals(row.state())) {
            // All that is known: when the hand-over began and the Message-ID, which the server's log records if it took the mail.
            return new TodoItem("reply_uncertain", row.reference(), mail + "：" + row.lastResponse()
                    + "。可在邮件服务器日志中按 Message-ID <" + row.messageId() + "> 查找", new TodoItem.NextStep(
                    "；确认对方未收到后用 resend " + row.id() + " 重发（每封只发一次，不会自动重发）",
                    "；确认对方未收到后再重发（每封只发一次，不会自动重发）"), row.id());
        }
        return new TodoItem("reply_failed", row.reference(), mail + "，已尝试 " + row.attempts() + " 次：" + row.lastResponse(),
                new TodoItem.NextStep("（改正后可用 resend " + row.id() + " 重发）", "（改正后可重发）"), row.id());
    }

    private TodoItem flaggedItem(CaseListing one) {
        List<CaseEventRecord> events = cases.listEvents(one.id());
        String last = events.isEmpty() ? "" : "：" + events.get(events.size() - 1).detail();
        return new TodoItem("flagged", one.reference(), one.reference() + " " + nameOf(one) + " 已标记需核实" + last,
                new TodoItem.NextStep("（处理后用 note " + one.reference() + " 文字 --done 清除）", ""), null);
    }

    private List<TodoItem> reviewsDue(List<TodoRepository.CaseBrief> candidates) {
        LocalDate today = today();
        // Candidates come in reference order: two lists, city reviews first, need no sort.
        List<TodoItem> due = new ArrayList<>();
        List<TodoItem> provinceDue = new ArrayList<>();
        Map<LocalDate, String> deadlines = new HashMap<>();
        Map<String, CaseState> states = new HashMap<>();
        for (TodoRepository.CaseBrief one : candidates) {
            CaseState state = states.computeIfAbsent(one.status(), code -> CaseState.fromCode(code).orElse(CaseState.RECEIVED));
            boolean provincial = CityDecision.PROVINCIAL.equals(one.city());
            LocalDate period = java.util.Objects.requireNonNull(one.period());
            String when = deadlines.computeIfAbsent(period, end -> "，报送期 " + end + " 截止（还有 " + ChronoUnit.DAYS.between(today, end) + " 天）");
            if ((state == CaseState.RECEIVED || state == CaseState.COMPLETE) && !provincial && one.hasProposal()) {
                due.add(new TodoItem("city_review_due", one.reference(), one.reference() + " " + nameOf(one) + "（" + one.city()
                        + "）材料齐全，待地市初审" + when, TodoItem.NextStep.NONE, null,
                        one.city(), period));
            } else if (state == CaseState.CITY_PASSED || provincial && state.isIntake() && one.hasProposal()) {
                provinceDue.add(new TodoItem("province_review_due", one.reference(), one.reference() + " " + nameOf(one) + "（" + one.city()
                        + "）待省级论证" + when, TodoItem.NextStep.NONE, null,
                        one.city(), period));
            }
        }
        due.addAll(provinceDue);
        return due;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CaseAttribution.BEIJING));
    }

    private static String nameOf(CaseListing one) {
        return nameOf(one.name());
    }

    private static String nameOf(TodoRepository.CaseBrief one) {
        return nameOf(one.name());
    }

    private static String nameOf(String name) {
        return name.isBlank() ? "（无建议书）" : name;
    }

    static List<String> closedStates() {
        return Arrays.stream(CaseState.values()).filter(CaseState::isClosed).map(CaseState::code).toList();
    }
}
