package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.register.CaseLine;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.register.RowPipe;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One case as a table row, a CSV row and a JSON object, for {@code list --cases} and {@code search}. */
final class CaseViews {
    static final List<String> HEADER =
            List.of("编号", "收到时间", "城市", "报送期", "申报类别", "职业（工种）名称", "申报单位", "状态", "未补正错误", "审核");
    /** Shown for the name of a case that never had a proposal. */
    static final String NO_PROPOSAL = "（无建议书）";

    private CaseViews() {}

    static List<String> cells(CaseListing row) {
        return List.of(row.reference(), Times.local(row.receivedAt()), row.city(), row.period() == null ? "" : row.period().toString(),
                categoryLabel(row.category()), nameOf(row), row.applicant(), StatusNames.caseState(row.status()),
                Integer.toString(row.openErrors()), reviews(row.reviews()));
    }

    /**
     * The cells of {@link #cells(CaseListing)} from a {@link CaseLine}, the labels of the few state
     * and category codes looked up once each (issue 12: 100,000 rows).
     */
    static final class LineCells {
        private final Map<String, String> states = new java.util.HashMap<>();
        private final Map<String, String> categories = new java.util.HashMap<>();

        String[] of(CaseLine row) {
            return new String[] {row.reference(), Times.local(row.receivedSecond()), row.city(),
                row.period() == null ? "" : row.period().toString(), categories.computeIfAbsent(row.category(), CaseViews::categoryLabel),
                row.name().isBlank() ? NO_PROPOSAL : row.name(), row.applicant(), states.computeIfAbsent(row.status(), StatusNames::caseState),
                Integer.toString(row.openErrors()), row.reviews().isEmpty() ? "" : reviews(row.reviews())};
        }
    }

    static String nameOf(CaseListing row) {
        return row.name().isBlank() ? NO_PROPOSAL : row.name();
    }

    static Map<String, Object> json(CaseListing row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", row.reference());
        view.put("kind", row.kind());
        view.put("received_at", row.receivedAt().toString());
        view.put("sender", row.sender());
        view.put("city", row.city());
        view.put("period", row.period() == null ? null : row.period().toString());
        view.put("category", row.category());
        view.put("name", row.name());
        view.put("applicant", row.applicant());
        view.put("industry", row.industry());
        view.put("contact_person", row.contactPerson());
        view.put("contact_phone", row.contactPhone());
        view.put("contact_email", row.contactEmail());
        view.put("status", row.status());
        view.put("status_label", StatusNames.caseState(row.status()));
        view.put("open_errors", row.openErrors());
        view.put("open_warnings", row.openWarnings());
        view.put("flagged", row.flagged());
        view.put("merged_into", row.mergedInto());
        view.put("paper_received", row.paperReceived() == null ? null : row.paperReceived().toString());
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

    /** 地市初审通过；省级论证未通过: the stage and result of each review, oldest first. */
    static String reviews(List<ReviewRecord> reviews) {
        return ReviewOutcomes.summary(reviews);
    }

    static String categoryLabel(String code) {
        return Category.labelOf(code);
    }

    /**
     * Prints the cases {@code source} hands out as --csv or an aligned table with a count line, each
     * row as it comes (issue 12: a listing of the whole register is not held); --json as one array.
     */
    static void stream(PrintWriter out, java.util.function.Consumer<java.util.function.Consumer<CaseListing>> source,
            boolean json, boolean csv) {
        if (json) {
            List<CaseListing> rows = new java.util.ArrayList<>();
            source.accept(rows::add);
            print(out, rows, true, false);
        } else if (csv) {
            out.print(Csv.write(HEADER, List.of()));
            source.accept(row -> out.print(Csv.line(cells(row))));
        } else {
            TextTable.Streamed table = new TextTable.Streamed(out, 30, HEADER.toArray(String[]::new));
            source.accept(row -> table.add(cells(row).toArray()));
            out.println("共 " + table.finish() + " 件");
        }
        out.flush();
    }

    /**
     * {@link #stream} of --csv or the aligned table from {@link CaseLine}s, printed through one
     * 64 KiB buffer (the command line's writer flushes at every line end it is given) while a
     * {@link RowPipe} reads the next ones.
     */
    static void streamLines(PrintWriter commandOut, java.util.function.Consumer<java.util.function.Consumer<CaseLine>> source, boolean csv) {
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(commandOut, 1 << 16), false);
        LineCells cells = new LineCells();
        if (csv) {
            out.print(Csv.write(HEADER, List.of()));
            StringBuilder line = new StringBuilder(256);
            RowPipe.run(source, row -> {
                line.setLength(0);
                Csv.append(line, cells.of(row));
                out.append(line);
            });
        } else {
            TextTable.Streamed table = new TextTable.Streamed(out, 30, HEADER.toArray(String[]::new));
            RowPipe.run(source, row -> table.add((Object[]) cells.of(row)));
            out.println("共 " + table.finish() + " 件");
        }
        out.flush();
    }

    /** Prints rows as --json, --csv or an aligned table with a count line. */
    static void print(PrintWriter out, List<CaseListing> rows, boolean json, boolean csv) {
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
