package cn.gdhrss.intake.form;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a document's class from its content, never from its name: the summary table by its header
 * row or title, the proposal by its title or several of its labels, a draft occupational standard by
 * a title naming 职业标准.
 */
final class DocumentClassDetector {

    /** A proposal shows at least this many distinct labels even when its title was removed. */
    private static final int MIN_PROPOSAL_LABELS = 4;
    /** The title of a standard sits near the top. */
    private static final int TITLE_LINES = 30;
    private static final Pattern STANDARD_TITLE = Pattern.compile(".{0,40}职业(技能)?(等级)?标准.{0,20}");

    DocumentClass detect(Layout layout) {
        if (SummaryTableReader.hasHeader(layout)) {
            return DocumentClass.SUMMARY_TABLE;
        }
        if (isProposal(layout)) {
            return DocumentClass.PROPOSAL;
        }
        if (hasStandardTitle(layout)) {
            return DocumentClass.OCCUPATIONAL_STANDARD;
        }
        return DocumentClass.OTHER;
    }

    private static boolean isProposal(Layout layout) {
        Set<ProposalField> seen = EnumSet.noneOf(ProposalField.class);
        for (Layout.Line line : layout.lines()) {
            for (Layout.Cell cell : line.cells()) {
                String label = FormText.label(cell.text());
                if (label.equals("新职业建议书") || label.equals("新职业(工种)建议书")) {
                    return true;
                }
                ProposalField.find(cell.text()).filter(field -> field.kind() != ProposalField.Kind.INLINE)
                        .ifPresent(seen::add);
            }
            if (seen.size() >= MIN_PROPOSAL_LABELS) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasStandardTitle(Layout layout) {
        int count = 0;
        for (Layout.Line line : layout.lines()) {
            if (count++ >= TITLE_LINES) {
                return false;
            }
            for (Layout.Cell cell : line.cells()) {
                if (STANDARD_TITLE.matcher(FormText.label(cell.text())).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
