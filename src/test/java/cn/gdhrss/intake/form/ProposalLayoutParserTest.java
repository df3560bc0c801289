package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalLayoutParserTest {

    private final List<Layout.Line> lines = new ArrayList<>();

    private ProposalLayoutParserTest paragraph(String text) {
        lines.add(Layout.Line.paragraph(text));
        return this;
    }

    /** A row of the first table; each cell one grid column wide. */
    private ProposalLayoutParserTest row(String... cells) {
        List<Layout.Cell> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            row.add(new Layout.Cell(cells[i] == null ? "" : cells[i], i, i + 1, cells[i] == null));
        }
        lines.add(new Layout.Line(row, 0));
        return this;
    }

    private Proposal read() {
        return new ProposalReader().read(new Layout(lines));
    }

    @Test
    void signatureLineAtTheEndDoesNotAddToTheCoverApplicant() {
        paragraph("申报单位/个人（盖章或签字）：甲公司").row("十、其他需要说明的情况").row("无").paragraph("申报单位（盖章）：甲公司");

        Proposal proposal = read();

        assertThat(proposal.applicant()).isEqualTo("甲公司");
        assertThat(proposal.other()).isEqualTo("无");
    }

    @Test
    void rowsWithoutLabelContinueTheLabelsAboveColumnByColumn() {
        row("国家或地区", "1. 美国", "同类职业(工种)名称", "1. Drone Technician").row(null, "2. 德国", null, "2. UAV-Techniker");

        Proposal.Abroad abroad = read().abroad();

        assertThat(abroad.countries()).containsExactly("美国", "德国");
        assertThat(abroad.similarNames()).containsExactly("Drone Technician", "UAV-Techniker");
    }

    @Test
    void contactRowWithShortPhoneLabelSplitsPersonAndPhone() {
        row("联系人", "张三", "电话", "13800138000").row("E-mail", "a@example.com");

        Proposal.Contact contact = read().contact();

        assertThat(contact.person()).isEqualTo("张三");
        assertThat(contact.phone()).isEqualTo("13800138000");
        assertThat(contact.email()).isEqualTo("a@example.com");
    }

    @Test
    void taskHeaderWithoutGroupLabelStillStartsTheTaskTable() {
        row("序号", "内容", "特有工具/设备", "专门技术").row("1", "巡检", "无人机", "航测").row("2", "", "", "")
                .row("所属行业", "航空运输业");

        Proposal proposal = read();

        assertThat(proposal.tasks()).containsExactly(new Proposal.Task("1", "巡检", "无人机", "航测"));
        assertThat(proposal.occupation().industry()).isEqualTo("航空运输业");
    }

    @Test
    void footnotesAndInstructionsAreNeitherLabelsNorValues() {
        row("七、有关法律法规情况⑧").row("").paragraph("⑧ 列出对新职业有特殊约束的相关法律法规名称及具体条款内容。")
                .paragraph("《安全生产法》第二十七条");

        assertThat(read().laws()).isEqualTo("《安全生产法》第二十七条");
    }
}
