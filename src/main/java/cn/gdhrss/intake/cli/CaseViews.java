package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.register.CaseRow;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One case as a table row, a CSV row and a JSON object, for {@code list --cases} and {@code search}. */
final class CaseViews {
    static final List<String> HEADER = List.of("编号", "收到时间", "城市", "报送期", "申报类别", "职业（工种）名称", "申报单位", "状态", "审核");

    private CaseViews() {}

    static List<String> cells(CaseRow row) {
        return List.of(row.reference(), Times.local(row.receivedAt()), row.city(), row.period() == null ? "" : row.period().toString(),
                categoryLabel(row.category()), row.name(), row.applicant(), StatusNames.caseState(row.status()), reviews(row.reviews()));
    }

    static Map<String, Object> json(CaseRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", row.reference());
        view.put("received_at", row.receivedAt().toString());
        view.put("city", row.city());
        view.put("period", row.period() == null ? null : row.period().toString());
        view.put("category", row.category());
        view.put("name", row.name());
        view.put("applicant", row.applicant());
        view.put("industry", row.industry());
        view.put("status", row.status());
        view.put("reviews", row.reviews().stream().map(CaseViews::review).toList());
        return view;
    }

    static Map<String, Object> review(ReviewRecord review) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("stage", review.stage());
        view.put("result", review.result());
        view.put("label", ReviewOutcomes.describe(review));
        view.put("note", review.note());
        view.put("by", review.reviewedBy());
        view.put("at", review.reviewedAt().toString());
        return view;
    }

    static String reviews(List<ReviewRecord> reviews) {
        return String.join("；", reviews.stream()
                .map(review -> ReviewOutcomes.stageLabel(review.stage()) + ReviewOutcomes.resultLabel(review.stage(), review.result()))
                .toList());
    }

    static String categoryLabel(String code) {
        return Category.fromCode(code).map(Category::label).orElse(code);
    }

    /** A category as staff type it: its code or its Chinese label (新职业, 新工种, 调整变更…). */
    static Optional<String> categoryCode(String text) {
        for (Category category : Category.values()) {
            if (category.code().equals(text) || category.label().startsWith(text.strip())) {
                return Optional.of(category.code());
            }
        }
        return Optional.empty();
    }

    /** Prints rows as --json, --csv or an aligned table with a count line. */
    static void print(java.io.PrintWriter out, List<CaseRow> rows, boolean json, boolean csv) {
        if (json) {
            out.println(Json.write(rows.stream().map(CaseViews::json).toList()));
        } else if (csv) {
            out.print(Csv.write(HEADER, rows.stream().map(CaseViews::cells).toList()));
        } else {
            TextTable table = new TextTable(HEADER.toArray(String[]::new));
            rows.forEach(row -> table.add(cells(row).toArray()));
            out.print(table.render(30));
            out.println("共 " + rows.size() + " 件");
        }
        out.flush();
    }
}
