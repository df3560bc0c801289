package cn.gdhrss.intake.form;

import static cn.gdhrss.intake.form.ProposalFixtures.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;

/** Filled proposals with the quirks of real forms, each with the proposal it must read back as. */
final class ProposalVariants {

    private ProposalVariants() {}

    /** Nine tasks and five employers: more rows than the template has. */
    static Proposal manyRows() {
        Proposal base = expected();
        List<Proposal.Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            tasks.add(new Proposal.Task(String.valueOf(i), "任务" + i, "工具" + i, "技术" + i));
        }
        List<Proposal.Employer> employers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            employers.add(new Proposal.Employer("单位" + i, "地址" + i, "020-0000000" + i));
        }
        return withRows(base, tasks, employers);
    }

    /** Two tasks and one employer, the other template rows deleted. */
    static Proposal fewRows() {
        Proposal base = expected();
        return withRows(base, base.tasks().subList(0, 2), base.workforce().employers().subList(0, 1));
    }

    static XWPFDocument fewRowsDocument() throws IOException {
        XWPFDocument document = filled(fewRows());
        XWPFTable description = document.getTables().get(DESCRIPTION);
        for (int row = 15; row >= 11; row--) {
            description.removeRow(row);
        }
        XWPFTable workforce = document.getTables().get(WORKFORCE);
        workforce.removeRow(16);
        workforce.removeRow(15);
        return document;
    }

    private static Proposal withRows(Proposal base, List<Proposal.Task> tasks, List<Proposal.Employer> employers) {
        Proposal.Workforce w = base.workforce();
        return new Proposal(base.applicant(), base.filledDate(), base.filledDateText(), base.category(),
                base.occupation(), tasks, base.requirements(),
                new Proposal.Workforce(w.nationalCount(), w.nationalCountValue(), w.regionalDistribution(), w.market(),
                        w.pay(), w.dataSources(), employers),
                base.analysis(), base.training(), base.laws(), base.abroad(), base.contact(), base.other(), List.of());
    }

    /** Labels typed by hand: spaces, line breaks, half-width brackets, footnote markers, colons. */
    static XWPFDocument messyLabels() throws IOException {
        XWPFDocument document = filled(expected());
        XWPFTable description = document.getTables().get(DESCRIPTION);
        set(description, 3, 0, "职 业（工种）\n名称 ^③");
        set(description, 5, 0, "职业(工种)定义 ④");
        set(description, 6, 0, "与相关职业\n(工种)的关系^⑤");
        set(description, 7, 0, "所属 行业⑥");
        XWPFTable workforce = document.getTables().get(WORKFORCE);
        set(workforce, 1, 0, "职业操守与职业道德：");
        set(workforce, 8, 0, "全国从业\n人数");
        set(workforce, 11, 0, "薪 酬 情 况");
        set(workforce, 12, 0, "数据来源⑦");
        set(workforce, 13, 0, "吸纳从业人员\n较多的用人单位 ^⑦");
        set(document.getTables().get(ANALYSIS), 0, 0, "产生背景(400字以内)");
        set(document.getTables().get(ABROAD), 5, 0, "相关职业（工种）\n标准情况");
        set(document.getTables().get(CONTACT), 3, 0, "电子 信箱");
        return document;
    }

    /** The filled form with the 申报类别 line replaced. */
    static XWPFDocument withCategoryLine(String line) throws IOException {
        XWPFDocument document = filled(expected());
        set(document.getTables().get(DESCRIPTION), 1, 0, line);
        return document;
    }

    /** 七 and 十 written as paragraphs under their tables, their boxes left empty. */
    static XWPFDocument textBesideTables() throws IOException {
        Proposal proposal = expected();
        XWPFDocument document = filled(proposal);
        set(document.getTables().get(LAWS), 1, 0, "");
        set(document.getTables().get(OTHER), 1, 0, "");
        XWPFParagraph footnote = document.getParagraphs().stream()
                .filter(paragraph -> paragraph.getText().startsWith("⑧")).findFirst().orElseThrow();
        try (XmlCursor cursor = footnote.getCTP().newCursor()) {
            setParagraph(document.insertNewParagraph(cursor), proposal.laws());
        }
        setParagraph(document.createParagraph(), proposal.other());
        return document;
    }
}
