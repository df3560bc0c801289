package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.report.CityDecision;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.util.Locale;
import java.util.Map;

/**
 * Notice 159's procedure for reviews: 地市初审 passes or fails a case whose material is complete;
 * 省级论证 follows a passed 地市初审 (a 省属 case has none) and passes it on to the nation, puts it
 * in the 专项职业能力 cultivation list, or fails it. Staff may pass a case with open errors only
 * when they say so ({@code --force}) and why ({@code --note}).
 */
final class ReviewRules {

    /** What a review does: its stage and result codes and the state it moves the case to. */
    record Decision(String stage, String result, CaseState state, boolean forced) {}

    private static final Map<String, CaseState> CITY = Map.of(
            ReviewRecord.PASS, CaseState.CITY_PASSED,
            ReviewRecord.FAIL, CaseState.CITY_FAILED);
    private static final Map<String, CaseState> PROVINCE = Map.of(
            ReviewRecord.PASS, CaseState.PROVINCE_PASSED,
            ReviewRecord.CULTIVATE, CaseState.PROVINCE_CULTIVATE,
            ReviewRecord.FAIL, CaseState.PROVINCE_FAILED);

    private ReviewRules() {}

    static Decision check(CaseListing listing, String stage, String result, String note, boolean force) {
        String stageCode = stage.strip().toLowerCase(Locale.ROOT);
        String resultCode = result.strip().toLowerCase(Locale.ROOT);
        Map<String, CaseState> results = switch (stageCode) {
            case ReviewRecord.STAGE_CITY -> CITY;
            case ReviewRecord.STAGE_PROVINCE -> PROVINCE;
            default -> throw new CaseWorkException("审核阶段应为 city（地市初审）或 province（省级论证），不是“" + stage + "”。");
        };
        CaseState next = results.get(resultCode);
        if (next == null) {
            throw new CaseWorkException(stageCode.equals(ReviewRecord.STAGE_CITY)
                    ? "地市初审结果应为 pass（通过）或 fail（未通过），不是“" + result + "”；“未通过但有潜力”由省级论证决定。"
                    : "省级论证结果应为 pass（通过，上报国家）、cultivate（未通过但纳入专项职业能力培育目录）或 fail（未通过），不是“" + result + "”。");
        }
        CaseState current = CaseService.stateOf(listing);
        if (current.isClosed()) {
            throw new CaseWorkException(listing.reference() + " 的状态是“" + current.label() + "”，不能再审核。");
        }
        if (stageCode.equals(ReviewRecord.STAGE_PROVINCE)) {
            requireCityPass(listing);
        }
        boolean forced = resultCode.equals(ReviewRecord.PASS) || resultCode.equals(ReviewRecord.CULTIVATE)
                ? requireNoOpenErrors(listing, note, force) : false;
        return new Decision(stageCode, resultCode, next, forced);
    }

    private static void requireCityPass(CaseListing listing) {
        if (CityDecision.PROVINCIAL.equals(listing.city())) {
            return;
        }
        boolean passed = listing.lastReview(ReviewRecord.STAGE_CITY).map(review -> review.result().equals(ReviewRecord.PASS)).orElse(false);
        if (!passed) {
            throw new CaseWorkException(listing.reference() + " 尚未通过地市初审，不能进行省级论证", Remedy.CITY_PASS_FIRST);
        }
    }

    /** True when the case is passed despite open errors (staff forced it). */
    private static boolean requireNoOpenErrors(CaseListing listing, String note, boolean force) {
        if (listing.openErrors() == 0) {
            return false;
        }
        if (!force || note.isBlank()) {
            throw new CaseWorkException(listing.reference() + " 还有 " + listing.openErrors() + " 处错误未补正，不能通过", Remedy.PASS_DESPITE_ERRORS);
        }
        return true;
    }

    static String describe(ReviewRecord review) {
        return ReviewOutcomes.describe(review);
    }
}
