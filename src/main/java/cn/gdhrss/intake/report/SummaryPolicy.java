package cn.gdhrss.intake.report;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.register.SummaryRecord;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a case of a period goes forward, i.e. is a row of the 汇总表 (issue 8), and if
 * not, says why in the words staff read. A case goes forward when it holds a proposal, its message
 * was processed, it is not merged, withdrawn, a duplicate or not a submission, it did not fail
 * 地市初审 or 省级论证, and it has no open error; a recorded passing review stands for a staff
 * decision on the errors (the review rules ask for {@code --force} and a note) and lets it through.
 * 地市是否有初审 is 是 exactly when the latest 地市初审 passed.
 */
final class SummaryPolicy {

    /** Quoted findings are cut here, so one reason fits a cell of a few lines. */
    static final int MAX_QUOTED = 120;

    private static final String MACRO = "FORM_MACRO";

    private SummaryPolicy() {}

    /** Why {@code record} is not listed in the 汇总表; empty when it goes forward. */
    static Optional<String> reasonNotListed(SummaryRecord record) {
        return closed(record)
                .or(() -> unprocessed(record))
                .or(() -> failedReview(record))
                .or(() -> openErrors(record));
    }

    /** 是 when the latest 地市初审 passed, else 否 (a failed one never reaches the 汇总表). */
    static String cityReviewed(SummaryRecord record) {
        return ReviewRecord.PASS.equals(record.cityReview()) ? SummaryLine.REVIEWED : SummaryLine.NOT_REVIEWED;
    }

    private static Optional<String> closed(SummaryRecord record) {
        return switch (state(record)) {
            case MERGED -> Optional.of("已合并到" + other(record) + "，由该件列入");
            case WITHDRAWN -> Optional.of("申报人已撤回");
            case DUPLICATE -> Optional.of("与" + other(record) + "重复（同一申报再次提交）");
            case NOT_SUBMISSION -> Optional.of("不是新职业申报");
            default -> Optional.empty();
        };
    }

    /** 另一件申报 XZY-2026-0001, or 另一件申报 when the register does not name it. */
    private static String other(SummaryRecord record) {
        return record.mergedInto() == null || record.mergedInto().isBlank() ? "另一件申报" : "另一件申报 " + record.mergedInto() + " ";
    }

    private static Optional<String> unprocessed(SummaryRecord record) {
        if (record.messageFailed()) {
            return Optional.of("邮件处理失败，待工作人员重新处理（reprocess）");
        }
        if (!record.hasProposal()) {
            return Optional.of("没有可用的《新职业建议书》Word 电子版" + quoted(record.firstError()));
        }
        return Optional.empty();
    }

    private static Optional<String> failedReview(SummaryRecord record) {
        CaseState state = state(record);
        String city = record.cityReview();
        if (ReviewRecord.FAIL.equals(city) || ReviewRecord.CULTIVATE.equals(city) || state == CaseState.CITY_FAILED) {
            String label = ReviewRecord.CULTIVATE.equals(city) ? "地市初审未通过（有潜力）" : "地市初审未通过";
            return Optional.of(label + (record.cityReviewNote().isBlank() ? "" : "：" + bounded(record.cityReviewNote())));
        }
        String province = record.provinceReview();
        if (ReviewRecord.CULTIVATE.equals(province) || state == CaseState.PROVINCE_CULTIVATE) {
            return Optional.of("省级论证未通过，纳入专项职业能力培育目录");
        }
        if (ReviewRecord.FAIL.equals(province) || state == CaseState.PROVINCE_FAILED) {
            return Optional.of("省级论证未通过");
        }
        return Optional.empty();
    }

    private static Optional<String> openErrors(SummaryRecord record) {
        boolean passed = ReviewRecord.PASS.equals(record.cityReview()) || ReviewRecord.PASS.equals(record.provinceReview());
        if (passed) {
            return Optional.empty();
        }
        if (record.errorCodes().contains(MACRO)) {
            return Optional.of("已告知申报人不予受理" + quoted(record.firstError()));
        }
        if (record.errorCodes().stream().anyMatch(code -> code.endsWith("_NAME_EXISTS"))) {
            return Optional.of("已收录于《大典》或已发布的新职业（工种）" + quoted(record.firstError()));
        }
        if (record.errorCount() > 0) {
            return Optional.of(String.format(Locale.ROOT, "有 %d 项待补正的错误", record.errorCount()) + quoted(record.firstError()));
        }
        if (state(record) == CaseState.NEEDS_CORRECTION) {
            return Optional.of(CaseState.NEEDS_CORRECTION.label());
        }
        return Optional.empty();
    }

    private static CaseState state(SummaryRecord record) {
        return CaseState.fromCode(record.status()).orElse(CaseState.RECEIVED);
    }

    private static String quoted(String finding) {
        return finding.isBlank() ? "" : "：" + bounded(finding);
    }

    private static String bounded(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) <= MAX_QUOTED
                ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_QUOTED)) + "…";
    }
}
