package cn.gdhrss.intake.report;

import cn.gdhrss.intake.register.CaseRowRepository;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.register.ReviewRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Records 地市初审 and 省级论证 (issue 5, "Review outcomes") in a case's audit trail, and names them
 * as staff read them: 论证通过 goes on to the national centre, 未通过但有潜力 to the provincial
 * 专项职业能力 cultivation list.
 */
public final class ReviewOutcomes {

    static final int MAX_NOTE_LENGTH = 2000;

    private static final Map<String, String> STAGES = Map.of(
            ReviewRecord.STAGE_CITY, "地市初审",
            ReviewRecord.STAGE_PROVINCE, "省级论证");
    private static final Map<String, String> CITY_RESULTS = Map.of(
            ReviewRecord.PASS, "初审通过",
            ReviewRecord.FAIL, "初审未通过",
            ReviewRecord.CULTIVATE, "初审未通过但有潜力");
    private static final Map<String, String> PROVINCE_RESULTS = Map.of(
            ReviewRecord.PASS, "论证通过，上报国家",
            ReviewRecord.FAIL, "未通过",
            ReviewRecord.CULTIVATE, "未通过但有潜力，列入专项职业能力培育目录");

    private final CaseRowRepository cases;
    private final ReviewRepository reviews;
    private final Clock clock;

    public ReviewOutcomes(CaseRowRepository cases, ReviewRepository reviews, Clock clock) {
        this.cases = cases;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Records a review by {@code reviewer} now.
     *
     * @throws IllegalArgumentException with a Chinese message when the case, stage or result is unknown
     */
    public ReviewRecord record(String reference, String stage, String result, String note, String reviewer) {
        String stageCode = stage.strip().toLowerCase(Locale.ROOT);
        String resultCode = result.strip().toLowerCase(Locale.ROOT);
        if (!STAGES.containsKey(stageCode)) {
            throw new IllegalArgumentException("审核阶段应为 city（地市初审）或 province（省级论证），不是“" + stage + "”");
        }
        if (!CITY_RESULTS.containsKey(resultCode)) {
            throw new IllegalArgumentException("审核结果应为 pass、fail 或 cultivate，不是“" + result + "”");
        }
        if (!cases.exists(reference)) {
            throw new IllegalArgumentException("没有编号为 " + reference + " 的案件");
        }
        String boundedNote = note.length() > MAX_NOTE_LENGTH ? note.substring(0, MAX_NOTE_LENGTH) : note;
        ReviewRecord review = new ReviewRecord(reference, stageCode, resultCode, boundedNote, reviewer, clock.instant());
        reviews.addReview(review, describe(review));
        return review;
    }

    /** 地市初审：初审通过；省级论证：…: the stage and result of each review, oldest first (lists and exports). */
    public static String summary(java.util.List<ReviewRecord> reviews) {
        return String.join("；", reviews.stream()
                .map(review -> stageLabel(review.stage()) + "：" + resultLabel(review.stage(), review.result())).toList());
    }

    /** 省级论证：论证通过，上报国家（意见：…）. */
    public static String describe(ReviewRecord review) {
        return stageLabel(review.stage()) + "：" + resultLabel(review.stage(), review.result())
                + (review.note().isBlank() ? "" : "（意见：" + review.note() + "）");
    }

    public static String stageLabel(String stage) {
        return STAGES.getOrDefault(stage, stage);
    }

    public static String resultLabel(String stage, String result) {
        Map<String, String> labels = ReviewRecord.STAGE_PROVINCE.equals(stage) ? PROVINCE_RESULTS : CITY_RESULTS;
        return labels.getOrDefault(result, result);
    }
}
