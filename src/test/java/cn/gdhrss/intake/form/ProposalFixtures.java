package cn.gdhrss.intake.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;

/**
 * Writes filled proposals with POI into the office's blank template (forms/template-proposal.docx),
 * with known values in every field, so a test can compare what the reader returns with what was
 * written. {@link #main} writes the files LibreOffice converts into the committed fixtures.
 */
final class ProposalFixtures {

    static final String TEMPLATE = "/forms/template-proposal.docx";

    // Template tables, in document order.
    static final int DESCRIPTION = 0;
    static final int WORKFORCE = 1;
    static final int ANALYSIS = 2;
    static final int TRAINING = 3;
    static final int LAWS = 4;
    static final int ABROAD = 5;
    static final int CONTACT = 6;
    static final int OTHER = 7;

    private ProposalFixtures() {}

    /** Known values in every field of the schema. */
    static Proposal expected() {
        return new Proposal("广州低空智造研究院有限公司", LocalDate.of(2026, 7, 1), "2026年7月1日", Category.NEW_OCCUPATION,
                new Proposal.Occupation("低空飞行器运维员", List.of("无人机运维员", "低空航空器维护员"),
                        "从事低空飞行器日常检查、维护保养、故障诊断与维修的人员。",
                        "相关职业：民用航空器维修人员（6-23-03-15）、无人机驾驶员（4-02-05-04-01）。\n区别：本职业侧重低空飞行器的地面运维。",
                        List.of("6-23-03-15", "4-02-05-04-01"), "航空运输业"),
                List.of(new Proposal.Task("1", "检查飞行器机体与动力系统", "检测仪、扭力扳手", "目视检查与无损检测"),
                        new Proposal.Task("2", "维护保养电池与电机", "电池均衡仪", "电池健康评估"),
                        new Proposal.Task("3", "诊断并排除飞控故障", "地面站软件", "飞控日志分析"),
                        new Proposal.Task("4", "更新固件并记录运维档案", "笔记本电脑", "固件管理")),
                new Proposal.Requirements("遵守飞行安全规定，诚实守信。", "高中（中职）毕业", "空间感知与动手能力",
                        "身体健康，无色盲", "能与飞手、调度员协作", "熟悉锂电池安全与防护"),
                new Proposal.Workforce("约12.5万人", 125_000L, "珠三角、长三角为主", "供不应求，缺口约3万人",
                        "月薪8000至15000元", "行业协会2025年调查",
                        List.of(new Proposal.Employer("广州极飞运维有限公司", "广州市天河区科韵路1号", "020-87654321"),
                                new Proposal.Employer("深圳天翼无人机服务公司", "深圳市南山区科技园2号", "0755-12345678"))),
                new Proposal.Analysis("低空经济快速发展。\n无人机保有量逐年增加。", "保障低空飞行安全，促进就业。",
                        "由人工巡检转向数字化、远程诊断。", "随低空经济政策推进，需求将持续增长。"),
                new Proposal.Training(
                        List.of(new Proposal.School("广州民航职业技术学院", "无人机应用技术", "飞行原理；无人机维护；航电系统")),
                        List.of(new Proposal.TrainingInstitution("广东低空技能培训中心", "广州市白云区机场路3号", "020-66668888"))),
                "《无人驾驶航空器飞行管理暂行条例》第十条：从事维修的人员应具备相应能力。",
                new Proposal.Abroad(List.of("美国", "德国"), List.of("Drone Technician", "UAV-Wartungstechniker"),
                        List.of("检查飞行器", "维修动力系统", "更新固件"), "须持有相应资质证书", "美国FAA Part 107相关标准",
                        "社区学院开设无人机维护课程"),
                new Proposal.Contact("广州市天河区科韵路1号", "张三", "020-12345678", "zhangsan@example.com"),
                "无", List.of());
    }

    static XWPFDocument template() throws IOException {
        try (InputStream in = ProposalFixtures.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("missing " + TEMPLATE);
            }
            return new XWPFDocument(in);
        }
    }

    /** The template with every box filled from {@code proposal}; more task/employer rows are added as needed. */
    static XWPFDocument filled(Proposal proposal) throws IOException {
        XWPFDocument document = template();
        setParagraph(document.getParagraphs().get(2), "申报单位/个人（盖章或签字）：" + proposal.applicant());
        setParagraph(document.getParagraphs().get(3), "填写时间：" + proposal.filledDateText());
        fillDescription(document.getTables().get(DESCRIPTION), proposal);
        fillWorkforce(document.getTables().get(WORKFORCE), proposal);
        XWPFTable analysis = document.getTables().get(ANALYSIS);
        set(analysis, 1, 0, proposal.analysis().background());
        set(analysis, 3, 0, proposal.analysis().role());
        set(analysis, 5, 0, proposal.analysis().technology());
        set(analysis, 7, 0, proposal.analysis().prospects());
        fillTraining(document.getTables().get(TRAINING), proposal.training());
        set(document.getTables().get(LAWS), 1, 0, proposal.laws());
        fillAbroad(document.getTables().get(ABROAD), proposal.abroad());
        XWPFTable contact = document.getTables().get(CONTACT);
        set(contact, 1, 1, proposal.contact().address());
        set(contact, 2, 1, proposal.contact().person());
        set(contact, 2, 3, proposal.contact().phone());
        set(contact, 3, 1, proposal.contact().email());
        set(document.getTables().get(OTHER), 1, 0, proposal.other());
        return document;
    }

    private static void fillDescription(XWPFTable table, Proposal proposal) {
        set(table, 1, 0, ticks(proposal.category(), "√"));
        Proposal.Occupation occupation = proposal.occupation();
        set(table, 3, 1, occupation.name());
        set(table, 3, 4, at(occupation.alternativeNames(), 0));
        set(table, 4, 4, at(occupation.alternativeNames(), 1));
        set(table, 5, 1, occupation.definition());
        set(table, 6, 1, occupation.related());
        set(table, 7, 1, occupation.industry());
        List<String[]> tasks = new ArrayList<>();
        for (Proposal.Task task : proposal.tasks()) {
            tasks.add(new String[] {task.no(), task.content(), task.tools(), task.techniques()});
        }
        fillRows(table, 9, 7, tasks, 1);
    }

    /** The 申报类别 line with {@code mark} in the brackets of the category (none when null). */
    static String ticks(Category category, String mark) {
        return "(" + (category == Category.NEW_OCCUPATION ? mark : " ") + ")新职业    ("
                + (category == Category.NEW_JOB_TYPE ? mark : " ") + ")新工种    ("
                + (category == Category.CHANGE ? mark : " ") + ")调整变更职业(工种)信息②";
    }

    private static void fillWorkforce(XWPFTable table, Proposal proposal) {
        Proposal.Requirements requirements = proposal.requirements();
        String[] values = {requirements.ethics(), requirements.education(), requirements.specialAbilities(),
            requirements.physical(), requirements.teamwork(), requirements.safety()};
        for (int i = 0; i < values.length; i++) {
            set(table, 1 + i, 1, values[i]);
        }
        Proposal.Workforce workforce = proposal.workforce();
        String[] counts = {workforce.nationalCount(), workforce.regionalDistribution(), workforce.market(),
            workforce.pay(), workforce.dataSources()};
        for (int i = 0; i < counts.length; i++) {
            set(table, 8 + i, 1, counts[i]);
        }
        List<String[]> employers = new ArrayList<>();
        for (Proposal.Employer employer : workforce.employers()) {
            employers.add(new String[] {employer.name(), employer.address(), employer.phone()});
        }
        fillRows(table, 14, 3, employers, 1);
    }

    private static void fillTraining(XWPFTable table, Proposal.Training training) {
        Proposal.School school = training.schools().isEmpty() ? new Proposal.School("", "", "") : training.schools().get(0);
        set(table, 1, 2, school.institution());
        set(table, 2, 2, school.major());
        set(table, 3, 2, school.courses());
        List<String[]> institutions = new ArrayList<>();
        for (Proposal.TrainingInstitution institution : training.institutions()) {
            institutions.add(new String[] {institution.name(), institution.address(), institution.phone()});
        }
        fillRows(table, 5, 2, institutions, 1);
    }

    private static void fillAbroad(XWPFTable table, Proposal.Abroad abroad) {
        set(table, 1, 1, "1. " + at(abroad.countries(), 0));
        set(table, 2, 1, "2. " + at(abroad.countries(), 1));
        set(table, 1, 3, "1. " + at(abroad.similarNames(), 0));
        set(table, 2, 3, "2. " + at(abroad.similarNames(), 1));
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < abroad.mainTasks().size(); i++) {
            numbered.add((i + 1) + ". " + abroad.mainTasks().get(i));
        }
        set(table, 3, 1, String.join("\n", numbered));
        set(table, 4, 1, abroad.requirements());
        set(table, 5, 1, abroad.standards());
        set(table, 6, 1, abroad.training());
    }

    /**
     * Fills {@code records} into the rows from {@code first} on, cells from {@code firstCell}; when
     * there are more records than the template's {@code templateRows}, copies of the last row are added.
     */
    static void fillRows(XWPFTable table, int first, int templateRows, List<String[]> records, int firstCell) {
        for (int i = 0; i < records.size(); i++) {
            XWPFTableRow row = i < templateRows ? table.getRow(first + i) : addRowAfter(table, first + i - 1);
            String[] record = records.get(i);
            for (int c = 0; c < record.length; c++) {
                set(row.getCell(firstCell + c), record[c]);
            }
        }
    }

    /** A copy of row {@code index} inserted after it; the returned row is live in the document. */
    static XWPFTableRow addRowAfter(XWPFTable table, int index) {
        CTRow source = table.getCTTbl().getTrArray(index);
        CTRow inserted = table.getCTTbl().insertNewTr(index + 1);
        inserted.set(source);
        return new XWPFTableRow(inserted, table);
    }

    static void set(XWPFTable table, int row, int cell, String text) {
        set(table.getRow(row).getCell(cell), text);
    }

    /** Replaces a cell's content with {@code text}, one paragraph per line. */
    static void set(XWPFTableCell cell, String text) {
        for (int i = cell.getParagraphs().size() - 1; i > 0; i--) {
            cell.removeParagraph(i);
        }
        XWPFParagraph first = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        setParagraph(first, text.split("\n", -1)[0]);
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            cell.addParagraph().createRun().setText(lines[i]);
        }
    }

    static void setParagraph(XWPFParagraph paragraph, String text) {
        for (int r = paragraph.getRuns().size() - 1; r >= 0; r--) {
            paragraph.removeRun(r);
        }
        paragraph.createRun().setText(text);
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    static Path write(XWPFDocument document, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            document.write(out);
        }
        return file;
    }

    /** Writes the POI-filled forms that LibreOffice converts into committed fixtures (see forms/README.md). */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/fixtures"));
        write(filled(expected()), dir.resolve("testDOCX_filled.docx"));
        write(ProposalVariants.messyLabels(), dir.resolve("testDOCX_messyLabels.docx"));
        SummaryFixtures.writeAll(dir);
    }
}
