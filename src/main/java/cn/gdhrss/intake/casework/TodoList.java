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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
        List<TodoItem> items = beforeReviews(troubledReplies);
        items.addAll(reviewsDue(todo.listReviewCandidates(today(), reviewStates())));
        return items;
    }

    /**
     * The items of {@link #build}, each its own group, but the reviews due gathered by kind, city and
     * period, each group with its first {@code shown} items: SQLite counts the reviews due instead
     * of handing out every one (issue 12).
     */
    List<TodoGroup> buildGrouped(List<OutboxRecord> troubledReplies, int shown) {
        List<TodoGroup> groups = new ArrayList<>(beforeReviews(troubledReplies).stream().map(TodoGroup::of).toList());
        groups.addAll(reviewGroups(todo.listReviewCandidateGroups(today(), reviewStates(), shown), shown));
        return groups;
    }

    private List<TodoItem> beforeReviews(List<OutboxRecord> troubledReplies) {
        List<TodoItem> items = new ArrayList<>();
        troubledReplies.forEach(row -> items.add(replyItem(row)));
        // The few flagged cases in full; the many that may await a review only by the columns weighed (issue 12).
        todo.listFlagged(MAX_CASES).forEach(one -> items.add(flaggedItem(one)));
        for (TodoRepository.WaitingCase one : todo.listWaitingSince(CaseState.NEEDS_CORRECTION.code(), clock.instant().minus(correctionWait))) {
            long days = (clock.instant().getEpochSecond() - one.receivedSecond()) / 86_400;
            items.add(new TodoItem("correction_waiting", one.reference(), one.reference() + " " + nameOf(one.name()) + " 待补正已超过 "
                    + correctionWait.toDays() + " 天未收到补正材料（首次来件至今 " + days + " 天）", TodoItem.NextStep.NONE, null));
        }
        for (TodoRepository.LinkedCases pair : todo.listLinkedCases(closedStates())) {
            String how = pair.sameName() ? "职业名称相同"
                    : String.format(Locale.ROOT, "职业名称相近（相似度 %.0f%%）", pair.similarity() * 100);
            items.add(new TodoItem("same_name", pair.reference(), pair.reference() + "、" + pair.other() + " 的" + how
                    + "，请核实是否为同一申报", new TodoItem.NextStep("，需要时用 merge " + pair.other() + " --into " + pair.reference() + " 合并",
                    "，需要时在案件页合并"), null));
        }
        return items;
    }

    /**
     * The states {@link ReviewsDue#kindOf} may find a review due in: the intake states and
     * {@code city_passed}; of the intake states, those other than received and complete only for a
     * provincial case.
     */
    private static TodoRepository.ReviewStates reviewStates() {
        return new TodoRepository.ReviewStates(
                Arrays.stream(CaseState.values()).filter(state -> state.isIntake() || state == CaseState.CITY_PASSED)
                        .map(CaseState::code).toList(),
                Arrays.stream(CaseState.values()).filter(state -> state.isIntake() && !ReviewsDue.awaitsCityReview(state))
                        .map(CaseState::code).toList(),
                CityDecision.PROVINCIAL);
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
        ReviewsDue reviews = new ReviewsDue(today());
        // Candidates come in reference order: two lists, city reviews first, need no sort.
        List<TodoItem> due = new ArrayList<>();
        List<TodoItem> provinceDue = new ArrayList<>();
        for (TodoRepository.CaseBrief one : candidates) {
            String kind = reviews.kindOf(one);
            if (kind != null) {
                (kind.equals(CITY_REVIEW) ? due : provinceDue).add(reviews.item(kind, one));
            }
        }
        due.addAll(provinceDue);
        return due;
    }

    /**
     * The candidate groups of the register merged into the groups {@code todo} prints: the kind of
     * review due depends on state, city and proposal, so several of the register's groups can make
     * one. City reviews first, then by first reference, as {@link #reviewsDue} orders the items;
     * only the first {@code shown} cases of each are read in full.
     */
    private List<TodoGroup> reviewGroups(List<TodoRepository.CandidateGroup> candidates, int shown) {
        ReviewsDue reviews = new ReviewsDue(today());
        Map<String, Merged> merged = new HashMap<>();
        for (TodoRepository.CandidateGroup group : candidates) {
            String kind = reviews.kindOf(group.status(), group.city(), group.hasProposal());
            if (kind != null) {
                merged.computeIfAbsent(kind + "\n" + group.city() + "\n" + group.period(), key -> new Merged(kind)).add(group);
            }
        }
        List<String> shownReferences = new ArrayList<>();
        merged.values().forEach(one -> shownReferences.addAll(one.first(shown)));
        Map<String, TodoRepository.CaseBrief> briefs = new HashMap<>();
        todo.listBriefs(shownReferences).forEach(brief -> briefs.put(brief.reference(), brief));
        List<TodoGroup> groups = new ArrayList<>();
        for (Merged one : merged.values()) {
            groups.add(new TodoGroup(one.size, one.first(shown).stream().map(briefs::get).filter(Objects::nonNull)
                    .map(brief -> reviews.item(one.kind, brief)).toList()));
        }
        groups.sort(Comparator.comparing((TodoGroup group) -> !group.first().get(0).kind().equals(CITY_REVIEW))
                .thenComparing(group -> group.first().get(0).reference()));
        return groups;
    }

    /** Candidate groups of one kind of review, city and period. */
    private static final class Merged {
        final String kind;
        int size;
        final List<String> first = new ArrayList<>();

        Merged(String kind) {
            this.kind = kind;
        }

        void add(TodoRepository.CandidateGroup group) {
            size += group.cases();
            first.addAll(group.first());
        }

        /** The first {@code count} references: each group gave its first, so theirs include the first of all. */
        List<String> first(int count) {
            return first.stream().sorted().limit(count).toList();
        }
    }

    private static final String CITY_REVIEW = "city_review_due";
    private static final String PROVINCE_REVIEW = "province_review_due";

    /** Which review a candidate awaits, and its item; states and deadlines are worked out once each. */
    private static final class ReviewsDue {
        private final LocalDate today;
        private final Map<LocalDate, String> deadlines = new HashMap<>();
        private final Map<String, CaseState> states = new HashMap<>();

        ReviewsDue(LocalDate today) {
            this.today = today;
        }

        @Nullable String kindOf(TodoRepository.CaseBrief one) {
            return kindOf(one.status(), one.city(), one.hasProposal());
        }

        /** {@code city_review_due}, {@code province_review_due}, or null when neither is due. */
        @Nullable String kindOf(String status, String city, boolean hasProposal) {
            CaseState state = states.computeIfAbsent(status, code -> CaseState.fromCode(code).orElse(CaseState.RECEIVED));
            boolean provincial = CityDecision.PROVINCIAL.equals(city);
            if (awaitsCityReview(state) && !provincial && hasProposal) {
                return CITY_REVIEW;
            }
            return state == CaseState.CITY_PASSED || provincial && state.isIntake() && hasProposal ? PROVINCE_REVIEW : null;
        }

        /** The states in which a case that is not provincial awaits the city's review. */
        static boolean awaitsCityReview(CaseState state) {
            return state == CaseState.RECEIVED || state == CaseState.COMPLETE;
        }

        TodoItem item(String kind, TodoRepository.CaseBrief one) {
            LocalDate period = Objects.requireNonNull(one.period());
            String when = deadlines.computeIfAbsent(period, end -> "，报送期 " + end + " 截止（还有 " + ChronoUnit.DAYS.between(today, end) + " 天）");
            String what = kind.equals(CITY_REVIEW) ? "材料齐全，待地市初审" : "待省级论证";
            return new TodoItem(kind, one.reference(), one.reference() + " " + nameOf(one.name()) + "（" + one.city() + "）" + what + when,
                    TodoItem.NextStep.NONE, null, one.city(), period);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CaseAttribution.BEIJING));
    }

    private static String nameOf(CaseListing one) {
        return nameOf(one.name());
    }

    private static String nameOf(String name) {
        return name.isBlank() ? "（无建议书）" : name;
    }

    static List<String> closedStates() {
        return Arrays.stream(CaseState.values()).filter(CaseState::isClosed).map(CaseState::code).toList();
    }
}
